import { toKittyError } from '../errors.js'
import { oneLine } from '../text/one-line.js'
import type { SaasClient } from '../saas/client.js'
import type { EventResult } from '../saas/types.js'
import type { EventEnvelope } from './envelope.js'

/** An event the SaaS refused for good, with its reason. */
export interface RejectedEvent {
  event: EventEnvelope
  reason: string
}

/** Where each event of one batch ended up. */
export interface DeliveryOutcome {
  /** The SaaS holds these (`success`, `accepted`, `duplicate`, `warning`, `pending`, `queued`). */
  delivered: EventEnvelope[]
  /** Refused for good: sending them again cannot help (kept in the outbox for people). */
  rejected: RejectedEvent[]
  /**
   * Refused because the project is not admitted, has not consented or was refused
   * (`project_not_admitted`, `project_not_consented`, `project_refused`): final, and dropped
   * from the outbox with a note, since only the project's owners can change that.
   */
  dropped: RejectedEvent[]
  /** Not known to be held by the SaaS: keep them queued and try again later. */
  pending: EventEnvelope[]
  /** Why the pending events are pending; empty when none is. */
  pendingReason: string
}

/**
 * `pending` and `queued` mean the SaaS took the event and will process it on its side; sending
 * it again would only earn a `duplicate`, so they count as delivered like `accepted`.
 */
const DELIVERED: ReadonlySet<EventResult['status']> = new Set([
  'success',
  'accepted',
  'duplicate',
  'warning',
  'pending',
  'queued'
])

/**
 * Codes of a thrown, non-retryable error that still leave the events queued: an answer we
 * could not read says nothing about whether the SaaS kept the events.
 */
const KEEP_QUEUED: ReadonlySet<string> = new Set(['saas-bad-response', 'internal'])

/** Refusal categories that are final for the project: such events leave the outbox. */
const PROJECT_REFUSALS: ReadonlySet<string> = new Set([
  'project_not_admitted',
  'project_not_consented',
  'project_refused'
])

/** Why an event the SaaS sent no result for stays queued. */
export const NO_RESULT_REASON = 'the Spec Kitty SaaS sent no result for this event'

/** An error as one log line: the user sentence, then the detail in brackets when there is one. */
export function describeError(thrown: unknown): string {
  const error = toKittyError(thrown)
  return error.detail === undefined ? error.message : `${error.message} (${error.detail})`
}

function emptyOutcome(): DeliveryOutcome {
  return { delivered: [], rejected: [], dropped: [], pending: [], pendingReason: '' }
}

function refusalReason(result: EventResult): string {
  const reason = oneLine(result.error ?? '', 200) || 'rejected by the Spec Kitty SaaS'
  return result.category === undefined ? reason : `${reason} (${oneLine(result.category, 64)})`
}

function classify(events: readonly EventEnvelope[], results: EventResult[]): DeliveryOutcome {
  const byId = new Map<string, EventResult>()
  for (const result of results) {
    if (!byId.has(result.event_id)) byId.set(result.event_id, result)
  }
  const outcome = emptyOutcome()
  for (const event of events) {
    const result = byId.get(event.event_id)
    if (result === undefined) outcome.pending.push(event)
    else if (DELIVERED.has(result.status)) outcome.delivered.push(event)
    else if (result.category !== undefined && PROJECT_REFUSALS.has(result.category)) {
      outcome.dropped.push({ event, reason: refusalReason(result) })
    } else outcome.rejected.push({ event, reason: refusalReason(result) })
  }
  if (outcome.pending.length > 0) outcome.pendingReason = NO_RESULT_REASON
  return outcome
}

/**
 * Sends one batch and sorts every event into delivered, rejected or pending. Results are matched
 * by `event_id`, so an event the SaaS did not answer for stays pending. A thrown retryable error
 * (401/403/408/429/5xx, network, timeout) leaves every event pending; a thrown final one (412
 * protocol mismatch, 400 without results, other refusals) rejects every event with its reason.
 * Never throws.
 */
export async function deliverEvents(
  events: readonly EventEnvelope[],
  saas: Pick<SaasClient, 'sendEvents'>
): Promise<DeliveryOutcome> {
  if (events.length === 0) return emptyOutcome()
  let results: EventResult[]
  try {
    results = await saas.sendEvents([...events])
  } catch (thrown) {
    const error = toKittyError(thrown)
    const reason = describeError(error)
    if (error.retryable || KEEP_QUEUED.has(error.code)) {
      return { ...emptyOutcome(), pending: [...events], pendingReason: reason }
    }
    return { ...emptyOutcome(), rejected: events.map(event => ({ event, reason })) }
  }
  return classify(events, results)
}
