import { afterEach, beforeEach, describe, expect, it } from '@jest/globals'
import { bindIdempotencyKey } from '../../src/saas/client.js'
import { startSandboxSaas } from '../../sandbox/saas/server.js'
import type { SandboxSaas } from '../../sandbox/saas/server.js'
import { bindBody, clientFor, fakeClock, rejectionOf, USER_AGENT } from './harness.js'

const PATH = '/api/v1/tracker/mission-origin/bind/'
const OPERATIONS = /^\/api\/v1\/tracker\/operations\//
const KEY = bindIdempotencyKey({
  repo: 'acme/web',
  missionId: '01M0M9D8R83DDKSZ62QKGV3YW0',
  externalIssueId: '3f0c2a9e-8d41-4c5b-b6f7-1e2d3c4b5a69'
})
let sandbox: SandboxSaas

beforeEach(async () => {
  sandbox = await startSandboxSaas({ now: () => Date.UTC(2026, 3, 1, 12, 0, 0) })
})
afterEach(async () => {
  await sandbox.close()
})

describe('bindMissionOrigin on the wire', () => {
  it('posts external_title/external_status with the Idempotency-Key and answers the link', async () => {
    const result = await clientFor(sandbox).bindMissionOrigin(bindBody(), KEY)
    expect(result).toEqual({ origin_link_id: 'oml_000001', bound_at: '2026-04-01T12:00:00Z' })
    const [request] = sandbox.requests
    expect(request!.path).toBe(PATH)
    expect(request!.body).toEqual(bindBody())
    expect(request!.headers).toMatchObject({
      authorization: `Bearer ${sandbox.token}`,
      'x-team-slug': 'acme',
      'content-type': 'application/json',
      'user-agent': USER_AGENT,
      'idempotency-key': KEY
    })
  })

  it('takes a same-origin re-bind under a new key as success with already_bound', async () => {
    const client = clientFor(sandbox)
    const first = await client.bindMissionOrigin(bindBody(), KEY)
    const again = await client.bindMissionOrigin(bindBody(), `${KEY}-rerun`)
    expect(again).toEqual({ ...first, already_bound: true })
  })

  it('takes an Idempotency-Replayed answer as success with the first result', async () => {
    const client = clientFor(sandbox)
    const first = await client.bindMissionOrigin(bindBody(), KEY)
    const replayed = await client.bindMissionOrigin(bindBody(), KEY)
    expect(replayed).toEqual(first)
    expect(sandbox.state.links.size).toBe(1)
  })
})

describe('bindMissionOrigin failures that are never retried', () => {
  it('fails with saas-origin-conflict when a different origin is bound', async () => {
    const client = clientFor(sandbox)
    await client.bindMissionOrigin(bindBody(), KEY)
    const other = bindBody({
      external_issue_id: '5a7b9c1d-2e3f-4a5b-8c6d-7e8f9a0b1c2d',
      external_issue_key: 'WEB-124'
    })
    const error = await rejectionOf(client.bindMissionOrigin(other, 'other-key'))
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
    sandbox.faults.add({ path: PATH, status, body: { message: 'no' } })
    const error = await rejectionOf(clientFor(sandbox).bindMissionOrigin(bindBody(), KEY))
    expect(error.code).toBe(code)
    expect(sandbox.requests).toHaveLength(1)
  })

  it('treats a 200 without origin_link_id as saas-bad-response', async () => {
    sandbox.faults.add({ path: PATH, status: 200, body: { bound_at: 'now' } })
    const error = await rejectionOf(clientFor(sandbox).bindMissionOrigin(bindBody(), KEY))
    expect(error.code).toBe('saas-bad-response')
  })
})

describe('bindMissionOrigin when the outcome is uncertain', () => {
  it('re-sends a bind that hit a 5xx with the same Idempotency-Key', async () => {
    const clock = fakeClock()
    sandbox.faults.add({ path: PATH, status: 502, body: '<html>Bad gateway</html>' })
    const result = await clientFor(sandbox, clock).bindMissionOrigin(bindBody(), KEY)
    expect(result.origin_link_id).toBe('oml_000001')
    expect(sandbox.requests.map(r => r.headers['idempotency-key'])).toEqual([KEY, KEY])
    expect(clock.sleeps).toEqual([500])
  })

  it('re-sends a bind whose first attempt timed out, and the replay is a success', async () => {
    sandbox.faults.add({ path: PATH, delayMs: 400 })
    const result = await clientFor(sandbox, {
      now: Date.now,
      bindDeadlineMs: 900
    }).bindMissionOrigin(bindBody(), KEY)
    expect(result.origin_link_id).toBe('oml_000001')
    expect(sandbox.requests).toHaveLength(2)
  })

  it('re-sends after a reset and waits out a 429', async () => {
    const clock = fakeClock()
    sandbox.faults.add({ path: PATH, reset: true })
    sandbox.faults.add({ path: PATH, status: 429, body: { retry_after_seconds: 2 } })
    await clientFor(sandbox, clock).bindMissionOrigin(bindBody(), KEY)
    expect(clock.sleeps).toEqual([500, 2000])
    expect(sandbox.requests).toHaveLength(3)
  })

  it('says the bind is safe to repeat when the deadline passes without an answer', async () => {
    sandbox.faults.add({ path: PATH, hang: true, times: 10 })
    const error = await rejectionOf(
      clientFor(sandbox, { now: Date.now, bindDeadlineMs: 300 }).bindMissionOrigin(bindBody(), KEY)
    )
    expect(error.code).toBe('saas-timeout')
    expect(error.message).toBe(
      'The Spec Kitty SaaS did not answer the mission bind within 0.3 s; run the step again, it is safe to repeat.'
    )
  })
})

