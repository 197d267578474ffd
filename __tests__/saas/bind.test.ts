import { describe, expect, it } from '@jest/globals'
import { bindIdempotencyKey } from '../../src/saas/idempotency.js'
import type { BindTicket } from '../../src/saas/types.js'
import { linearRoute, mission, rejectionOf, ticket } from './harness.js'
import {
  BIND,
  fakeClock,
  saasClientFor,
  USER_AGENT,
  useSandboxSaas
} from '../../__fixtures__/sandbox/saas.js'

const OPERATIONS = /^\/api\/v1\/tracker\/operations\//
const KEY = bindIdempotencyKey({
  repo: 'acme/web',
  missionId: '01M0M9D8R83DDKSZ62QKGV3YW0',
  externalIssueId: '3f0c2a9e-8d41-4c5b-b6f7-1e2d3c4b5a69'
})
const sandbox = useSandboxSaas({ now: () => Date.UTC(2026, 3, 1, 12, 0, 0) }, true)

/** The wire body of a bind of `sent`. */
function wireBody(sent: BindTicket = ticket()): Record<string, unknown> {
  return {
    provider: 'linear',
    mission_id: mission.missionId,
    external_issue_id: sent.external_issue_id,
    external_issue_key: sent.external_issue_key,
    external_issue_url: sent.url,
    external_title: sent.title,
    external_status: sent.status,
    mission_slug: mission.missionSlug,
    project_slug: 'acme-web'
  }
}

function bind(client: ReturnType<typeof saasClientFor>, sent: BindTicket = ticket()) {
  return client.bindMissionOrigin(linearRoute, mission, sent)
}

describe('bindMissionOrigin on the wire', () => {
  it('posts external_title/external_status with the Idempotency-Key and answers the link', async () => {
    const result = await bind(saasClientFor(sandbox))
    expect(result).toEqual({
      originLinkId: 'oml_000001',
      boundAt: '2026-04-01T12:00:00Z',
      alreadyBound: false
    })
    const [request] = sandbox.requests
    expect(request!.path).toBe(BIND)
    expect(request!.body).toEqual(wireBody())
    expect(request!.headers).toMatchObject({
      authorization: `Bearer ${sandbox.token}`,
      'x-team-slug': 'acme',
      'content-type': 'application/json',
      'user-agent': USER_AGENT,
      'idempotency-key': KEY
    })
  })

  it('routes by binding_ref alone when the binding has one', async () => {
    sandbox.faults.add({ path: BIND, status: 200, body: {} })
    await saasClientFor(sandbox).bindMissionOrigin(
      { provider: 'linear', projectSlug: 'acme-web', bindingRef: 'srm_1' },
      mission,
      ticket()
    )
    const body = sandbox.requests[0]!.body as Record<string, unknown>
    expect(body.binding_ref).toBe('srm_1')
    expect(body).not.toHaveProperty('project_slug')
  })

  it('sends external_status "" when the ticket has no status (spec-kitty case)', async () => {
    await bind(saasClientFor(sandbox), ticket({ status: '' }))
    expect(sandbox.requests[0]!.body).toMatchObject({
      external_status: '',
      external_title: 'Add Clerk auth'
    })
  })

  it('takes a same-origin re-bind as success with already_bound', async () => {
    const client = saasClientFor(sandbox)
    const first = await bind(client)
    sandbox.state.idempotency.clear()
    const again = await bind(client)
    expect(again).toEqual({ ...first, alreadyBound: true })
  })

  it('takes an Idempotency-Replayed answer as success with the first result', async () => {
    const client = saasClientFor(sandbox)
    const first = await bind(client)
    const replayed = await bind(client)
    expect(replayed).toEqual(first)
    expect(sandbox.requests.map(r => r.headers['idempotency-key'])).toEqual([KEY, KEY])
    expect(sandbox.state.links.size).toBe(1)
  })
})

describe('bindMissionOrigin failures that are never retried', () => {
  it('fails with saas-origin-conflict when a different origin is bound', async () => {
    const client = saasClientFor(sandbox)
    await bind(client)
    const other = ticket({
      external_issue_id: '5a7b9c1d-2e3f-4a5b-8c6d-7e8f9a0b1c2d',
      external_issue_key: 'WEB-124'
    })
    const error = await rejectionOf(bind(client, other))
    expect(error.code).toBe('saas-origin-conflict')
    expect(error.message).toMatch(
      /^A different ticket is already bound to this mission in Spec Kitty; nothing was written\.$/
    )
    expect(sandbox.requests).toHaveLength(2)
  })

  it.each([
    [401, 'saas-unauthorized'],
    [403, 'saas-forbidden'],
    [404, 'saas-no-mapping'],
    [409, 'saas-origin-conflict'],
    [422, 'saas-invalid-query']
  ])('sends a bind answered %i only once (%s)', async (status, code) => {
    sandbox.faults.add({ path: BIND, status, body: { message: 'no' } })
    const error = await rejectionOf(bind(saasClientFor(sandbox)))
    expect(error.code).toBe(code)
    expect(sandbox.requests).toHaveLength(1)
  })
})

