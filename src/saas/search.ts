import { badResponse, transportError } from './errors.js'
import { Deadline, failedAttempt, retryWithinDeadline } from './retry.js'
import type { Clock, RetryPolicy } from './retry.js'
import { readSearchAnswer } from './candidates.js'
import { routingKey } from './routing.js'
import { exchange, isSuccess } from './transport.js'
import type { SaasTransport } from './transport.js'
import type { IssueQuery, IssueSearchAnswer, TrackerRoute } from './types.js'
import type { IssueSearchBody } from './wire.js'

/** Path of the issue search (the trailing slash is required). */
export const ISSUE_SEARCH_PATH = '/api/v1/tracker/issue-search/'

/** Search backs off from 0.5 s, doubling, at most 4 s, all inside its deadline. */
export const SEARCH_RETRY: RetryPolicy = { baseMs: 500, capMs: 4_000 }

/**
 * The search body: a key query sends `query_key` and the key as `query_text` (as spec-kitty's
 * `--from-ticket` does); free text sends `query_text` only, whatever it looks like.
 */
export function issueSearchBody(
  route: TrackerRoute,
  query: IssueQuery,
  limit: number
): IssueSearchBody {
  const text = (query.kind === 'key' ? query.key : query.text).trim()
  return {
    provider: route.provider,
    limit,
    ...routingKey(route),
    ...(query.kind === 'key' ? { query_key: text } : {}),
    query_text: text
  }
}

/** The answer of a 200, read leniently; a body that is no JSON object cannot be read. */
function answerOf(bodyText: string): IssueSearchAnswer {
  let json: unknown
  try {
    json = JSON.parse(bodyText)
  } catch {
    throw badResponse('search', 'body is not JSON')
  }
  const answer = readSearchAnswer(json)
  if (answer === undefined) throw badResponse('search', 'body is not an object with candidates')
  return answer
}

/**
 * `POST /api/v1/tracker/issue-search/`: retries 429 (after the wait it asks for), 5xx, resets
 * and timeouts, but fails with a clear error as soon as the deadline cannot be met.
 */
export async function searchIssues(
  transport: SaasTransport,
  clock: Clock,
  deadlineMs: number,
  body: IssueSearchBody
): Promise<IssueSearchAnswer> {
  const deadline = new Deadline(clock, deadlineMs)
  return retryWithinDeadline(deadline, clock, SEARCH_RETRY, async timeoutMs => {
    const outcome = await exchange(transport, {
      method: 'POST',
      path: ISSUE_SEARCH_PATH,
      json: body,
      timeoutMs
    })
    if (outcome.kind !== 'response') {
      return { ok: false, error: transportError(outcome, 'search', deadlineMs) }
    }
    if (!isSuccess(outcome.status)) return failedAttempt(outcome, 'search', clock.now())
    return { ok: true, value: answerOf(outcome.bodyText) }
  })
}
