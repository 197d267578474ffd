import { archiveLink } from './codeload.js'
import { githubError, notFound, ok } from './reply.js'
import type { Reply } from './reply.js'
import type { RouteContext, RouteDefinition } from './router.js'
import { collaboratorJson, repositoryJson } from './shapes-repo.js'
import { SUBMODULE_MODE, SYMLINK_MODE } from './git-store.js'
import type { TreeEntry } from './git-store.js'
import { contentEntryJson, fileJson, submoduleJson, symlinkJson } from './shapes-git.js'
import { CONTENTS_LIST_LIMIT, ensureUser, findUser, resolveCommitish } from './state.js'
import type { Role, SandboxRepo } from './state.js'

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

/** Where a symlink at `path` points, as a path from the repository root; undefined outside it. */
function symlinkTarget(repo: SandboxRepo, path: string, entry: TreeEntry): string | undefined {
  const parts = path.split('/').slice(0, -1)
  for (const part of (repo.git.blob(entry.sha)?.toString('utf8') ?? '').split('/')) {
    if (part === '..') {
      if (parts.pop() === undefined) return undefined
    } else if (part !== '.' && part !== '') parts.push(part)
  }
  return parts.join('/')
}

/**
 * A file (base64 content; none over 1 MB), a directory (array of at most 1,000 entries), a
 * symlink, a submodule, or 404 — as on GitHub. A symlink to a file of the repository is served
 * as that file, so its own type shows only in a listing of its directory (or in a tree).
 */
function getContent({ api, repo, params, url, docs }: RouteContext): Reply {
  const ref = url.searchParams.get('ref') ?? repo.defaultBranch
  const sha = resolveCommitish(repo, ref)
  if (sha === undefined) return githubError(404, `No commit found for the ref ${ref}`, docs)
  const root = repo.git.commit(sha)?.tree ?? ''
  const path = (params.path ?? '').replace(/^\/+|\/+$/g, '')
  const entry = repo.git.lookup(root, path)
  if (entry === undefined) return notFound(docs)
  if (entry.mode === SUBMODULE_MODE) return ok(submoduleJson(api, repo, path, entry, ref))
  if (entry.mode === SYMLINK_MODE) {
    const targetPath = symlinkTarget(repo, path, entry)
    const target = targetPath === undefined ? undefined : repo.git.lookup(root, targetPath)
    if (targetPath === undefined || target?.type !== 'blob' || target.mode === SYMLINK_MODE) {
      return ok(symlinkJson(api, repo, path, entry, ref))
    }
    return ok(fileJson(api, repo, targetPath, target, ref))
  }
  if (entry.type === 'blob') return ok(fileJson(api, repo, path, entry, ref))
  const prefix = path === '' ? '' : `${path}/`
  return ok(
    (repo.git.tree(entry.sha) ?? [])
      .slice(0, CONTENTS_LIST_LIMIT)
      .map(child => contentEntryJson(api, repo, `${prefix}${child.name}`, child, ref))
  )
}

/**
 * A 302 to the archive of a ref on the sandbox's codeload, as GitHub answers; 404 (GitHub's
 * "Not Found") for a ref the repository does not have.
 */
function getTarball({ state, api, repo, params, docs }: RouteContext): Reply {
  const ref = params.ref ?? ''
  if (resolveCommitish(repo, ref) === undefined) return notFound(docs)
  return { status: 302, headers: { location: archiveLink(state, api, repo, ref) } }
}

/** Repository metadata, permissions, contents and archives. */
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
  },
  {
    operation: 'GET /repos/{owner}/{repo}/tarball/{ref}',
    scopes: ['contents'],
    access: 'read',
    handle: getTarball
  }
]
