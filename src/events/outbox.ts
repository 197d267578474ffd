import type { Log } from '../log.js'
import type { SaasClient } from '../saas/client.js'
import { deliverEvents, describeError } from './delivery.js'
import type { DeliveryOutcome, RejectedEvent } from './delivery.js'
import { validateEnvelopePayload } from './envelope.js'
import type { EventEnvelope } from './envelope.js'
import { OUTBOX_BRANCH } from './outbox-entry.js'
import type { OutboxEntry } from './outbox-entry.js'

/** The durable outbox: where events wait between runs until the SaaS has them. */
export interface OutboxStore {
  /** Every entry, or null when there is no outbox at all (the cheap path: one ref lookup). */
  list(): Promise<OutboxEntry[] | null>
  /** Writes these entries, each replacing the entry of the same event id. */
  put(entries: OutboxEntry[]): Promise<void>
  /** Removes the entries of these event ids; removes the outbox itself when nothing is left. */
  remove(eventIds: string[]): Promise<void>
}

/** Where the outbox reports what it did: the run's log without debug lines. */
export type OutboxLog = Pick<Log, 'info' | 'warning' | 'error'>

/** What emitWithOutbox and drainOutbox need. */
export interface OutboxDeps {
  saas: Pick<SaasClient, 'sendEvents'>
  store: OutboxStore
  log: OutboxLog
  /** Epoch milliseconds for `first_queued_at` (default Date.now). */
  now?: () => number
  /** Where a note for the job summary goes (an event the SaaS refused for the project). */
  note?: (text: string) => void
}

/** An event refused for good, by id. */
export interface EventRejection {
  eventId: string
  reason: string
}

/** What happened to newly emitted events. */
export interface EmitResult {
  delivered: number
  /** Put in the outbox for a later run. */
  queued: number
  /** Refused for good (invalid, or refused by the SaaS); the SaaS's refusals are kept in the outbox. */
  rejected: EventRejection[]
  /** Neither delivered nor written to the outbox: the run log names them. */
  lost: EventEnvelope[]
  /** Refused for the project (not admitted, not consented, refused): not queued, noted. */
  dropped: EventRejection[]
}

/** What a drain did. */
export interface DrainResult {
  delivered: number
  /** Still waiting in the outbox for a later run. */
  stillQueued: number
  /** Refused by the SaaS during this drain; kept in the outbox, never sent again. */
  rejected: EventRejection[]
  /** Entries refused in earlier runs that stay in the outbox for people to look at. */
  parked: number
  /** Refused for the project during this drain: removed from the outbox, noted. */
  dropped: EventRejection[]
}

/** Logs and notes the events the SaaS refused for the project; they leave the outbox. */
function reportDropped(dropped: readonly RejectedEvent[], deps: OutboxDeps): EventRejection[] {
  return dropped.map(({ event, reason }) => {
    const text = `The Spec Kitty SaaS refused event ${event.event_id} for this project (${reason}); it was dropped, not queued. Ask the project's owners to admit the project and consent to sync in Spec Kitty.`
    deps.log.warning(text)
    deps.note?.(text)
    return { eventId: event.event_id, reason }
  })
}

function idsOf(events: readonly EventEnvelope[]): string {
  return events.map(event => event.event_id).join(', ')
}

function splitValid(
  events: readonly EventEnvelope[],
  log: OutboxLog
): { valid: EventEnvelope[]; invalid: EventRejection[] } {
  const valid: EventEnvelope[] = []
  const invalid: EventRejection[] = []
  for (const event of events) {
    const problem = validateEnvelopePayload(event)
    if (problem === null) {
      valid.push(event)
      continue
    }
    const eventId = event.event_id
    invalid.push({ eventId, reason: `invalid event: ${problem}` })
    log.error(`Event ${eventId} is not valid and was not sent or queued: ${problem}`)
  }
  return { valid, invalid }
}

function freshEntries(outcome: DeliveryOutcome, queuedAt: string): OutboxEntry[] {
  const lastError = outcome.pendingReason
  return [
    ...outcome.pending.map(event => ({
      event,
      attempts: 1,
      first_queued_at: queuedAt,
      last_error: lastError,
      rejected: false
    })),
    ...outcome.rejected.map(({ event, reason }) => ({
      event,
      attempts: 1,
      first_queued_at: queuedAt,
      last_error: reason,
      rejected: true,
      rejection_reason: reason
    }))
  ]
}

/**
 * Delivers new events now, fire-and-forget: what the SaaS does not take now goes to the outbox
 * for a later run (events it refused for good are kept there too, marked rejected). Never throws;
 * an event that could be neither delivered nor stored is returned in `lost` and logged as an error.
 */
