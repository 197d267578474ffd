import { parseBody } from './body.js'
import { transportError } from './errors.js'
import { Deadline, failedAttempt, retryWithinDeadline } from './retry.js'
import type { Clock, RetryPolicy } from './retry.js'
import { exchange, isSuccess } from './transport.js'
import type { SaasTransport } from './transport.js'
import { IssueSearchResponse } from './wire.js'
import type { IssueSearchRequest } from './wire.js'

/** Path of the issue search (the trailing slash is required). */
export const ISSUE_SEARCH_PATH = '/api/v1/tracker/issue-search/'

/** Search backs off from 0.5 s, doubling, at most 4 s, all inside its deadline. */
export const SEARCH_RETRY: RetryPolicy = { baseMs: 500, capMs: 4_000 }

/**
 * `POST /api/v1/tracker/issue-search/`: retries 429 (after the wait it asks for), 5xx, resets
 * and timeouts, but fails with a clear error as soon as the deadline cannot be met.
 */
export async function searchIssues(
  transport: SaasTransport,
  clock: Clock,
  deadlineMs: number,
  body: IssueSearchRequest
): Promise<IssueSearchResponse> {
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
    return { ok: true, value: parseBody(IssueSearchResponse, outcome.bodyText, 'search') }
  })
}
