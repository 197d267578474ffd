import type { KittyError } from '../errors.js'
import { headerValue, parseErrorEnvelope, retryAfterSeconds, saasErrorFrom } from './errors.js'
import type { ResponseHeaders, SaasOperation } from './errors.js'
import type { HttpResponse } from './transport.js'

/** Time, waiting and chance, injected so tests need not wait. */
export interface Clock {
  now: () => number
  sleep: (ms: number) => Promise<void>
  random: () => number
}

/** The wait of a 429 that names none, per the contract. */
export const DEFAULT_RETRY_AFTER_MS = 5_000

/** A point in time a step must finish by. */
export class Deadline {
  private readonly endsAt: number

  constructor(
    private readonly clock: Pick<Clock, 'now'>,
    /** The whole budget, for messages ("within 10 s"). */
    readonly totalMs: number
  ) {
    this.endsAt = clock.now() + totalMs
  }

  /** Milliseconds left, never negative. */
  remainingMs(): number {
    return Math.max(0, this.endsAt - this.clock.now())
  }
}

/** Exponential backoff with ±20 % jitter: base, 2×base, 4×base … capped. */
export function backoffMs(
  attempt: number,
  baseMs: number,
  capMs: number,
  random: () => number
): number {
  return Math.round(Math.min(capMs, baseMs * 2 ** attempt) * (0.8 + 0.4 * random()))
}

/**
 * How long a 429 asks to wait: `retry_after_seconds` in the body, else `Retry-After` (seconds or
 * an HTTP date), else 5 s.
 */
export function retryAfterMs(bodyText: string, headers: ResponseHeaders, nowMs: number): number {
  const secondsToWait = retryAfterSeconds(parseErrorEnvelope(bodyText), headers)
  if (secondsToWait !== undefined) return secondsToWait * 1000
  const date = Date.parse(headerValue(headers, 'retry-after') ?? '')
  return Number.isNaN(date) ? DEFAULT_RETRY_AFTER_MS : Math.max(0, date - nowMs)
}

/** The result of one try: a value, or an error with the wait a retry would need. */
export type Attempt<T> = { ok: true; value: T } | { ok: false; error: KittyError; waitMs?: number }

/** A failed try: the error and, for a 429, the wait it asked for. */
export type FailedAttempt = Extract<Attempt<never>, { ok: false }>

/** A failed attempt from a non-2xx answer; a 429 carries the wait it asked for. */
export function failedAttempt(
  response: HttpResponse,
  operation: SaasOperation,
  nowMs: number
): FailedAttempt {
  const error = saasErrorFrom(response.status, response.headers, response.bodyText, operation)
  if (response.status !== 429) return { ok: false, error }
  return { ok: false, error, waitMs: retryAfterMs(response.bodyText, response.headers, nowMs) }
}

/** How a retry loop backs off between transient failures. */
export interface RetryPolicy {
  baseMs: number
  capMs: number
}

/**
 * Runs `attempt` until it succeeds, fails for good, or the next wait would not fit in the
 * deadline; then the last error is thrown at once instead of waiting in vain.
 */
export async function retryWithinDeadline<T>(
  deadline: Deadline,
  clock: Clock,
  policy: RetryPolicy,
  attempt: (timeoutMs: number) => Promise<Attempt<T>>
): Promise<T> {
  for (let tries = 0; ; tries += 1) {
    const result = await attempt(deadline.remainingMs())
    if (result.ok) return result.value
    if (!result.error.retryable) throw result.error
    const waitMs = result.waitMs ?? backoffMs(tries, policy.baseMs, policy.capMs, clock.random)
    if (waitMs >= deadline.remainingMs()) throw result.error
    await clock.sleep(waitMs)
  }
}