export async function emitWithOutbox(
  newEvents: readonly EventEnvelope[],
  deps: OutboxDeps
): Promise<EmitResult> {
  const { log } = deps
  const { valid, invalid } = splitValid(newEvents, log)
  const outcome = await deliverEvents(valid, deps.saas)
  const rejected = [
    ...invalid,
    ...outcome.rejected.map(({ event, reason }) => ({ eventId: event.event_id, reason }))
  ]
  for (const { event, reason } of outcome.rejected) {
    log.warning(`The Spec Kitty SaaS refused event ${event.event_id}: ${reason}`)
  }
  const entries = freshEntries(outcome, new Date((deps.now ?? Date.now)()).toISOString())
  const result: EmitResult = {
    delivered: outcome.delivered.length,
    queued: 0,
    rejected,
    lost: [],
    dropped: reportDropped(outcome.dropped, deps)
  }
  if (entries.length === 0) return result
  try {
    await deps.store.put(entries)
  } catch (error) {
    const lost = entries.map(entry => entry.event)
    log.error(
      `Could not write events ${idsOf(lost)} to the ${OUTBOX_BRANCH} branch; they were not delivered and are lost: ${describeError(error)}`
    )
    return { ...result, lost }
  }
  result.queued = outcome.pending.length
  if (result.queued > 0) {
    log.warning(
      `Queued ${result.queued} event(s) in the ${OUTBOX_BRANCH} branch for the next run: ${outcome.pendingReason}`
    )
  }
  return result
}

function retried(entry: OutboxEntry, lastError: string): OutboxEntry {
  return { ...entry, attempts: entry.attempts + 1, last_error: lastError }
}

function drainChanges(
  live: readonly OutboxEntry[],
  outcome: DeliveryOutcome
): { put: OutboxEntry[]; remove: string[] } {
  // Delivered and dropped events both leave the outbox.
  const gone = new Set([
    ...outcome.delivered.map(event => event.event_id),
    ...outcome.dropped.map(({ event }) => event.event_id)
  ])
  const refusals = new Map(outcome.rejected.map(({ event, reason }) => [event.event_id, reason]))
  const put: OutboxEntry[] = []
  for (const entry of live) {
    const id = entry.event.event_id
    const reason = refusals.get(id)
    if (gone.has(id)) continue
    if (reason === undefined) put.push(retried(entry, outcome.pendingReason))
    else put.push({ ...retried(entry, reason), rejected: true, rejection_reason: reason })
  }
  return { put, remove: [...gone] }
}

async function tryStore(log: OutboxLog, what: string, write: () => Promise<void>): Promise<void> {
  try {
    await write()
  } catch (error) {
    log.warning(`Could not ${what} in the ${OUTBOX_BRANCH} branch: ${describeError(error)}`)
  }
}

/**
 * Runs first in every run: sends every queued (not rejected) event in one batch, removes the
 * delivered ones, counts an attempt on the rest, marks the SaaS's refusals rejected (kept, never
 * sent again) and removes the outbox once it is empty. One ref lookup when there is no outbox.
 * Never throws: a failed write only delays the bookkeeping, since a re-sent event answers
 * `duplicate`.
 */
export async function drainOutbox(deps: OutboxDeps): Promise<DrainResult> {
  const { log, store } = deps
  const empty: DrainResult = { delivered: 0, stillQueued: 0, rejected: [], parked: 0, dropped: [] }
  let entries: OutboxEntry[] | null
  try {
    entries = await store.list()
  } catch (error) {
    log.warning(`Could not read the ${OUTBOX_BRANCH} branch: ${describeError(error)}`)
    return empty
  }
  if (entries === null) return empty
  const live = entries.filter(entry => !entry.rejected)
  const parked = entries.length - live.length
  if (parked > 0) {
    log.warning(
      `${parked} event(s) the Spec Kitty SaaS refused stay in the ${OUTBOX_BRANCH} branch for inspection.`
    )
  }
  if (live.length === 0) {
    if (entries.length === 0) await tryStore(log, 'remove the empty outbox', () => store.remove([]))
    return { ...empty, parked }
  }
  const outcome = await deliverEvents(
    live.map(entry => entry.event),
    deps.saas
  )
  const changes = drainChanges(live, outcome)
  if (changes.put.length > 0) {
    await tryStore(log, 'record the delivery attempt', () => store.put(changes.put))
  }
  if (changes.remove.length > 0) {
    await tryStore(log, 'remove delivered events', () => store.remove(changes.remove))
  }
  const rejected = outcome.rejected.map(({ event, reason }) => ({
    eventId: event.event_id,
    reason
  }))
  for (const { eventId, reason } of rejected) {
    log.warning(`The Spec Kitty SaaS refused queued event ${eventId}: ${reason}`)
  }
  const dropped = reportDropped(outcome.dropped, deps)
  log.info(
    `Outbox: ${outcome.delivered.length} delivered, ${outcome.pending.length} still queued, ${rejected.length} refused, ${dropped.length} dropped.`
  )
  return {
    delivered: outcome.delivered.length,
    stillQueued: outcome.pending.length,
    rejected,
    parked,
    dropped
  }
}
