import { z } from 'zod'
import type { KittyError } from '../errors.js'
import type { GitHubApi, RepoRef } from './client.js'
import { parseAnswer, toGitHubError } from './errors.js'

/** A person's access to the repository, weakest first. */
export const PERMISSIONS = ['none', 'read', 'triage', 'write', 'maintain', 'admin'] as const
/** One level of access. */
export type Permission = (typeof PERMISSIONS)[number]

const Level = z.enum(PERMISSIONS)
const PermissionAnswer = z.object({
  permission: z.string(),
  role_name: z.string().optional()
})

/**
 * The level GitHub reports: `role_name` when it is a built-in role (it tells maintain and triage
 * apart), else the legacy `permission` (custom roles); anything unknown is `none`.
 */
export function levelOf(answer: { permission: string; role_name?: string }): Permission {
  const role = Level.safeParse(answer.role_name)
  if (role.success) return role.data
  const legacy = Level.safeParse(answer.permission)
  return legacy.success ? legacy.data : 'none'
}

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

/** True when `actual` reaches `needed` (admin > maintain > write > triage > read > none). */
export function permissionAtLeast(actual: Permission, needed: Permission): boolean {
  return PERMISSIONS.indexOf(actual) >= PERMISSIONS.indexOf(needed)
}
