import { KittyError } from '../errors.js'
import { parseBody, parseValue } from './body.js'
import { saasErrorFrom, sanitiseServerText, sentence, transportError } from './errors.js'
import { backoffMs, Deadline, failedAttempt, retryWithinDeadline } from './retry.js'
import type { Attempt, Clock, RetryPolicy } from './retry.js'
import { exchange, isSuccess } from './transport.js'
import type { HttpResponse, SaasTransport } from './transport.js'
import { AcceptedOperation, BindResponse, OperationStatus } from './wire.js'
import type { BindRequest } from './wire.js'

/** Path of the bind (the trailing slash is required). */
export const BIND_PATH = '/api/v1/tracker/mission-origin/bind/'

/** Path of an asynchronous operation's status. */
export function operationPath(operationId: string): string {
  return `/api/v1/tracker/operations/${encodeURIComponent(operationId)}/`
}

/** An uncertain bind (5xx, reset, timeout, 429) is re-sent with the same key from 0.5 s on. */
export const BIND_RETRY: RetryPolicy = { baseMs: 500, capMs: 4_000 }

/** Polling backs off from 1 s, doubling, at most 8 s. */
export const POLL_BACKOFF: RetryPolicy = { baseMs: 1_000, capMs: 8_000 }

/** A poll is only worth sending with at least this much of the deadline left. */
const POLL_FLOOR_MS = 250

/** No single request may use more than a third of the bind deadline, so a hang leaves room. */
const ATTEMPT_SHARE = 3

type Sent = { result: BindResponse } | { operationId: string }

function accepted(response: HttpResponse): Attempt<Sent> {
  if (response.status === 202) {
    const { operation_id } = parseBody(AcceptedOperation, response.bodyText, 'bind')
    return { ok: true, value: { operationId: operation_id } }
  }
  return { ok: true, value: { result: parseBody(BindResponse, response.bodyText, 'bind') } }
}

function timedOut(deadlineMs: number): KittyError {
  return transportError({ kind: 'timeout' }, 'bind', deadlineMs)
}

function operationFailed(message: string, detail: string): KittyError {
  return new KittyError(
    'saas-operation-failed',
    sentence(
      `The Spec Kitty SaaS could not bind the mission: ${sanitiseServerText(message) || 'no reason given'}`
    ),
    `operation=bind ${detail}`
  )
}

/** One poll: the finished bind, undefined to keep polling, or a final error thrown. */
async function pollOnce(
  transport: SaasTransport,
  deadline: Deadline,
  operationId: string
): Promise<BindResponse | undefined> {
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
  const operation = parseBody(OperationStatus, outcome.bodyText, 'bind')
  if (operation.status === 'completed') return parseValue(BindResponse, operation.result, 'bind')
  if (operation.status === 'failed') {
    throw operationFailed(operation.error?.message ?? '', `operation_id=${operationId} failed`)
  }
  return undefined
}

/** Polls `GET /api/v1/tracker/operations/{id}/` with jittered doubling backoff until done. */
async function pollOperation(
  transport: SaasTransport,
  clock: Clock,
  deadline: Deadline,
  operationId: string
): Promise<BindResponse> {
  for (let poll = 0; ; poll += 1) {
    const remaining = deadline.remainingMs()
    if (remaining <= POLL_FLOOR_MS) throw timedOut(deadline.totalMs)
    const delay = backoffMs(poll, POLL_BACKOFF.baseMs, POLL_BACKOFF.capMs, clock.random)
    await clock.sleep(Math.min(delay, remaining - POLL_FLOOR_MS))
    const done = await pollOnce(transport, deadline, operationId)
    if (done !== undefined) return done
  }
}

/**
 * `POST /api/v1/tracker/mission-origin/bind/` with the Idempotency-Key. An uncertain attempt
 * (5xx, reset, timeout, 429) is re-sent with the same key inside the deadline; 202 is polled.
 * 401/403/404/409/422 fail at once.
 */
export async function bindMissionOrigin(
  transport: SaasTransport,
  clock: Clock,
  deadlineMs: number,
  body: BindRequest,
  idempotencyKey: string
): Promise<BindResponse> {
  const deadline = new Deadline(clock, deadlineMs)
  const attemptCapMs = deadlineMs / ATTEMPT_SHARE
  const sent = await retryWithinDeadline(deadline, clock, BIND_RETRY, async timeoutMs => {
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
    return accepted(outcome)
  })
  if ('result' in sent) return sent.result
  return pollOperation(transport, clock, deadline, sent.operationId)
}
