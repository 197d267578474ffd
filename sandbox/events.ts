/**
 * Event payloads as GitHub Actions hands them to a step: each is a real recorded webhook
 * payload (`@octokit/webhooks-examples`), deep-copied, moved onto the sandbox repository and
 * accounts, with the fields kitty-origin reads set from the caller's options.
 */
import { createHash } from 'node:crypto'
import {
  account,
  API_ROOT,
  HTML_ROOT,
  literal,
  mapStrings,
  nodeId,
  organization,
  recordedExample,
  stableId
} from './recorded.js'
import type { Account, RecordedPayload } from './recorded.js'

/** The repository an event is about, and who owns it. */
export interface RepositoryTarget {
  owner: string
  repo: string
  defaultBranch: string
  /** Default `Organization` (like `acme`); payloads of organization repositories carry an `organization` block. */
  ownerType?: 'Organization' | 'User'
  /** Default true, like the sandbox's repositories. */
  private?: boolean
  /** Default: a stable id derived from the full name. */
  repoId?: number
  /** Known account ids by login (e.g. the sandbox's); other logins get a stable derived id. */
  userIds?: Readonly<Record<string, number>>
}

/** What an `issue_comment` event says. */
export interface IssueCommentEventOptions extends RepositoryTarget {
  issueNumber: number
  /** `issue.comments`: the comments on the issue, this one included. */
  commentCount: number
  commentId: number
  body: string
  /** The commenter, who is also the sender. */
  login: string
  userType?: 'User' | 'Bot'
  /** Default `created`. */
  action?: 'created' | 'edited' | 'deleted'
  /** The comment is on a pull request's conversation (`issue.pull_request` is set). */
  onPullRequest?: boolean
  /** Default `Add Clerk auth`. */
  issueTitle?: string
  /** Default: the commenter. */
  issueAuthor?: string
  /** Default `COLLABORATOR`. */
  authorAssociation?: 'OWNER' | 'MEMBER' | 'COLLABORATOR' | 'CONTRIBUTOR' | 'NONE'
  /** ISO time of the comment; default now (whole seconds). */
  createdAt?: string
}

/** What a `workflow_dispatch` event says. */
export interface WorkflowDispatchEventOptions extends RepositoryTarget {
  login: string
  inputs: Record<string, string>
  /** Default `refs/heads/<defaultBranch>`. */
  ref?: string
  /** Default `.github/workflows/kitty-origin.yml`. */
  workflow?: string
}

/** What a `pull_request` event says (same-repository pull requests only). */
export interface PullRequestEventOptions extends RepositoryTarget {
  /** Default `opened`. */
  action?: 'opened' | 'synchronize'
  number: number
  login: string
  /** The head branch. */
  head: string
  /** Default: a stable sha derived from the head branch. */
  headSha?: string
  /** Default: the default branch. */
  base?: string
  baseSha?: string
  /** `synchronize` only: the previous head; default a stable derived sha. */
  before?: string
  title?: string
  body?: string | null
  draft?: boolean
}

/** The `issue_comment` payload type. */
export type IssueCommentPayload = RecordedPayload<'issue_comment'>
/** The `workflow_dispatch` payload type. */
export type WorkflowDispatchPayload = RecordedPayload<'workflow_dispatch'>
/** The `pull_request` payload type. */
export type PullRequestPayload = RecordedPayload<'pull_request'>

type Repository = IssueCommentPayload['repository']

function now(): string {
  return new Date().toISOString().replace(/\.\d{3}Z$/, 'Z')
}

function fakeSha(seed: string): string {
  return createHash('sha1').update(seed).digest('hex')
}

function idOf(target: RepositoryTarget, login: string): number {
  return target.userIds?.[login] ?? target.userIds?.[login.toLowerCase()] ?? stableId(login)
}

function fullName(target: RepositoryTarget): string {
  return `${target.owner}/${target.repo}`
}

/** Every URL path naming the recorded repository now names the target. */
function renameRepository<T extends { repository: Repository }>(
  payload: T,
  target: RepositoryTarget
): T {
  const recorded = new RegExp(`(?<=[/:])${literal(payload.repository.full_name)}(?=$|[/.{#?])`, 'g')
  return mapStrings(payload, text => text.replace(recorded, fullName(target)))
}

function ownerAccount(template: Account, target: RepositoryTarget): Account {
  return account(
    template,
    target.owner,
    target.ownerType ?? 'Organization',
    idOf(target, target.owner)
  )
}

function setRepository(repository: Repository, target: RepositoryTarget, owner: Account): void {
  const id = target.repoId ?? stableId(fullName(target))
  const isPrivate = target.private ?? true
  repository.id = id
  repository.node_id = nodeId('Repository', id)
  repository.name = target.repo
  repository.full_name = fullName(target)
  repository.owner = owner
  repository.default_branch = target.defaultBranch
  repository.private = isPrivate
  repository.visibility = isPrivate ? 'private' : 'public'
}

/** The payload on the target repository, its owner and (for organizations) organization block. */
function onRepository<
  T extends { repository: Repository; organization?: unknown; installation?: unknown }
