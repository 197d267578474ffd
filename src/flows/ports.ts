import type { Permission } from '../chatops/permission.js'
import type { MissionFile } from '../mission/index.js'
import type { PullRequestLink } from '../origin/models.js'

/** Reactions the bot leaves on a command comment. */
export type Reaction = 'eyes' | 'rocket' | 'confused' | '-1'

/** A comment of the issue thread as the flows read it. */
export interface ThreadComment {
  id: number
  body: string
  author: { login: string; isBot: boolean }
  /** When GitHub says it was posted, in epoch milliseconds. */
  createdAtMs: number
}

/** The issue conversation: comments and reactions. */
export interface ConversationApi {
  addReaction(commentId: number, reaction: Reaction): Promise<void>
  createComment(issueNumber: number, body: string): Promise<{ id: number; url: string }>
  updateComment(commentId: number, body: string): Promise<void>
  /** Comments newest first, read lazily from the end of the thread (`totalComments` from the event). */
  newestComments(issueNumber: number, totalComments: number): AsyncIterable<ThreadComment>
}

/** A pull request this run asked for: found or opened, and whether it was already there. */
export type OpenedPullRequest = PullRequestLink & { existed: boolean }

/** The repository reads and writes the flows make. */
export interface RepositoryApi {
  permissionOf(login: string): Promise<Permission>
  readFile(path: string, ref: string): Promise<string | null>
  listDirectory(path: string, ref: string): Promise<string[] | null>
  branchHead(branch: string): Promise<string | null>
  /** The tree of a commit. */
  commitTree(sha: string): Promise<string>
  createBranch(branch: string, sha: string): Promise<'created' | 'exists'>
  /** Writes the files as one commit object on top of `parentSha` (no branch moves); its id. */
  createCommit(input: {
    parentSha: string
    files: readonly MissionFile[]
    message: string
    baseTreeSha?: string | undefined
  }): Promise<string>
  /** Records `text` under the claim `name` once (atomic); `exists` when it is already there. */
  createClaim(name: string, text: string): Promise<'created' | 'exists'>
  /** The text of the claim `name`, or null. */
  readClaim(name: string): Promise<string | null>
  deleteClaim(name: string): Promise<void>
  /** The pull request from `head`, in any state (newest open first), or null. */
  findPullRequest(head: string): Promise<PullRequestLink | null>
  /** Open pull requests whose head branch starts with `prefix`. */
  openPullRequestsFrom(prefix: string): Promise<PullRequestLink[]>
  openPullRequest(input: {
    head: string
    base: string
    title: string
    body: string
    draft: boolean
    labels: string[]
  }): Promise<OpenedPullRequest>
}
