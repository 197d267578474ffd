import { gzipSync } from 'node:zlib'
import { z } from 'zod'
import { parseBody } from './body.js'
import { saasErrorFrom, transportError } from './errors.js'
import { exchange, isSuccess } from './transport.js'
import type { SaasTransport } from './transport.js'
import type { EventResult, OutgoingEvent } from './types.js'
import { EventBatchResponse } from './wire.js'

/** Path of the events batch (the trailing slash is required). */
export const EVENTS_BATCH_PATH = '/api/v1/events/batch/'

/** The sync protocol version kitty-origin speaks. */
export const SYNC_PROTOCOL = '2.0'

function resultsOf(batch: z.infer<typeof EventBatchResponse>): EventResult[] {
  return batch.results.map(result => {
    const category = result.error_category ?? result.category ?? result.code ?? undefined
    return {
      event_id: result.event_id,
      status: result.status,
      error: result.error,
      ...(category === undefined ? {} : { category })
    }
  })
}

function rejectionsIn(bodyText: string): EventResult[] | undefined {
  try {
    return resultsOf(EventBatchResponse.parse(JSON.parse(bodyText)))
  } catch {
    return undefined
  }
}

/**
 * `POST /api/v1/events/batch/`, gzip-compressed, one attempt, without X-Team-Slug. Returns the
 * per-event results (a 400 with results is per-event rejections). Throws a retryable KittyError
 * when the events should stay queued (401/403/408/429/5xx, network, timeout), a final one
 * otherwise (a 412 names the server's guidance).
 */
export async function sendEvents(
  transport: SaasTransport,
  deadlineMs: number,
  events: readonly OutgoingEvent[]
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
  if (isSuccess(outcome.status)) {
    return resultsOf(parseBody(EventBatchResponse, outcome.bodyText, 'events'))
  }
  const rejected = outcome.status === 400 ? rejectionsIn(outcome.bodyText) : undefined
  if (rejected !== undefined) return rejected
  throw saasErrorFrom(outcome.status, outcome.headers, outcome.bodyText, 'events')
}
