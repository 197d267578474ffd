import { GitStore, SUBMODULE_MODE, SYMLINK_MODE } from './git-store.js'
import type { FlatEntry } from './git-store.js'
import { addComment } from './routes-issues.js'
import { ACTIONS_BOT, KNOWN_USERS, SEED_DATE } from './seed.js'
import type { RepoSeed } from './seed.js'
import { ensureUser, findRepo, nextId, nextNumber, timestamp } from './state.js'
import type {
  Access,
  IssueComment,
  Role,
  SandboxGitHubState,
  SandboxRepo,
  Scope,
  TokenGrant
} from './state.js'

/** The `GITHUB_TOKEN` the sandbox accepts unless told otherwise (shaped like an Actions token). */
export const SANDBOX_GITHUB_TOKEN = 'ghs_sandbox0Actions0Token0000000000001'

/** A token as tests describe it: any part left out is the Actions token's. */
export interface TokenSpec {
  login?: string
  actions?: boolean
  permissions?: Partial<Record<Scope, Access>>
}

/** The Actions token's default rights: write on contents, issues and pull requests. */
export function actionsGrant(spec: TokenSpec = {}): TokenGrant {
  return {
    login: spec.login ?? ACTIONS_BOT.login,
    actions: spec.actions ?? true,
    permissions: {
      contents: 'write',
      issues: 'write',
      pull_requests: 'write',
      metadata: 'read',
      ...spec.permissions
    }
  }
}

/** What a seeded path holds: a file's text, a symlink, a submodule, or nothing (null deletes). */
export type FileSeed = string | null | { symlink: string } | { submodule: string }

function leafOf(repo: SandboxRepo, content: Exclude<FileSeed, null>): FlatEntry {
  if (typeof content === 'string') return { mode: '100644', sha: repo.git.putBlob(content) }
  if ('symlink' in content) return { mode: SYMLINK_MODE, sha: repo.git.putBlob(content.symlink) }
  return { mode: SUBMODULE_MODE, sha: content.submodule }
}

/** Commits file changes (null deletes) on top of `parent`; returns the commit id. */
export function commitChanges(
  state: SandboxGitHubState,
  repo: SandboxRepo,
  parent: string | undefined,
  files: Record<string, FileSeed>,
  message: string,
  date = timestamp(state)
): string {
  const base = parent === undefined ? undefined : repo.git.commit(parent)?.tree
  const flat = base === undefined ? new Map() : repo.git.flatten(base)
  for (const [path, content] of Object.entries(files)) {
    if (content === null) flat.delete(path)
    else flat.set(path, leafOf(repo, content))
  }
  const author = { name: 'ana', email: 'ana@acme.example', date }
  return repo.git.putCommit({
    tree: repo.git.buildTree(flat),
    parents: parent === undefined ? [] : [parent],
    message,
    author,
    committer: author
  })
}

/** Adds a repository from a seed: its history on the default branch, people and issues. */
export function createRepository(state: SandboxGitHubState, seed: RepoSeed): SandboxRepo {
  for (const user of KNOWN_USERS) {
    const key = user.login.toLowerCase()
    if (!state.users.has(key)) state.users.set(key, { ...user })
  }
  ensureUser(state, seed.owner, 'Organization')
  const repo: SandboxRepo = {
    id: nextId(state),
    owner: seed.owner,
    name: seed.name,
    private: seed.private ?? true,
    description: seed.description ?? null,
    defaultBranch: seed.defaultBranch ?? 'main',
    createdAt: SEED_DATE,
    git: new GitStore(),
    refs: new Map(),
    issues: new Map(),
    pulls: new Map(),
    comments: new Map(),
    labels: new Map(),
    collaborators: new Map(),
    settings: {
      actionsCanCreatePullRequests: true,
      labelLagAfterPullCreate: 0,
      treeEntryLimit: 100_000,
      ...seed.settings
    }
  }
  let head: string | undefined
  for (const commit of seed.history) {
    head = commitChanges(state, repo, head, commit.files, commit.message, SEED_DATE)
  }
  if (head !== undefined) repo.refs.set(`refs/heads/${repo.defaultBranch}`, head)
  for (const [login, role] of Object.entries(seed.collaborators ?? {})) {
    ensureUser(state, login)
    repo.collaborators.set(login.toLowerCase(), role)
  }
  state.repos.set(`${seed.owner}/${seed.name}`.toLowerCase(), repo)
  for (const issue of seed.issues ?? []) {
    createIssue(state, repo, issue)
    for (const comment of issue.comments ?? []) {
      addComment(state, repo, issue.number, comment.user, comment.body)
    }
  }
  return repo
}