describe('bindMissionOrigin answered 202', () => {
  it('polls the operation with 1 s doubling backoff until it completes', async () => {
    sandbox.asyncBind = { polls: 3 }
    const clock = fakeClock()
    const result = await clientFor(sandbox, clock).bindMissionOrigin(bindBody(), KEY)
    expect(result.origin_link_id).toMatch(/^oml_/)
    expect(clock.sleeps).toEqual([1000, 2000, 4000])
    const polls = sandbox.requests.filter(r => OPERATIONS.test(r.path))
    expect(polls.map(r => [r.method, r.path])).toEqual(
      Array(3).fill(['GET', '/api/v1/tracker/operations/op_000001/'])
    )
    expect(polls[0]!.headers).not.toHaveProperty('idempotency-key')
  })

  it('jitters the poll delay by up to ±20 %', async () => {
    sandbox.asyncBind = { polls: 2 }
    const clock = { ...fakeClock(), random: () => 1 }
    await clientFor(sandbox, clock).bindMissionOrigin(bindBody(), KEY)
    expect(clock.sleeps).toEqual([1200, 2400])
  })

  it('fails with the sanitised reason when the operation fails', async () => {
    sandbox.asyncBind = { polls: 2, outcome: 'failed', message: 'Linear said <b>no</b>.' }
    const error = await rejectionOf(clientFor(sandbox).bindMissionOrigin(bindBody(), KEY))
    expect(error.code).toBe('saas-operation-failed')
    expect(error.message).toBe('The Spec Kitty SaaS could not bind the mission: Linear said no.')
  })

  it('fails with "no reason given" when a failed operation carries no message', async () => {
    sandbox.faults.add({ path: PATH, status: 202, body: { operation_id: 'op_x' } })
    sandbox.faults.add({ path: OPERATIONS, status: 200, body: { status: 'failed', error: null } })
    const error = await rejectionOf(clientFor(sandbox).bindMissionOrigin(bindBody(), KEY))
    expect(error.message).toBe('The Spec Kitty SaaS could not bind the mission: no reason given.')
  })

  it('keeps polling through a 5xx, a reset and a 429 on the operations endpoint', async () => {
    sandbox.asyncBind = { polls: 1 }
    sandbox.faults.add({ path: OPERATIONS, status: 500, body: {} })
    sandbox.faults.add({ path: OPERATIONS, reset: true })
    sandbox.faults.add({ path: OPERATIONS, status: 429, body: {} })
    const result = await clientFor(sandbox).bindMissionOrigin(bindBody(), KEY)
    expect(result.origin_link_id).toMatch(/^oml_/)
  })

  it('stops polling on an operation the SaaS does not know', async () => {
    sandbox.faults.add({ path: PATH, status: 202, body: { operation_id: 'op_lost' } })
    const error = await rejectionOf(clientFor(sandbox).bindMissionOrigin(bindBody(), KEY))
    expect(error.code).toBe('saas-operation-failed')
    expect(error.message).toMatch(/unknown to the SaaS/)
  })

  it('stops polling on a final error from the operations endpoint', async () => {
    sandbox.asyncBind = { polls: 5 }
    sandbox.faults.add({ path: OPERATIONS, status: 401, body: {} })
    const error = await rejectionOf(clientFor(sandbox).bindMissionOrigin(bindBody(), KEY))
    expect(error.code).toBe('saas-unauthorized')
  })

  it('gives up with a timeout when the operation is still running at the deadline', async () => {
    sandbox.asyncBind = { polls: 1000 }
    const clock = fakeClock()
    const error = await rejectionOf(clientFor(sandbox, clock).bindMissionOrigin(bindBody(), KEY))
    expect(error.code).toBe('saas-timeout')
    expect(error.message).toMatch(/within 30 s; run the step again/)
    expect(clock.sleeps.reduce((a, b) => a + b, 0)).toBeLessThanOrEqual(30_000)
    expect(clock.sleeps.slice(0, 5)).toEqual([1000, 2000, 4000, 8000, 8000])
  })

  it.each([
    ['a 202 without operation_id', { path: PATH, status: 202, body: {} }],
    ['an operation of unknown status', { path: OPERATIONS, status: 200, body: { status: 'odd' } }],
    [
      'a completed operation without a link',
      { path: OPERATIONS, status: 200, body: { status: 'completed', result: { bound_at: 'x' } } }
    ]
  ])('treats %s as saas-bad-response', async (_name, fault) => {
    sandbox.asyncBind = { polls: 1 }
    sandbox.faults.add(fault)
    const error = await rejectionOf(clientFor(sandbox).bindMissionOrigin(bindBody(), KEY))
    expect(error.code).toBe('saas-bad-response')
  })
})
