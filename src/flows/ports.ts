import type { PermissionLevel } from '../inputs.js'
import type { MissionFile } from '../mission/index.js'

/** Reactions the bot leaves on a command comment. */
export type Reaction = 'eyes' | 'rocket' | 'confused' | '-1'

/** A comment as the flows read it. */
export interface IssueComment {
  id: number
  body: string
  author: { login: string; isBot: boolean }
}

/** The issue conversation: comments and reactions. */
export interface ConversationApi {
  addReaction(commentId: number, reaction: Reaction): Promise<void>
  createComment(issueNumber: number, body: string): Promise<{ id: number; url: string }>
  updateComment(commentId: number, body: string): Promise<void>
  /** Comments newest first, read lazily from the end of the thread (`totalComments` from the event). */
  newestComments(issueNumber: number, totalComments: number): AsyncIterable<IssueComment>
}

/** A pull request as the flows need it. */
export interface PullRequestRef {
  number: number
  url: string
}

/** The repository reads and writes a mission start makes. */
export interface RepositoryApi {
  permissionOf(login: string): Promise<PermissionLevel | 'none'>
  readFile(path: string, ref: string): Promise<string | null>
  listDirectory(path: string, ref: string): Promise<string[] | null>
  branchHead(branch: string): Promise<string | null>
  /** The tree of a commit. */
  commitTree(sha: string): Promise<string>
  createBranch(branch: string, sha: string): Promise<'created' | 'exists'>
  deleteBranch(branch: string): Promise<void>
  commitFiles(input: {
    branch: string
    parentSha: string
    files: readonly MissionFile[]
    message: string
    baseTreeSha?: string | undefined
  }): Promise<string>
  findPullRequest(head: string): Promise<PullRequestRef | null>
  /** Open pull requests whose head branch starts with `prefix`. */
  openPullRequestsFrom(prefix: string): Promise<PullRequestRef[]>
  openPullRequest(input: {
    head: string
    base: string
    title: string
    body: string
    draft: boolean
    labels: string[]
  }): Promise<PullRequestRef>
}
