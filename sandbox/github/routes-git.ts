import { z } from 'zod'
import type { FlatEntry, GitSignature } from './git-store.js'
import { githubError, invalidRequest, notFound, ok } from './reply.js'
import type { Reply } from './reply.js'
import type { RouteContext, RouteDefinition } from './router.js'
import { commitJson, refJson, treeJson } from './shapes-git.js'
import { findUser, resolveCommitish, timestamp } from './state.js'
import type { SandboxGitHubState, SandboxRepo } from './state.js'

const Sha = z.string().regex(/^[0-9a-f]{40}$/)
const CreateRef = z.object({ ref: z.string(), sha: z.string() })
const UpdateRef = z.object({ sha: z.string(), force: z.boolean().optional() })
const Signature = z.object({ name: z.string(), email: z.string(), date: z.string().optional() })
const CreateCommit = z.object({
  message: z.string(),
  tree: z.string(),
  parents: z.array(z.string()).default([]),
  author: Signature.optional(),
  committer: Signature.optional()
})
const TreeItem = z.object({
  path: z.string(),
  mode: z.enum(['100644', '100755', '040000', '120000', '160000']),
  type: z.enum(['blob', 'tree', 'commit']).optional(),
  sha: Sha.nullable().optional(),
  content: z.string().optional()
})
const CreateTree = z.object({ base_tree: z.string().optional(), tree: z.array(TreeItem) })

