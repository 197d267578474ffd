import { z } from 'zod'
import { levelOf } from '../chatops/permission.js'
import type { Permission } from '../chatops/permission.js'
import type { KittyError } from '../errors.js'
import type { GitHubApi, RepoRef } from './client.js'
import { parseAnswer, toGitHubError } from './errors.js'

const PermissionAnswer = z.object({
  permission: z.string(),
  role_name: z.string().optional()
})

/**
 * The access `login` has to the repository. Fails closed: any error (unknown user, network,
 * rate limit, a malformed answer) means `'none'`; `onError` hears why, for the log.
 */
export async function getPermission(
  api: GitHubApi,
  repo: RepoRef,
  login: string,
  onError?: (error: KittyError) => void
): Promise<Permission> {
  const call = { action: `read the permission of ${login}`, permission: 'contents: read' }
  try {
    const { data } = await api.request(
      'GET /repos/{owner}/{repo}/collaborators/{username}/permission',
      { owner: repo.owner, repo: repo.repo, username: login }
    )
    return levelOf(parseAnswer(PermissionAnswer, data, call))
  } catch (error) {
    onError?.(toGitHubError(error, call))
    return 'none'
  }
}