describe('bindMissionOrigin reads a success as leniently as spec-kitty', () => {
  it.each([
    ['only origin_link_id', 'link-only', { originLinkId: 'oml_000001', boundAt: null }],
    ['an empty object', 'empty', { originLinkId: null, boundAt: null }],
    ['JSON null', 'null', { originLinkId: null, boundAt: null }],
    ['a body that is not JSON', 'text', { originLinkId: null, boundAt: null }]
  ] as const)('takes a 200 with %s as a bind', async (_name, shape, expected) => {
    sandbox.shapes.bind = shape
    expect(await bind(saasClientFor(sandbox))).toEqual({ ...expected, alreadyBound: false })
  })

  it('takes a 201 as a bind too', async () => {
    sandbox.faults.add({ path: BIND, status: 201, body: { origin_link_id: 'oml_9' } })
    expect((await bind(saasClientFor(sandbox))).originLinkId).toBe('oml_9')
  })

  it('keeps one clean line of the link id and time, never markup or control characters', async () => {
    sandbox.faults.add({
      path: BIND,
      status: 200,
      body: { origin_link_id: 'oml\u202e_1\n\u200b<b>x</b>', bound_at: 12 }
    })
    expect(await bind(saasClientFor(sandbox))).toEqual({
      originLinkId: 'oml_1 <b>x</b>',
      boundAt: '12',
      alreadyBound: false
    })
  })
})

describe('bindMissionOrigin when the outcome is uncertain', () => {
  it('re-sends a bind that hit a 5xx with the same Idempotency-Key', async () => {
    const clock = fakeClock()
    sandbox.faults.add({ path: BIND, status: 502, body: '<html>Bad gateway</html>' })
    const result = await bind(saasClientFor(sandbox, clock))
    expect(result.originLinkId).toBe('oml_000001')
    expect(sandbox.requests.map(r => r.headers['idempotency-key'])).toEqual([KEY, KEY])
    expect(clock.sleeps).toEqual([500])
  })

  it('re-sends a bind whose first attempt timed out, and the replay is a success', async () => {
    sandbox.faults.add({ path: BIND, delayMs: 400 })
    const result = await bind(saasClientFor(sandbox, { now: Date.now, bindDeadlineMs: 900 }))
    expect(result.originLinkId).toBe('oml_000001')
    expect(sandbox.requests).toHaveLength(2)
  })

  it('re-sends after a reset and waits out a 429', async () => {
    const clock = fakeClock()
    sandbox.faults.add({ path: BIND, reset: true })
    sandbox.faults.add({ path: BIND, status: 429, body: { retry_after_seconds: 2 } })
    await bind(saasClientFor(sandbox, clock))
    expect(clock.sleeps).toEqual([500, 2000])
    expect(sandbox.requests).toHaveLength(3)
  })

  it('says the bind is safe to repeat when the deadline passes without an answer', async () => {
    sandbox.faults.add({ path: BIND, hang: true, times: 10 })
    const error = await rejectionOf(
      bind(saasClientFor(sandbox, { now: Date.now, bindDeadlineMs: 300 }))
    )
    expect(error.code).toBe('saas-timeout')
    expect(error.message).toBe(
      'The Spec Kitty SaaS did not answer the mission bind within 0.3 s; run the step again, it is safe to repeat.'
    )
  })
})

