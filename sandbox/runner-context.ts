/** The `github` context a runner gives a step: from the event, unless the caller says otherwise. */
import { z } from 'zod'

/** The `github` context of the run; what is not given comes from the payload or a default. */
export interface RunnerContext {
  /** `owner/name`; default: the payload's repository. */
  repository: string
  /** Default: the payload's sender. */
  actor: string
  /** Default `https://api.github.com`. */
  apiUrl: string
  /** Default `https://github.com`. */
  serverUrl: string
  /** Default `<apiUrl>/graphql`. */
  graphqlUrl: string
  /** Default: the payload's head (push, pull_request) or forty zeros. */
  sha: string
  /** Default: the payload's `ref`, `refs/pull/<n>/merge` or `refs/heads/<default branch>`. */
  ref: string
  runId: string
  runNumber: string
  runAttempt: string
  workflow: string
  job: string
  /** The step's id (`GITHUB_ACTION`). */
  action: string
}

const Payload = z.looseObject({
  ref: z.string().optional(),
  after: z.string().optional(),
  sender: z.object({ login: z.string(), id: z.number().optional() }).optional(),
  repository: z
    .object({
      id: z.number().optional(),
      full_name: z.string(),
      default_branch: z.string().optional(),
      owner: z.object({ login: z.string(), id: z.number().optional() })
    })
    .optional(),
  pull_request: z.object({ number: z.number(), head: z.object({ sha: z.string() }) }).optional()
})

/** The context a runner derives from the event, with the caller's values on top. */
export function runnerContext(
  eventName: string,
  payload: unknown,
  given: Partial<RunnerContext> = {}
): RunnerContext {
  const parsed = Payload.safeParse(payload)
  const event = parsed.success ? parsed.data : {}
  const pull = event.pull_request
  const ref =
    event.ref ??
    (eventName.startsWith('pull_request') && pull !== undefined
      ? `refs/pull/${pull.number}/merge`
      : `refs/heads/${event.repository?.default_branch ?? 'main'}`)
  const apiUrl = given.apiUrl ?? 'https://api.github.com'
  return {
    repository: given.repository ?? event.repository?.full_name ?? 'octo-org/octo-repo',
    actor: given.actor ?? event.sender?.login ?? event.repository?.owner.login ?? 'octocat',
    apiUrl,
    serverUrl: given.serverUrl ?? 'https://github.com',
    graphqlUrl: given.graphqlUrl ?? `${apiUrl}/graphql`,
    sha: given.sha ?? pull?.head.sha ?? event.after ?? '0'.repeat(40),
    ref: given.ref ?? ref,
    runId: given.runId ?? '1',
    runNumber: given.runNumber ?? '1',
    runAttempt: given.runAttempt ?? '1',
    workflow: given.workflow ?? 'kitty-origin',
    job: given.job ?? 'kitty',
    action: given.action ?? 'kitty'
  }
}
