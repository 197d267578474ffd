import { KittyError } from '../errors.js'
import { oneLine } from '../text/one-line.js'
import { parseBody } from './body.js'
import {
  badResponse,
  saasErrorFrom,
  sanitiseServerText,
  sentence,
  transportError
} from './errors.js'
import { Deadline, failedAttempt, retryWithinDeadline } from './retry.js'
import type { Clock, RetryPolicy } from './retry.js'
import { routingKey } from './routing.js'
import { exchange, isSuccess } from './transport.js'
import type { HttpResponse, SaasTransport } from './transport.js'
import type { BindAnswer, BindMission, BindTicket, TrackerRoute } from './types.js'
import { AcceptedOperation, objectOf } from './wire.js'
import type { BindBody } from './wire.js'

/** Path of the bind (the trailing slash is required). */
export const BIND_PATH = '/api/v1/tracker/mission-origin/bind/'

/** Path of an asynchronous operation's status. */
function operationPath(operationId: string): string {
  return `/api/v1/tracker/operations/${encodeURIComponent(operationId)}/`
}

/** An uncertain bind (5xx, reset, timeout, 429) is re-sent with the same key from 0.5 s on. */
export const BIND_RETRY: RetryPolicy = { baseMs: 500, capMs: 4_000 }

/** Polling waits 1 s after the first poll, doubling up to 30 s, each wait jittered ×0.8–1.2. */
export const POLL_BACKOFF: RetryPolicy = { baseMs: 1_000, capMs: 30_000 }

/** No single request may use more than a third of the bind deadline, so a hang leaves room. */
const ATTEMPT_SHARE = 3

/** The longest link id or time kept from a bind answer; they are only shown. */
const MAX_ANSWER_TEXT = 200

/** The bind body (`external_title` / `external_status`, routing as for search). */
export function bindRequestBody(
  route: TrackerRoute,
  mission: BindMission,
  ticket: BindTicket
): BindBody {
  return {
    provider: route.provider,
    mission_id: mission.missionId,
    external_issue_id: ticket.external_issue_id,
    external_issue_key: ticket.external_issue_key,
    external_issue_url: ticket.url,
    external_title: ticket.title,
    external_status: ticket.status,
    mission_slug: mission.missionSlug,
    ...routingKey(route)
  }
}

function answerText(value: unknown): string | null {
  const text =
    typeof value === 'string' || typeof value === 'number'
      ? oneLine(String(value), MAX_ANSWER_TEXT)
      : ''
  return text === '' ? null : text
}

/**
 * A successful bind's answer as spec-kitty reads it: any body, JSON or not, is a success; the
 * link id and time are taken when present (one clean line each), else null.
 */
function readBindAnswer(json: unknown): BindAnswer {
  const body = objectOf(json)
  return {
    originLinkId: answerText(body?.origin_link_id),
    boundAt: answerText(body?.bound_at),
    alreadyBound: body?.already_bound === true
  }
}

function jsonOrNull(bodyText: string): unknown {
  try {
    return JSON.parse(bodyText)
  } catch {
    return null
  }
}

type Sent = { answer: BindAnswer } | { operationId: string }

function sent(response: HttpResponse): Sent {
  if (response.status === 202) {
    return { operationId: parseBody(AcceptedOperation, response.bodyText, 'bind').operation_id }
  }
  return { answer: readBindAnswer(jsonOrNull(response.bodyText)) }
}

function timedOut(deadlineMs: number): KittyError {
  return transportError({ kind: 'timeout' }, 'bind', deadlineMs)
}

function operationFailed(message: string, detail: string): KittyError {
  return new KittyError(
    'saas-operation-failed',
    sentence(
      `The Spec Kitty SaaS could not bind the mission: ${sanitiseServerText(message) || 'Operation failed'}`
    ),
    `operation=bind ${detail}`
  )
}