/** Opens an issue (the next free number unless one is given). */
export function createIssue(
  state: SandboxGitHubState,
  repo: SandboxRepo,
  issue: { number?: number; title: string; body?: string; user: string }
): number {
  const number = issue.number ?? nextNumber(repo)
  const now = timestamp(state)
  ensureUser(state, issue.user)
  repo.issues.set(number, {
    number,
    id: nextId(state),
    title: issue.title,
    body: issue.body ?? null,
    user: issue.user,
    state: 'open',
    labels: [],
    createdAt: now,
    updatedAt: now
  })
  return number
}

/** Seeding and inspection helpers bound to one sandbox's state. */
export interface SandboxGitHubHelpers {
  /** The repository `owner/name` (default `acme/webapp`); throws when it does not exist. */
  repo(fullName?: string): SandboxRepo
  /** Adds a repository, e.g. `jiraRepoSeed()` or `numberedRepoSeed()`. */
  createRepository(seed: RepoSeed): SandboxRepo
  /** Accepts another token; unspecified parts are the Actions token's. */
  addToken(token: string, spec?: TokenSpec): void
  /**
   * Pushes a commit of file changes (null deletes; symlinks and submodules too) to a branch,
   * creating it from the default branch.
   */
  pushFiles(
    fullName: string,
    branch: string,
    files: Record<string, FileSeed>,
    message?: string
  ): string
  /** A file's text at a branch, tag or commit; undefined when there is none. */
  readFile(fullName: string, ref: string, path: string): string | undefined
  /** The commit a branch points at; undefined when the branch does not exist. */
  branchHead(fullName: string, branch: string): string | undefined
  /** Opens an issue; returns its number. */
  createIssue(fullName: string, issue: { title: string; body?: string; user: string }): number
  /** Adds comments to an issue or pull request, in order. */
  addComments(
    fullName: string,
    issue: number,
    comments: { user: string; body: string }[]
  ): IssueComment[]
  /** The comments of an issue or pull request, oldest first. */
  comments(fullName: string, issue: number): IssueComment[]
  /** Gives a login a role, or removes it (null). */
  setCollaborator(fullName: string, login: string, role: Role | null): void
}

/** The helpers of a sandbox over its state. */
export function sandboxHelpers(state: SandboxGitHubState): SandboxGitHubHelpers {
  const repo = (fullName = 'acme/webapp'): SandboxRepo => {
    const [owner = '', name = ''] = fullName.split('/')
    const found = findRepo(state, owner, name)
    if (found === undefined) throw new Error(`The sandbox has no repository ${fullName}.`)
    return found
  }
  return {
    repo,
    createRepository: seed => createRepository(state, seed),
    addToken: (token, spec) => state.tokens.set(token, actionsGrant(spec)),
    pushFiles: (fullName, branch, files, message = 'Update files') => {
      const target = repo(fullName)
      const ref = `refs/heads/${branch}`
      const parent = target.refs.get(ref) ?? target.refs.get(`refs/heads/${target.defaultBranch}`)
      const sha = commitChanges(state, target, parent, files, message)
      target.refs.set(ref, sha)
      return sha
    },
    readFile: (fullName, ref, path) => {
      const target = repo(fullName)
      const sha = target.refs.get(`refs/heads/${ref}`) ?? ref
      const entry = target.git.lookup(target.git.commit(sha)?.tree ?? '', path)
      return entry?.type === 'blob' ? target.git.blob(entry.sha)?.toString('utf8') : undefined
    },
    branchHead: (fullName, branch) => repo(fullName).refs.get(`refs/heads/${branch}`),
    createIssue: (fullName, issue) => createIssue(state, repo(fullName), issue),
    addComments: (fullName, issue, comments) => {
      const target = repo(fullName)
      return comments.map(comment => {
        ensureUser(state, comment.user)
        return addComment(state, target, issue, comment.user, comment.body)
      })
    },
    comments: (fullName, issue) =>
      [...repo(fullName).comments.values()]
        .filter(comment => comment.issueNumber === issue)
        .sort((a, b) => a.id - b.id),
    setCollaborator: (fullName, login, role) => {
      ensureUser(state, login)
      const target = repo(fullName)
      if (role === null) target.collaborators.delete(login.toLowerCase())
      else target.collaborators.set(login.toLowerCase(), role)
    }
  }
}
