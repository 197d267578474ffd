import { GitStore } from './git-store.js'

/** A repository role, strongest first. */
export const ROLES = ['admin', 'maintain', 'write', 'triage', 'read'] as const
/** One repository role. */
export type Role = (typeof ROLES)[number]

/** A GitHub account the sandbox knows. */
export interface SandboxUser {
  login: string
  id: number
  type: 'User' | 'Bot' | 'Organization'
}

/** Access a token has to one permission scope. */
export type Access = 'none' | 'read' | 'write'
/** The permission scopes the served routes need. */
export type Scope = 'contents' | 'issues' | 'pull_requests' | 'metadata'

/** What a token may do, and as whom. */
export interface TokenGrant {
  login: string
  /** True for a GitHub Actions `GITHUB_TOKEN` (the repository setting on PR creation applies). */
  actions: boolean
  permissions: Record<Scope, Access>
}

/** A reaction on a comment. */
export interface Reaction {
  id: number
  user: string
  content: string
  createdAt: string
}

/** A comment on an issue or pull request. */
export interface IssueComment {
  id: number
  issueNumber: number
  user: string
  body: string
  createdAt: string
  updatedAt: string
  reactions: Reaction[]
}

/** An issue; pull requests are issues too (they share the number space). */
export interface Issue {
  number: number
  id: number
  title: string
  body: string | null
  user: string
  state: 'open' | 'closed'
  labels: string[]
  createdAt: string
  updatedAt: string
}

/** A pull request: its issue plus head and base branches. */
export interface PullRequest {
  number: number
  id: number
  head: string
  base: string
  /** The head commit when last seen (kept when the head branch is deleted). */
  headSha: string
  draft: boolean
  /** Label requests still to be refused with 422 (GitHub's eventual consistency). */
  labelLag: number
}

/** A label of the repository. */
export interface Label {
  id: number
  name: string
  color: string
  description: string | null
}

/** Repository settings the action's behaviour depends on. */
export interface RepoSettings {
  /** Settings → Actions → General → "Allow GitHub Actions to create and approve pull requests". */
  actionsCanCreatePullRequests: boolean
  /** How many label requests on a new pull request answer 422 before one succeeds. */
  labelLagAfterPullCreate: number
  /**
   * The most entries one tree listing returns before GitHub cuts it and says `truncated: true`
   * (GitHub: 100,000 entries or 7 MB; tests lower it to reach the cut cheaply).
   */
  treeEntryLimit: number
}

/** The most entries the contents API lists of one directory, as on GitHub. */
export const CONTENTS_LIST_LIMIT = 1_000
/** Files larger than this are served by the contents API without content (`encoding: "none"`). */
export const CONTENTS_MAX_BYTES = 1_048_576

/** One repository with its git data, issues, pulls and people. */
export interface SandboxRepo {
  id: number
  owner: string
  name: string
  private: boolean
  description: string | null
  defaultBranch: string
  createdAt: string
  git: GitStore
  /** Full ref name (`refs/heads/main`) → commit id. */
  refs: Map<string, string>
  issues: Map<number, Issue>
  pulls: Map<number, PullRequest>
  comments: Map<number, IssueComment>
  /** Lower-cased name → label. */
  labels: Map<string, Label>
  /** Lower-cased login → role. */
  collaborators: Map<string, Role>
  settings: RepoSettings
}

/** What an archive link's token opens: one repository, until it expires (epoch ms). */
export interface ArchiveLink {
  repo: string
  expiresAt: number
}

/** Everything the sandbox GitHub holds. */
export interface SandboxGitHubState {
  /** Lower-cased login → account. */
  users: Map<string, SandboxUser>
  tokens: Map<string, TokenGrant>
  /** Tokens of the archive links handed out for private repositories (see codeload.ts). */
  archiveLinks: Map<string, ArchiveLink>
  /** Lower-cased `owner/name` → repository. */
  repos: Map<string, SandboxRepo>
  now: () => Date
  lastId: number
}

/** A fresh, empty state. */
export function createState(now: () => Date): SandboxGitHubState {
  return {
    users: new Map(),
    tokens: new Map(),
    archiveLinks: new Map(),
    repos: new Map(),
    now,
    lastId: 1_000_000
  }
}

/** The next unique numeric id (comments, reactions, issues, labels, repositories). */
export function nextId(state: SandboxGitHubState): number {
  state.lastId += 1
  return state.lastId
}

/** The current time as GitHub prints it: ISO 8601, UTC, whole seconds. */
export function timestamp(state: SandboxGitHubState): string {
  return state
    .now()
    .toISOString()
    .replace(/\.\d{3}Z$/, 'Z')
}

/** The repository `owner/name` (case-insensitive), if it exists. */
export function findRepo(
  state: SandboxGitHubState,
  owner: string,
  name: string
): SandboxRepo | undefined {
  return state.repos.get(`${owner}/${name}`.toLowerCase())
}

/** The account with this login (case-insensitive), if it exists. */
export function findUser(state: SandboxGitHubState, login: string): SandboxUser | undefined {
  return state.users.get(login.toLowerCase())
}

/** The account with this login, created as a plain user when it is new. */
export function ensureUser(
  state: SandboxGitHubState,
  login: string,
  type: SandboxUser['type'] = 'User'
): SandboxUser {
  const known = findUser(state, login)
  if (known !== undefined) return known
  const user: SandboxUser = { login, id: nextId(state), type }
  state.users.set(login.toLowerCase(), user)
  return user
}

/** The number the next issue or pull request of the repository gets. */
export function nextNumber(repo: SandboxRepo): number {
  return Math.max(0, ...repo.issues.keys()) + 1
}

/** The commit a branch, tag, full ref or commit id names, if any. */
export function resolveCommitish(repo: SandboxRepo, name: string): string | undefined {
  const candidates = [`refs/heads/${name}`, `refs/tags/${name}`, name]
  for (const candidate of candidates) {
    const sha = repo.refs.get(candidate)
    if (sha !== undefined) return sha
  }
  return /^[0-9a-f]{40}$/.test(name) && repo.git.commit(name) !== undefined ? name : undefined
}