describe('bindMissionOrigin answered 202', () => {
  it('polls once at once, then after 1 s, 2 s … until it completes', async () => {
    sandbox.asyncBind = { polls: 3 }
    const clock = fakeClock()
    const result = await bind(saasClientFor(sandbox, clock))
    expect(result.originLinkId).toMatch(/^oml_/)
    expect(clock.sleeps).toEqual([1000, 2000])
    const polls = sandbox.requests.filter(r => OPERATIONS.test(r.path))
    expect(polls.map(r => [r.method, r.path])).toEqual(
      Array(3).fill(['GET', '/api/v1/tracker/operations/op_000001/'])
    )
    expect(polls[0]!.headers).not.toHaveProperty('idempotency-key')
    expect(polls[0]!.headers['x-team-slug']).toBe('acme')
  })

  it('answers an operation done on its first poll without sleeping', async () => {
    sandbox.asyncBind = { polls: 1 }
    const clock = fakeClock()
    await bind(saasClientFor(sandbox, clock))
    expect(clock.sleeps).toEqual([])
  })

  it.each([
    [0, [800, 1600]],
    [1, [1200, 2400]]
  ])('jitters the poll delay ×0.8–1.2 (random %d)', async (random, sleeps) => {
    sandbox.asyncBind = { polls: 3 }
    const clock = { ...fakeClock(), random: () => random }
    await bind(saasClientFor(sandbox, clock))
    expect(clock.sleeps).toEqual(sleeps)
  })

  it('takes a completed operation without result: the whole body is the answer', async () => {
    sandbox.asyncBind = { polls: 1 }
    sandbox.shapes.operationResult = 'whole-body'
    expect((await bind(saasClientFor(sandbox))).originLinkId).toMatch(/^oml_/)
  })

  it('takes a completed operation whose result has no link as a bind', async () => {
    sandbox.faults.add({ path: BIND, status: 202, body: { operation_id: 'op_x' } })
    sandbox.faults.add({ path: OPERATIONS, status: 200, body: { status: 'completed', result: {} } })
    expect(await bind(saasClientFor(sandbox))).toEqual({
      originLinkId: null,
      boundAt: null,
      alreadyBound: false
    })
  })

  it('fails with the sanitised reason of an error object', async () => {
    sandbox.asyncBind = { polls: 2, outcome: 'failed', message: 'Linear said <b>no</b>.' }
    const error = await rejectionOf(bind(saasClientFor(sandbox)))
    expect(error.code).toBe('saas-operation-failed')
    expect(error.message).toBe('The Spec Kitty SaaS could not bind the mission: Linear said no.')
  })

  it('fails with the reason when the error is a plain string (spec-kitty case)', async () => {
    sandbox.asyncBind = { polls: 1, outcome: 'failed', message: 'Provider rejected' }
    sandbox.shapes.operationError = 'string'
    const error = await rejectionOf(bind(saasClientFor(sandbox)))
    expect(error.message).toBe('The Spec Kitty SaaS could not bind the mission: Provider rejected.')
  })

  it.each([
    ['absent', undefined],
    ['null', null],
    ['an object without message', { code: 'x' }],
    ['an empty string', '']
  ])('fails with "Operation failed" when the error is %s', async (_name, error) => {
    sandbox.faults.add({ path: BIND, status: 202, body: { operation_id: 'op_x' } })
    sandbox.faults.add({ path: OPERATIONS, status: 200, body: { status: 'failed', error } })
    const failure = await rejectionOf(bind(saasClientFor(sandbox)))
    expect(failure.message).toBe(
      'The Spec Kitty SaaS could not bind the mission: Operation failed.'
    )
  })

  it('keeps polling through a 5xx, a reset and a 429 on the operations endpoint', async () => {
    sandbox.asyncBind = { polls: 1 }
    sandbox.faults.add({ path: OPERATIONS, status: 500, body: {} })
    sandbox.faults.add({ path: OPERATIONS, reset: true })
    sandbox.faults.add({ path: OPERATIONS, status: 429, body: {} })
    const result = await bind(saasClientFor(sandbox))
    expect(result.originLinkId).toMatch(/^oml_/)
  })

  it('stops polling on an operation the SaaS does not know', async () => {
    sandbox.faults.add({ path: BIND, status: 202, body: { operation_id: 'op_lost' } })
    const error = await rejectionOf(bind(saasClientFor(sandbox)))
    expect(error.code).toBe('saas-operation-failed')
    expect(error.message).toMatch(/unknown to the SaaS/)
  })

  it('stops polling on a final error from the operations endpoint', async () => {
    sandbox.asyncBind = { polls: 5 }
    sandbox.faults.add({ path: OPERATIONS, status: 401, body: {} })
    const error = await rejectionOf(bind(saasClientFor(sandbox)))
    expect(error.code).toBe('saas-unauthorized')
  })

  it('backs off to 30 s at most and never sleeps past the deadline', async () => {
    sandbox.asyncBind = { polls: 1000 }
    const clock = fakeClock()
    const error = await rejectionOf(
      bind(saasClientFor(sandbox, { ...clock, bindDeadlineMs: 120_000 }))
    )
    expect(error.code).toBe('saas-timeout')
    expect(error.message).toMatch(/within 120 s; run the step again/)
    expect(clock.sleeps).toEqual([1000, 2000, 4000, 8000, 16000, 30000, 30000])
  })

  it('gives up with a timeout when the next wait would pass the 30 s deadline', async () => {
    sandbox.asyncBind = { polls: 1000 }
    const clock = fakeClock()
    const error = await rejectionOf(bind(saasClientFor(sandbox, clock)))
    expect(error.code).toBe('saas-timeout')
    expect(clock.sleeps).toEqual([1000, 2000, 4000, 8000])
  })

  it.each([
    ['a 202 without operation_id', { path: BIND, status: 202, body: {} }],
    ['an operation of unknown status', { path: OPERATIONS, status: 200, body: { status: 'odd' } }],
    ['an operation answer that is not JSON', { path: OPERATIONS, status: 200, body: 'busy' }]
  ])('treats %s as saas-bad-response', async (_name, fault) => {
    sandbox.asyncBind = { polls: 1 }
    sandbox.faults.add(fault)
    const error = await rejectionOf(bind(saasClientFor(sandbox)))
    expect(error.code).toBe('saas-bad-response')
  })
})
