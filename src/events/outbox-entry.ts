import { z } from 'zod'
import { MissionOriginBoundEnvelope, MissionOriginBoundPayload } from './envelope.js'

/** The branch that holds events waiting for delivery; absent when nothing waits. */
export const OUTBOX_BRANCH = 'kitty-origin/outbox'

/** The folder of the outbox branch with one `<event_id>.json` per event. */
export const OUTBOX_EVENTS_DIR = 'events'

/** One queued event as stored in `events/<event_id>.json` on the outbox branch. */
export const OutboxEntry = z.strictObject({
  event: MissionOriginBoundEnvelope,
  /** Delivery attempts so far, the first one included. */
  attempts: z.number().int().min(1),
  /** When the event was first put in the outbox (ISO 8601, UTC). */
  first_queued_at: z.string().min(1),
  /** Why the latest attempt did not deliver the event. */
  last_error: z.string(),
  /** True once the SaaS refused the event for good: it is kept for people, never sent again. */
  rejected: z.boolean(),
  rejection_reason: z.string().optional()
})
/** A queued (or parked, when `rejected`) event. */
export type OutboxEntry = z.infer<typeof OutboxEntry>

/**
 * Every key an entry file may hold, in the order it is written: the entry's, then the
 * envelope's and its payload's, each in its schema's order. As a JSON.stringify replacer it
 * fixes the key order at every level, so the same entry is always the same bytes.
 */
const KEY_ORDER = [
  ...Object.keys(OutboxEntry.shape),
  ...Object.keys(MissionOriginBoundEnvelope.shape),
  ...Object.keys(MissionOriginBoundPayload.shape)
]

/** The path of an event's file on the outbox branch. */
export function outboxPath(eventId: string): string {
  return `${OUTBOX_EVENTS_DIR}/${eventId}.json`
}

/** The event id a file name of the events folder stands for, or null for any other file. */
export function eventIdOfFile(name: string): string | null {
  const match = /^([0-7][0-9A-HJKMNP-TV-Z]{25})\.json$/.exec(name)
  return match?.[1] ?? null
}

/** The file text of an entry: 2-space JSON in a fixed key order with a trailing newline. */
export function serializeOutboxEntry(entry: OutboxEntry): string {
  return `${JSON.stringify(entry, KEY_ORDER, 2)}\n`
}

/** An entry read back from its file; a description of the problem when it is not one. */
export function parseOutboxEntry(
  text: string
): { ok: true; entry: OutboxEntry } | { ok: false; problem: string } {
  let json: unknown
  try {
    json = JSON.parse(text)
  } catch {
    return { ok: false, problem: 'not JSON' }
  }
  const parsed = OutboxEntry.safeParse(json)
  return parsed.success
    ? { ok: true, entry: parsed.data }
    : { ok: false, problem: z.prettifyError(parsed.error).replace(/\n/g, ' ') }
}
