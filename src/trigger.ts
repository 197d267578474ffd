import { z } from 'zod'
import { parseCommand } from './chatops/grammar.js'
import type { Command } from './chatops/grammar.js'

/** The repository and the person behind one run. */
export interface RunSource {
  owner: string
  repo: string
  /** The repository's default branch as the event reports it. */
  defaultBranch: string
  actor: string
}

/** What one event asks the action to do. */
export type Trigger =
  | {
      kind: 'command'
      command: Command
      source: RunSource
      issueNumber: number
      /** Comments on the issue when the event was sent: where the newest page starts. */
      issueCommentCount: number
      commentId: number
    }
  | { kind: 'dispatch'; source: RunSource }
  | {
      kind: 'verify'
      source: RunSource
      pullNumber: number
      /** The commit the pull request's files are checked at. */
      headSha: string
      /** The pull request's branch. */
      headRef: string
      /** The branch the pull request targets. */
      baseRef: string
    }
  | { kind: 'ignored'; reason: string }

/** `pull_request` actions that change what the pull request holds, so it is verified again. */
export const VERIFIED_PULL_REQUEST_ACTIONS = [
  'opened',
  'synchronize',
  'reopened',
  'ready_for_review'
] as const

const Repository = z.object({
  name: z.string(),
  owner: z.object({ login: z.string() }),
  default_branch: z.string().optional()
})

const IssueCommentEvent = z.object({
  action: z.string(),
  comment: z.object({
    id: z.number(),
    body: z.string().nullish(),
    user: z.object({ login: z.string(), type: z.string().optional() })
  }),
  issue: z.object({
    number: z.number(),
    comments: z.number().optional()
  }),
  repository: Repository
})

const PullRequestEvent = z.object({
  action: z.string(),
  pull_request: z.object({
    number: z.number(),
    head: z.object({ sha: z.string().min(1), ref: z.string().min(1) }),
    base: z.object({ ref: z.string().min(1) })
  }),
  repository: Repository,
  sender: z.object({ login: z.string() }).optional()
})

const DispatchEvent = z.object({
  repository: Repository,
  sender: z.object({ login: z.string() }).optional()
})

function sourceOf(repository: z.infer<typeof Repository>, actor: string): RunSource {
  return {
    owner: repository.owner.login,
    repo: repository.name,
    defaultBranch: repository.default_branch ?? 'main',
    actor
  }
}

function readPullRequest(payload: unknown, actor: string): Trigger {
  const event = PullRequestEvent.safeParse(payload)
  if (!event.success)
    return { kind: 'ignored', reason: 'the pull_request event is not shaped as expected' }
  const { action, pull_request: pull, repository, sender } = event.data
  if (!(VERIFIED_PULL_REQUEST_ACTIONS as readonly string[]).includes(action))
    return { kind: 'ignored', reason: `pull requests that are ${action} are not verified` }
  return {
    kind: 'verify',
    source: sourceOf(repository, sender?.login ?? actor),
    pullNumber: pull.number,
    headSha: pull.head.sha,
    headRef: pull.head.ref,
    baseRef: pull.base.ref
  }
}

function isBot(user: { login: string; type?: string | undefined }): boolean {
  return user.type === 'Bot' || user.login.endsWith('[bot]')
}

/**
 * Reads an event into a Trigger, without any API call. A `pull_request` that was opened,
 * synchronized, reopened or marked ready for review is verified. Everything the action does not
 * handle (other events and actions, edited or deleted comments, bots, comments without a
 * command) is `ignored` with a one-line reason.
 */
export function readTrigger(
  eventName: string,
  payload: unknown,
  prefix: string,
  actor: string
): Trigger {
  if (eventName === 'workflow_dispatch') {
    const event = DispatchEvent.safeParse(payload)
    if (!event.success)
      return { kind: 'ignored', reason: 'the workflow_dispatch event has no repository' }
    return {
      kind: 'dispatch',
      source: sourceOf(event.data.repository, event.data.sender?.login ?? actor)
    }
  }
  if (eventName === 'pull_request') return readPullRequest(payload, actor)
  if (eventName !== 'issue_comment')
    return { kind: 'ignored', reason: `the ${eventName} event is not handled` }

  const event = IssueCommentEvent.safeParse(payload)
  if (!event.success)
    return { kind: 'ignored', reason: 'the issue_comment event is not shaped as expected' }
  const { action, comment, issue, repository } = event.data
  if (action !== 'created')
    return { kind: 'ignored', reason: `comments that are ${action} are not commands` }
  if (isBot(comment.user)) return { kind: 'ignored', reason: `${comment.user.login} is a bot` }

  const command = parseCommand(comment.body ?? '', prefix)
  if (command === null) return { kind: 'ignored', reason: `the comment holds no ${prefix} command` }
  return {
    kind: 'command',
    command,
    source: sourceOf(repository, comment.user.login),
    issueNumber: issue.number,
    issueCommentCount: issue.comments ?? 0,
    commentId: comment.id
  }
}