/** The reason of a failed operation: a string, an object's `message`, else "Operation failed". */
export function operationError(error: unknown): string {
  if (typeof error === 'string' && error.trim() !== '') return error
  const message = objectOf(error)?.message
  return typeof message === 'string' && message.trim() !== '' ? message : 'Operation failed'
}

/** One poll: the finished bind, undefined to keep polling, or a final error thrown. */
async function pollOnce(
  transport: SaasTransport,
  deadline: Deadline,
  operationId: string
): Promise<BindAnswer | undefined> {
  const outcome = await exchange(transport, {
    method: 'GET',
    path: operationPath(operationId),
    timeoutMs: deadline.remainingMs()
  })
  if (outcome.kind !== 'response') return undefined
  if (outcome.status === 404) {
    throw operationFailed('the bind operation is unknown to the SaaS', `poll status=404`)
  }
  if (!isSuccess(outcome.status)) {
    const error = saasErrorFrom(outcome.status, outcome.headers, outcome.bodyText, 'bind')
    if (error.retryable) return undefined
    throw error
  }
  const operation = objectOf(jsonOrNull(outcome.bodyText)) ?? {}
  const status = operation.status
  if (status === 'completed') {
    return readBindAnswer('result' in operation ? operation.result : operation)
  }
  if (status === 'failed') {
    throw operationFailed(operationError(operation.error), `operation_id=${operationId} failed`)
  }
  if (status === 'pending' || status === 'running') return undefined
  throw badResponse('bind', `operation ${operationId} has no known status`)
}

/**
 * Polls `GET /api/v1/tracker/operations/{id}/` once at once, then after 1 s, 2 s, 4 s … (at most
 * 30 s, jittered ×0.8–1.2) until done. A wait that would end past the deadline is not begun: the
 * bind fails as timed out instead, and is safe to run again.
 */
async function pollOperation(
  transport: SaasTransport,
  clock: Clock,
  deadline: Deadline,
  operationId: string
): Promise<BindAnswer> {
  for (let poll = 0; ; poll += 1) {
    if (deadline.remainingMs() <= 0) throw timedOut(deadline.totalMs)
    const done = await pollOnce(transport, deadline, operationId)
    if (done !== undefined) return done
    const base = Math.min(POLL_BACKOFF.capMs, POLL_BACKOFF.baseMs * 2 ** poll)
    const wait = Math.round(base * (0.8 + 0.4 * clock.random()))
    if (wait >= deadline.remainingMs()) throw timedOut(deadline.totalMs)
    await clock.sleep(wait)
  }
}

/**
 * `POST /api/v1/tracker/mission-origin/bind/` with the Idempotency-Key. An uncertain attempt
 * (5xx, reset, timeout, 429) is re-sent with the same key inside the deadline; 202 is polled.
 * Any other 2xx is a success whatever its body; 401/403/404/409/422 fail at once.
 */
export async function bindMissionOrigin(
  transport: SaasTransport,
  clock: Clock,
  deadlineMs: number,
  body: BindBody,
  idempotencyKey: string
): Promise<BindAnswer> {
  const deadline = new Deadline(clock, deadlineMs)
  const attemptCapMs = deadlineMs / ATTEMPT_SHARE
  const result = await retryWithinDeadline(deadline, clock, BIND_RETRY, async timeoutMs => {
    const outcome = await exchange(transport, {
      method: 'POST',
      path: BIND_PATH,
      json: body,
      headers: { 'Idempotency-Key': idempotencyKey },
      timeoutMs: Math.min(timeoutMs, attemptCapMs)
    })
    if (outcome.kind !== 'response') {
      return { ok: false, error: transportError(outcome, 'bind', deadlineMs) }
    }
    if (!isSuccess(outcome.status)) {
      return failedAttempt(outcome, 'bind', clock.now())
    }
    return { ok: true, value: sent(outcome) }
  })
  if ('answer' in result) return result.answer
  return pollOperation(transport, clock, deadline, result.operationId)
}
