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
      issueUrl: string
    }
  | { kind: 'dispatch'; source: RunSource }
  | { kind: 'ignored'; reason: string }

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
    comments: z.number().optional(),
    html_url: z.string().optional()
  }),
  repository: Repository
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

function isBot(user: { login: string; type?: string | undefined }): boolean {
  return user.type === 'Bot' || user.login.endsWith('[bot]')
}

/**
 * Reads an event into a Trigger, without any API call. Everything the action does not handle
 * (other events, edited or deleted comments, bots, comments without a command) is `ignored`
 * with a one-line reason.
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
    commentId: comment.id,
    issueUrl: issue.html_url ?? ''
  }
}
