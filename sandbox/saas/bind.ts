import { errorReply, noMapping } from './reply.js'
import type { Reply } from './reply.js'
import { BindBody, describeIssues } from './schemas.js'
import type { SeedResource } from './seed.js'
import { bindBodyIn } from './shapes.js'
import type { SaasShapes } from './shapes.js'
import { nextId, resolveResource } from './state.js'
import type { AsyncBindMode, OriginLink, SaasState } from './state.js'

/** What the bind handler needs besides the body. */
export interface BindContext {
  idempotencyKey: string | undefined
  asyncBind: AsyncBindMode | undefined
  now: () => number
  /** The answer shapes to use (the contract's full shape when empty). */
  shapes?: SaasShapes
}

function isoSeconds(ms: number): string {
  return new Date(ms).toISOString().replace(/\.\d{3}Z$/, 'Z')
}

function linkBody(link: OriginLink, alreadyBound: boolean): Record<string, unknown> {
  const body: Record<string, unknown> = {
    origin_link_id: link.origin_link_id,
    bound_at: link.bound_at
  }
  if (alreadyBound) body.already_bound = true
  return body
}

function createLink(
  state: SaasState,
  bind: BindBody,
  resource: SeedResource,
  now: number
): OriginLink {
  const link: OriginLink = {
    origin_link_id: nextId(state, 'oml'),
    bound_at: isoSeconds(now),
    mission_id: bind.mission_id,
    provider: bind.provider,
    external_issue_id: bind.external_issue_id,
    external_issue_key: bind.external_issue_key,
    resource_id: resource.resource_id
  }
  state.links.set(bind.mission_id, link)
  return link
}

function conflict(existing: OriginLink): Reply {
  return errorReply(
    409,
    'origin_conflict',
    `Mission ${existing.mission_id} is already bound to ${existing.external_issue_key}.`,
    { error_category: 'conflict' }
  )
}

/** Binds now, or answers the existing link (same origin) or a conflict (different origin). */
function bindOrExisting(
  state: SaasState,
  bind: BindBody,
  resource: SeedResource,
  now: number
): Reply {
  const existing = state.links.get(bind.mission_id)
  if (existing === undefined) {
    return { status: 200, body: linkBody(createLink(state, bind, resource, now), false) }
  }
  const sameOrigin =
    existing.provider === bind.provider && existing.external_issue_id === bind.external_issue_id
  return sameOrigin ? { status: 200, body: linkBody(existing, true) } : conflict(existing)
}

function validated(
  state: SaasState,
  body: unknown
): Reply | { bind: BindBody; resource: SeedResource } {
  const parsed = BindBody.safeParse(body)
  if (!parsed.success) {
    return errorReply(422, 'invalid_bind', describeIssues(parsed.error), {
      error_category: 'validation'
    })
  }
  const resource = resolveResource(state, parsed.data)
  if (resource === undefined) return noMapping(parsed.data)
  const known = resource.tickets.some(t => t.external_issue_id === parsed.data.external_issue_id)
  if (!known) {
    return errorReply(
      422,
      'unknown_issue',
      `No issue ${parsed.data.external_issue_id} in ${resource.resource_type} ${resource.resource_id}.`,
      { error_category: 'validation' }
    )
  }
  return { bind: parsed.data, resource }
}

function fresh(state: SaasState, body: unknown, context: BindContext): Reply {
  const checked = validated(state, body)
  if ('status' in checked) return checked
  const { bind, resource } = checked
  const existing = state.links.get(bind.mission_id)
  if (context.asyncBind === undefined || existing !== undefined) {
    return bindOrExisting(state, bind, resource, context.now())
  }
  const id = nextId(state, 'op')
  state.operations.set(id, {
    id,
    polls: 0,
    pollsNeeded: context.asyncBind.polls,
    outcome: context.asyncBind.outcome ?? 'completed',
    message: context.asyncBind.message ?? 'The tracker refused the write.',
    bind,
    resource
  })
  return { status: 202, body: { operation_id: id } }
}

/** `POST /api/v1/tracker/mission-origin/bind/` with Idempotency-Key replay. */
export function handleBind(state: SaasState, body: unknown, context: BindContext): Reply {
  const key = context.idempotencyKey
  if (key === undefined || key === '') {
    return errorReply(400, 'idempotency_key_required', 'Send an Idempotency-Key header on writes.')
  }
  const fingerprint = JSON.stringify(body)
  const stored = state.idempotency.get(key)
  if (stored !== undefined) {
    if (stored.fingerprint !== fingerprint) {
      return errorReply(
        422,
        'idempotency_key_reused',
        'This Idempotency-Key was used for a different request.',
        {
          error_category: 'validation'
        }
      )
    }
    return { status: stored.status, body: stored.body, headers: { 'Idempotency-Replayed': 'true' } }
  }
  const made = fresh(state, body, context)
  const reply =
    made.status === 200
      ? { ...made, body: bindBodyIn(context.shapes?.bind, made.body as Record<string, unknown>) }
      : made
  if ([200, 202, 409].includes(reply.status)) {
    state.idempotency.set(key, { fingerprint, status: reply.status, body: reply.body })
  }
  return reply
}

function failedError(shape: SaasShapes['operationError'], message: string): unknown {
  if (shape === 'string') return message
  if (shape === 'absent') return undefined
  return { error_code: 'tracker_write_failed', message }
}

/** `GET /api/v1/tracker/operations/{id}/`: pending, running, then the configured outcome. */
export function handleOperation(
  state: SaasState,
  id: string,
  now: () => number,
  shapes: SaasShapes = {}
): Reply {
  const operation = state.operations.get(id)
  if (operation === undefined) return errorReply(404, 'operation_not_found', `No operation ${id}.`)
  operation.polls += 1
  if (operation.polls < operation.pollsNeeded) {
    return {
      status: 200,
      body: { operation_id: id, status: operation.polls === 1 ? 'pending' : 'running' }
    }
  }
  if (operation.outcome === 'completed' && operation.result === undefined) {
    const reply = bindOrExisting(state, operation.bind, operation.resource, now())
    if (reply.status === 200) operation.result = reply.body
    else {
      operation.outcome = 'failed'
      operation.message = 'A different origin is already bound to this mission.'
    }
  }
  if (operation.outcome === 'failed') {
    return {
      status: 200,
      body: {
        operation_id: id,
        status: 'failed',
        error: failedError(shapes.operationError, operation.message)
      }
    }
  }
  if (shapes.operationResult === 'whole-body') {
    const result = operation.result as Record<string, unknown>
    return { status: 200, body: { ...result, operation_id: id, status: 'completed' } }
  }
  return { status: 200, body: { operation_id: id, status: 'completed', result: operation.result } }
}