>(recorded: T, target: RepositoryTarget): T {
  const payload = renameRepository(recorded, target)
  setRepository(payload.repository, target, ownerAccount(payload.repository.owner, target))
  delete payload.installation
  if ((target.ownerType ?? 'Organization') === 'Organization') {
    payload.organization = organization(target.owner, idOf(target, target.owner))
  } else {
    delete payload.organization
  }
  return payload
}

/** An `issue_comment` event from the newest recording of its action. */
export function issueCommentEvent(options: IssueCommentEventOptions): IssueCommentPayload {
  const recorded = recordedExample('issue_comment', options.action ?? 'created')
  const full = fullName(options)
  const number = new RegExp(
    `(${literal(full)}/(?:issues|pulls?))/${recorded.issue.number}(?=$|[/.#?])`,
    'g'
  )
  const comment = new RegExp(`(comments/|issuecomment-)${recorded.comment.id}(?![0-9])`, 'g')
  const payload = mapStrings(onRepository(recorded, options), text =>
    text.replace(number, `$1/${options.issueNumber}`).replace(comment, `$1${options.commentId}`)
  )
  const template = payload.sender
  const sender = account(
    template,
    options.login,
    options.userType ?? 'User',
    idOf(options, options.login)
  )
  const author = options.issueAuthor ?? options.login
  const kind = options.onPullRequest === true ? 'pull' : 'issues'
  const issueHtml = `${HTML_ROOT}/${full}/${kind}/${options.issueNumber}`
  const issueId = stableId(`${full}#${options.issueNumber}`)
  const createdAt = options.createdAt ?? now()

  payload.sender = sender
  Object.assign(payload.comment, {
    id: options.commentId,
    node_id: nodeId('IssueComment', options.commentId),
    user: sender,
    body: options.body,
    html_url: `${issueHtml}#issuecomment-${options.commentId}`,
    created_at: createdAt,
    updated_at: createdAt,
    author_association: options.authorAssociation ?? 'COLLABORATOR'
  })
  Object.assign(payload.issue, {
    id: issueId,
    node_id: nodeId(options.onPullRequest === true ? 'PullRequest' : 'Issue', issueId),
    number: options.issueNumber,
    title: options.issueTitle ?? 'Add Clerk auth',
    user: account(template, author, 'User', idOf(options, author)),
    html_url: issueHtml,
    comments: options.commentCount,
    state: 'open',
    locked: false,
    labels: [],
    assignee: null,
    assignees: [],
    milestone: null,
    author_association: author === options.owner ? 'OWNER' : 'COLLABORATOR'
  })
  if (options.onPullRequest === true) {
    const pulls = `${API_ROOT}/repos/${full}/pulls/${options.issueNumber}`
    payload.issue.pull_request = {
      url: pulls,
      html_url: issueHtml,
      diff_url: `${issueHtml}.diff`,
      patch_url: `${issueHtml}.patch`,
      merged_at: null
    }
  } else {
    delete payload.issue.pull_request
  }
  return payload
}

/** A `workflow_dispatch` event from the newest recording. */
export function workflowDispatchEvent(
  options: WorkflowDispatchEventOptions
): WorkflowDispatchPayload {
  const payload = onRepository(recordedExample('workflow_dispatch'), options)
  payload.sender = account(payload.sender, options.login, 'User', idOf(options, options.login))
  payload.inputs = { ...options.inputs }
  payload.ref = options.ref ?? `refs/heads/${options.defaultBranch}`
  payload.workflow = options.workflow ?? '.github/workflows/kitty-origin.yml'
  return payload
}

/** A `pull_request` event (`opened` or `synchronize`) from the newest recording of its action. */
export function pullRequestEvent(options: PullRequestEventOptions): PullRequestPayload {
  const recorded = recordedExample('pull_request', options.action ?? 'opened')
  const full = fullName(options)
  const base = options.base ?? options.defaultBranch
  const headSha = options.headSha ?? fakeSha(`${full}:${options.head}`)
  const baseSha = options.baseSha ?? fakeSha(`${full}:${base}`)
  const old = recorded.pull_request
  const number = new RegExp(`(${literal(full)}/(?:issues|pulls?))/${old.number}(?=$|[/.#?])`, 'g')
  const payload = mapStrings(onRepository(recorded, options), text =>
    text.replace(number, `$1/${options.number}`).replace(old.head.sha, headSha)
  )
  const owner = payload.repository.owner
  const sender = account(payload.sender, options.login, 'User', idOf(options, options.login))
  const pull = payload.pull_request
  const id = stableId(`${full}!${options.number}`)
  payload.sender = sender
  payload.number = options.number
  Object.assign(pull, {
    id,
    node_id: nodeId('PullRequest', id),
    number: options.number,
    title: options.title ?? `Work on ${options.head}`,
    body: options.body ?? null,
    draft: options.draft ?? false,
    user: sender,
    labels: [],
    assignee: null,
    assignees: [],
    requested_reviewers: [],
    requested_teams: [],
    milestone: null
  })
  for (const [side, ref, sha] of [
    [pull.head, options.head, headSha],
    [pull.base, base, baseSha]
  ] as const) {
    Object.assign(side, { ref, sha, label: `${options.owner}:${ref}`, user: owner })
    if (side.repo !== null) setRepository(side.repo, options, owner)
  }
  if (payload.action === 'synchronize') {
    payload.before = options.before ?? fakeSha(`${full}:${options.head}:before`)
    payload.after = headSha
  }
  return payload
}