/** Git's rules for a ref name, as far as a sandbox needs them. */
function validRefName(ref: string): boolean {
  return !/(\.\.|@\{|[\s~^:?*[\\]|\/\/|\/\.|\.lock$|\.$|\/$)/.test(ref)
}

/** The default signature of the token's account, as GitHub fills in author and committer. */
export function botSignature(state: SandboxGitHubState, login: string): GitSignature {
  const id = findUser(state, login)?.id ?? 0
  return { name: login, email: `${id}+${login}@users.noreply.github.com`, date: timestamp(state) }
}

function getRef({ api, repo, params, docs }: RouteContext): Reply {
  const ref = `refs/${params.ref ?? ''}`
  const sha = repo.refs.get(ref)
  return sha === undefined ? notFound(docs) : ok(refJson(api, repo, ref, sha))
}

/** Atomic: the check and the write happen in one turn of the event loop. */
function createRef({ api, repo, body, docs }: RouteContext): Reply {
  const parsed = CreateRef.safeParse(body)
  if (!parsed.success) return invalidRequest(docs, parsed.error)
  const { ref, sha } = parsed.data
  if (!ref.startsWith('refs/') || ref.split('/').length < 3) {
    return githubError(422, "Reference name must start with 'refs/' and have two slashes", docs)
  }
  if (!validRefName(ref)) return githubError(422, `${ref} is not a valid ref name.`, docs)
  if (repo.git.commit(sha) === undefined) return githubError(422, 'Object does not exist', docs)
  if (repo.refs.has(ref)) return githubError(422, 'Reference already exists', docs)
  repo.refs.set(ref, sha)
  return ok(refJson(api, repo, ref, sha), 201)
}

function updateRef({ api, repo, params, body, docs }: RouteContext): Reply {
  const parsed = UpdateRef.safeParse(body)
  if (!parsed.success) return invalidRequest(docs, parsed.error)
  const ref = `refs/${params.ref ?? ''}`
  const current = repo.refs.get(ref)
  if (current === undefined) return githubError(422, 'Reference does not exist', docs)
  const { sha, force } = parsed.data
  if (repo.git.commit(sha) === undefined) return githubError(422, 'Object does not exist', docs)
  if (force !== true && !repo.git.isAncestor(current, sha)) {
    return githubError(422, 'Update is not a fast forward', docs)
  }
  repo.refs.set(ref, sha)
  return ok(refJson(api, repo, ref, sha))
}

/** Deleting a branch closes the open pull requests whose head it is, as on GitHub. */
function deleteRef({ state, repo, params, docs }: RouteContext): Reply {
  const ref = `refs/${params.ref ?? ''}`
  const sha = repo.refs.get(ref)
  if (sha === undefined) return githubError(422, 'Reference does not exist', docs)
  repo.refs.delete(ref)
  for (const pull of repo.pulls.values()) {
    const issue = repo.issues.get(pull.number)
    if (`refs/heads/${pull.head}` !== ref || issue?.state !== 'open') continue
    pull.headSha = sha
    issue.state = 'closed'
    issue.updatedAt = timestamp(state)
  }
  return { status: 204 }
}

function getCommit({ api, repo, params, docs }: RouteContext): Reply {
  const sha = params.commit_sha ?? ''
  return repo.git.commit(sha) === undefined ? notFound(docs) : ok(commitJson(api, repo, sha))
}

function createCommit({ state, api, repo, body, grant, docs }: RouteContext): Reply {
  const parsed = CreateCommit.safeParse(body)
  if (!parsed.success) return invalidRequest(docs, parsed.error)
  const { message, tree, parents } = parsed.data
  if (repo.git.tree(tree) === undefined) return githubError(422, 'Tree SHA does not exist', docs)
  if (parents.some(parent => repo.git.commit(parent) === undefined)) {
    return githubError(422, 'Parent SHA does not exist or is not a commit object', docs)
  }
  const fallback = botSignature(state, grant.login)
  const author = { ...fallback, ...parsed.data.author }
  const committer = { ...author, ...parsed.data.committer }
  const sha = repo.git.putCommit({ tree, parents, message, author, committer })
  return ok(commitJson(api, repo, sha), 201)
}

/** `tree_sha` may also name a commit or a branch, as GitHub allows. */
function getTree({ api, repo, params, url, docs }: RouteContext): Reply {
  const name = params.tree_sha ?? ''
  const commit = resolveCommitish(repo, name)
  const sha = commit === undefined ? name : (repo.git.commit(commit)?.tree ?? name)
  if (repo.git.tree(sha) === undefined) return notFound(docs)
  return ok(treeJson(api, repo, sha, url.searchParams.has('recursive')))
}

function applyItem(
  repo: SandboxRepo,
  flat: Map<string, FlatEntry>,
  item: z.infer<typeof TreeItem>
): string | undefined {
  const path = item.path
  if (path === '' || path.split('/').some(part => part === '' || part === '.' || part === '..')) {
    return 'tree.path contains a malformed path component'
  }
  for (const existing of [...flat.keys()]) {
    if (existing === path || existing.startsWith(`${path}/`)) flat.delete(existing)
  }
  if (item.sha === null) return undefined
  if (item.content !== undefined && item.sha !== undefined) {
    return 'Must supply either tree.sha or tree.content, but not both'
  }
  if (item.mode === '040000') {
    if (item.sha === undefined || repo.git.tree(item.sha) === undefined) return 'Invalid tree info'
    for (const [inner, leaf] of repo.git.flatten(item.sha)) flat.set(`${path}/${inner}`, leaf)
    return undefined
  }
  if (item.mode === '160000') {
    if (item.sha === undefined || item.content !== undefined) return 'Invalid tree info'
    flat.set(path, { mode: item.mode, sha: item.sha })
    return undefined
  }
  const sha = item.content === undefined ? item.sha : repo.git.putBlob(item.content)
  if (sha === undefined || repo.git.blob(sha) === undefined) return 'Invalid tree info'
  flat.set(path, { mode: item.mode, sha })
  return undefined
}

function createTree({ api, repo, body, docs }: RouteContext): Reply {
  const parsed = CreateTree.safeParse(body)
  if (!parsed.success) return invalidRequest(docs, parsed.error)
  const { base_tree: baseTree, tree } = parsed.data
  if (baseTree !== undefined && repo.git.tree(baseTree) === undefined) {
    return githubError(422, 'GitRPC::BadObjectState', docs)
  }
  const flat = baseTree === undefined ? new Map<string, FlatEntry>() : repo.git.flatten(baseTree)
  for (const item of tree) {
    const problem = applyItem(repo, flat, item)
    if (problem !== undefined) return githubError(422, problem, docs)
  }
  return ok(treeJson(api, repo, repo.git.buildTree(flat), false), 201)
}

/** The git database: refs, commits and trees. */
export const gitRoutes: RouteDefinition[] = [
  {
    operation: 'GET /repos/{owner}/{repo}/git/ref/{ref}',
    scopes: ['contents'],
    access: 'read',
    handle: getRef
  },
  {
    operation: 'POST /repos/{owner}/{repo}/git/refs',
    scopes: ['contents'],
    access: 'write',
    handle: createRef
  },
  {
    operation: 'PATCH /repos/{owner}/{repo}/git/refs/{ref}',
    scopes: ['contents'],
    access: 'write',
    handle: updateRef
  },
  {
    operation: 'DELETE /repos/{owner}/{repo}/git/refs/{ref}',
    scopes: ['contents'],
    access: 'write',
    handle: deleteRef
  },
  {
    operation: 'GET /repos/{owner}/{repo}/git/commits/{commit_sha}',
    scopes: ['contents'],
    access: 'read',
    handle: getCommit
  },
  {
    operation: 'POST /repos/{owner}/{repo}/git/commits',
    scopes: ['contents'],
    access: 'write',
    handle: createCommit
  },
  {
    operation: 'GET /repos/{owner}/{repo}/git/trees/{tree_sha}',
    scopes: ['contents'],
    access: 'read',
    handle: getTree
  },
  {
    operation: 'POST /repos/{owner}/{repo}/git/trees',
    scopes: ['contents'],
    access: 'write',
    handle: createTree
  }
]
