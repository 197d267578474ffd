import { HTML_ROOT, nodeId, repositoryJson, userJson } from './shapes-repo.js'
import { ensureUser } from './state.js'
import type {
  Issue,
  IssueComment,
  Label,
  PullRequest,
  Reaction,
  SandboxGitHubState,
  SandboxRepo
} from './state.js'

/** The reactions GitHub accepts on a comment. */
export const REACTIONS = ['+1', '-1', 'laugh', 'confused', 'heart', 'hooray', 'rocket', 'eyes']

function repoApi(api: string, repo: SandboxRepo): string {
  return `${api}/repos/${repo.owner}/${repo.name}`
}

function repoHtml(repo: SandboxRepo): string {
  return `${HTML_ROOT}/${repo.owner}/${repo.name}`
}

/** OWNER, COLLABORATOR or NONE, from who the account is to the repository. */
export function authorAssociation(repo: SandboxRepo, login: string): string {
  if (login.toLowerCase() === repo.owner.toLowerCase()) return 'OWNER'
  return repo.collaborators.has(login.toLowerCase()) ? 'COLLABORATOR' : 'NONE'
}

/** The `reaction` shape. */
export function reactionJson(
  state: SandboxGitHubState,
  api: string,
  reaction: Reaction
): Record<string, unknown> {
  return {
    id: reaction.id,
    node_id: nodeId('Reaction', reaction.id),
    user: userJson(api, ensureUser(state, reaction.user)),
    content: reaction.content,
    created_at: reaction.createdAt
  }
}

/** The `issue-comment` shape, with its reaction counts. */
export function commentJson(
  state: SandboxGitHubState,
  api: string,
  repo: SandboxRepo,
  comment: IssueComment
): Record<string, unknown> {
  const base = repoApi(api, repo)
  const kind = repo.pulls.has(comment.issueNumber) ? 'pull' : 'issues'
  const counts = Object.fromEntries(
    REACTIONS.map(content => [
      content,
      comment.reactions.filter(reaction => reaction.content === content).length
    ])
  )
  return {
    url: `${base}/issues/comments/${comment.id}`,
    html_url: `${repoHtml(repo)}/${kind}/${comment.issueNumber}#issuecomment-${comment.id}`,
    issue_url: `${base}/issues/${comment.issueNumber}`,
    id: comment.id,
    node_id: nodeId('IssueComment', comment.id),
    user: userJson(api, ensureUser(state, comment.user)),
    created_at: comment.createdAt,
    updated_at: comment.updatedAt,
    author_association: authorAssociation(repo, comment.user),
    body: comment.body,
    reactions: {
      url: `${base}/issues/comments/${comment.id}/reactions`,
      total_count: comment.reactions.length,
      ...counts
    },
    performed_via_github_app: null
  }
}

/** The `label` shape. */
export function labelJson(api: string, repo: SandboxRepo, label: Label): Record<string, unknown> {
  return {
    id: label.id,
    node_id: nodeId('Label', label.id),
    url: `${repoApi(api, repo)}/labels/${encodeURIComponent(label.name)}`,
    name: label.name,
    color: label.color,
    default: false,
    description: label.description
  }
}

/** The labels of an issue, in the order they were added. */
export function issueLabels(
  api: string,
  repo: SandboxRepo,
  issue: Issue
): Record<string, unknown>[] {
  return issue.labels.flatMap(name => {
    const label = repo.labels.get(name.toLowerCase())
    return label === undefined ? [] : [labelJson(api, repo, label)]
  })
}

/** The commit a pull request's head branch points at now (or last pointed at). */
export function pullHeadSha(repo: SandboxRepo, pull: PullRequest): string {
  return repo.refs.get(`refs/heads/${pull.head}`) ?? pull.headSha
}

function branchJson(
  state: SandboxGitHubState,
  api: string,
  repo: SandboxRepo,
  branch: string,
  sha: string
): Record<string, unknown> {
  const owner = ensureUser(state, repo.owner, 'Organization')
  return {
    label: `${repo.owner}:${branch}`,
    ref: branch,
    sha,
    user: userJson(api, owner),
    repo: repositoryJson(api, repo, owner)
  }
}

/** Counts of a pull request's changes, for the full `pull-request` shape. */
export interface PullStats {
  commits: number
  additions: number
  deletions: number
  changedFiles: number
}

/**
 * The `pull-request-simple` shape (lists); with `stats`, the full `pull-request` shape.
 */
export function pullJson(
  state: SandboxGitHubState,
  api: string,
  repo: SandboxRepo,
  pull: PullRequest,
  stats?: PullStats
): Record<string, unknown> {
  const issue = repo.issues.get(pull.number)
  if (issue === undefined) throw new Error(`pull request ${pull.number} has no issue`)
  const base = repoApi(api, repo)
  const url = `${base}/pulls/${pull.number}`
  const html = `${repoHtml(repo)}/pull/${pull.number}`
  const issueUrl = `${base}/issues/${pull.number}`
  const headSha = pullHeadSha(repo, pull)
  const links = {
    self: { href: url },
    html: { href: html },
    issue: { href: issueUrl },
    comments: { href: `${issueUrl}/comments` },
    review_comments: { href: `${url}/comments` },
    review_comment: { href: `${base}/pulls/comments{/number}` },
    commits: { href: `${url}/commits` },
    statuses: { href: `${base}/statuses/${headSha}` }
  }
  const simple: Record<string, unknown> = {
    url,
    id: pull.id,
    node_id: nodeId('PullRequest', pull.id),
    html_url: html,
    diff_url: `${html}.diff`,
    patch_url: `${html}.patch`,
    issue_url: issueUrl,
    commits_url: `${url}/commits`,
    review_comments_url: `${url}/comments`,
    review_comment_url: `${base}/pulls/comments{/number}`,
    comments_url: `${issueUrl}/comments`,
    statuses_url: `${base}/statuses/${headSha}`,
    number: pull.number,
    state: issue.state,
    locked: false,
    title: issue.title,
    user: userJson(api, ensureUser(state, issue.user)),
    body: issue.body,
    labels: issueLabels(api, repo, issue),
    milestone: null,
    active_lock_reason: null,
    created_at: issue.createdAt,
    updated_at: issue.updatedAt,
    closed_at: issue.state === 'closed' ? issue.updatedAt : null,
    merged_at: null,
    merge_commit_sha: null,
    assignee: null,
    assignees: [],
    requested_reviewers: [],
    requested_teams: [],
    head: branchJson(state, api, repo, pull.head, headSha),
    base: branchJson(state, api, repo, pull.base, repo.refs.get(`refs/heads/${pull.base}`) ?? ''),
    _links: links,
    author_association: authorAssociation(repo, issue.user),
    auto_merge: null,
    draft: pull.draft
  }
  if (stats === undefined) return simple
  return {
    ...simple,
    merged: false,
    mergeable: null,
    rebaseable: null,
    mergeable_state: 'unknown',
    merged_by: null,
    comments: [...repo.comments.values()].filter(c => c.issueNumber === pull.number).length,
    review_comments: 0,
    maintainer_can_modify: false,
    commits: stats.commits,
    additions: stats.additions,
    deletions: stats.deletions,
    changed_files: stats.changedFiles
  }
}
