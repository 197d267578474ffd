import { errorReply } from './reply.js'
import type { Reply } from './reply.js'
import { describeIssues, EventBatch, EventHead, MissionOriginBoundPayload } from './schemas.js'
import type { SaasState } from './state.js'

/** The sync protocol the sandbox speaks. */
export const SYNC_PROTOCOL = '2.0'

/** The parts of an events request the handler needs. */
export interface EventsRequest {
  protocol: string | undefined
  contentEncoding: string | undefined
  /** The gunzipped body, or undefined when it was not valid gzip. */
  bodyText: string | undefined
  /** Refuse every event with this `error_category`, as the SaaS does for a project. */
  refusal?: string | undefined
}

interface EventResult {
  event_id: string
  status: 'success' | 'duplicate' | 'rejected'
  error?: string
  error_category?: string
}

function eventIdOf(raw: unknown): string {
  const id = (raw as { event_id?: unknown } | null)?.event_id
  return typeof id === 'string' ? id : ''
}

function protocolMismatch(protocol: string | undefined): Reply | undefined {
  if (protocol === SYNC_PROTOCOL) return undefined
  const version = Number(protocol)
  const tooNew = Number.isFinite(version) && version > Number(SYNC_PROTOCOL)
  return errorReply(
    412,
    tooNew ? 'client-too-new' : 'client-too-old',
    `Sync protocol ${protocol ?? '(none)'} is not supported; this server speaks ${SYNC_PROTOCOL}.`,
    { error_category: 'protocol' }
  )
}

function judge(state: SaasState, raw: unknown, seen: Set<string>): EventResult {
  const head = EventHead.safeParse(raw)
  if (!head.success) {
    const id = (raw as { event_id?: unknown } | null)?.event_id
    return {
      event_id: typeof id === 'string' ? id : '',
      status: 'rejected',
      error: describeIssues(head.error)
    }
  }
  const { event_id, event_type, payload } = head.data
  if (state.events.has(event_id) || seen.has(event_id)) return { event_id, status: 'duplicate' }
  if (event_type === 'MissionOriginBound') {
    const checked = MissionOriginBoundPayload.safeParse(payload)
    if (!checked.success) {
      return { event_id, status: 'rejected', error: `payload: ${describeIssues(checked.error)}` }
    }
  }
  seen.add(event_id)
  return { event_id, status: 'success' }
}

/** `POST /api/v1/events/batch/`: gzip and protocol 2.0 required; one result per event. */
export function handleEvents(state: SaasState, request: EventsRequest): Reply {
  const mismatch = protocolMismatch(request.protocol)
  if (mismatch !== undefined) return mismatch
  if (request.contentEncoding !== 'gzip') {
    return errorReply(
      412,
      'gzip-required',
      'Send the batch gzip-compressed (Content-Encoding: gzip).'
    )
  }
  if (request.bodyText === undefined) {
    return errorReply(400, 'invalid_body', 'The body is not valid gzip.')
  }
  let json: unknown
  try {
    json = JSON.parse(request.bodyText)
  } catch {
    return errorReply(400, 'invalid_body', 'The body is not valid JSON.')
  }
  const batch = EventBatch.safeParse(json)
  if (!batch.success) return errorReply(400, 'invalid_body', describeIssues(batch.error))
  const seen = new Set<string>()
  const refusal = request.refusal
  const results =
    refusal === undefined
      ? batch.data.events.map(raw => judge(state, raw, seen))
      : batch.data.events.map(raw => ({
          event_id: eventIdOf(raw),
          status: 'rejected' as const,
          error: 'The project may not send events.',
          error_category: refusal
        }))
  batch.data.events.forEach((raw, index) => {
    if (results[index]?.status === 'success') state.events.set(results[index].event_id, raw)
  })
  const allRejected = results.length > 0 && results.every(result => result.status === 'rejected')
  return { status: allRejected ? 400 : 200, body: { results } }
}
