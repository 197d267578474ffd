import { gzipSync } from 'node:zlib'
import { parseBody } from './body.js'
import { saasErrorFrom, transportError } from './errors.js'
import { exchange, isSuccess } from './transport.js'
import type { SaasTransport } from './transport.js'
import { EventBatchResponse } from './wire.js'
import type { EventEnvelope, EventResult } from './wire.js'

/** Path of the events batch (the trailing slash is required). */
export const EVENTS_BATCH_PATH = '/api/v1/events/batch/'

/** The sync protocol version kitty-origin speaks. */
export const SYNC_PROTOCOL = '2.0'

function rejectionsIn(bodyText: string): EventResult[] | undefined {
  try {
    return EventBatchResponse.parse(JSON.parse(bodyText)).results
  } catch {
    return undefined
  }
}

/**
 * `POST /api/v1/events/batch/`, gzip-compressed, one attempt. Returns the per-event results
 * (a 400 with results is per-event rejections). Throws a retryable KittyError when the events
 * should stay queued (401/403/408/429/5xx, network, timeout) and a final one otherwise.
 */
export async function sendEvents(
  transport: SaasTransport,
  deadlineMs: number,
  events: readonly EventEnvelope[]
): Promise<EventResult[]> {
  if (events.length === 0) return []
  const outcome = await exchange(transport, {
    method: 'POST',
    path: EVENTS_BATCH_PATH,
    raw: gzipSync(JSON.stringify({ events })),
    headers: {
      'Content-Type': 'application/json',
      'Content-Encoding': 'gzip',
      'X-Spec-Kitty-Sync-Protocol': SYNC_PROTOCOL
    },
    timeoutMs: deadlineMs
  })
  if (outcome.kind !== 'response') throw transportError(outcome, 'events', deadlineMs)
  if (isSuccess(outcome.status))
    return parseBody(EventBatchResponse, outcome.bodyText, 'events').results
  const rejected = outcome.status === 400 ? rejectionsIn(outcome.bodyText) : undefined
  if (rejected !== undefined) return rejected
  throw saasErrorFrom(outcome.status, outcome.headers, outcome.bodyText, 'events')
}
