import { githubError, notFound, ok } from './reply.js'
import type { Reply } from './reply.js'
import type { RouteContext, RouteDefinition } from './router.js'
import { collaboratorJson, repositoryJson } from './shapes-repo.js'
import { contentEntryJson, fileJson } from './shapes-git.js'
import { ensureUser, findUser, resolveCommitish } from './state.js'
import type { Role } from './state.js'

/** The legacy `permission` GitHub reports for a role (`maintain` → write, `triage` → read). */
const LEGACY: Record<Role, string> = {
  admin: 'admin',
  maintain: 'write',
  write: 'write',
  triage: 'read',
  read: 'read'
}

function getRepository({ state, api, repo }: RouteContext): Reply {
  return ok(repositoryJson(api, repo, ensureUser(state, repo.owner, 'Organization'), true))
}

/**
 * A collaborator's role; an account without access reads `none` on a private repository and
 * `read` on a public one; a login GitHub does not know is a 404.
 */
function getPermission({ state, api, repo, params, docs }: RouteContext): Reply {
  const user = findUser(state, params.username ?? '')
  if (user === undefined) return notFound(docs)
  const role = repo.collaborators.get(user.login.toLowerCase())
  const fallback = repo.private ? 'none' : 'read'
  const roleName = role ?? fallback
  return ok({
    permission: role === undefined ? fallback : LEGACY[role],
    role_name: roleName,
    user: collaboratorJson(api, user, role ?? (repo.private ? undefined : 'read'), roleName)
  })
}

/** A file (base64 content), a directory (array of entries) or 404. */
function getContent({ api, repo, params, url, docs }: RouteContext): Reply {
  const ref = url.searchParams.get('ref') ?? repo.defaultBranch
  const sha = resolveCommitish(repo, ref)
  if (sha === undefined) return githubError(404, `No commit found for the ref ${ref}`, docs)
  const path = (params.path ?? '').replace(/^\/+|\/+$/g, '')
  const entry = repo.git.lookup(repo.git.commit(sha)?.tree ?? '', path)
  if (entry === undefined) return notFound(docs)
  if (entry.type === 'blob') return ok(fileJson(api, repo, path, entry, ref))
  const prefix = path === '' ? '' : `${path}/`
  return ok(
    (repo.git.tree(entry.sha) ?? []).map(child =>
      contentEntryJson(api, repo, `${prefix}${child.name}`, child, ref)
    )
  )
}

/** Repository metadata, permissions and contents. */
export const repoRoutes: RouteDefinition[] = [
  {
    operation: 'GET /repos/{owner}/{repo}',
    scopes: ['metadata'],
    access: 'read',
    handle: getRepository
  },
  {
    operation: 'GET /repos/{owner}/{repo}/collaborators/{username}/permission',
    scopes: ['metadata'],
    access: 'read',
    handle: getPermission
  },
  {
    operation: 'GET /repos/{owner}/{repo}/contents/{path}',
    scopes: ['contents'],
    access: 'read',
    handle: getContent
  }
]
