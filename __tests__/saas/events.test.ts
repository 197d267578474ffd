import { describe, expect, it } from '@jest/globals'
import { originEvent, rejectionOf } from './harness.js'
import {
  EVENTS,
  saasClientFor,
  USER_AGENT,
  useSandboxSaas
} from '../../__fixtures__/sandbox/saas.js'

const sandbox = useSandboxSaas()

describe('sendEvents on the wire', () => {
  it('posts the gzipped batch with protocol 2.0 and no Idempotency-Key', async () => {
    const event = originEvent()
    await saasClientFor(sandbox).sendEvents([event])
    const [request] = sandbox.requests
    expect(request!.path).toBe(EVENTS)
    expect(request!.headers).toMatchObject({
      authorization: `Bearer ${sandbox.token}`,
      'content-type': 'application/json',
      'content-encoding': 'gzip',
      'x-spec-kitty-sync-protocol': '2.0',
      'user-agent': USER_AGENT
    })
    expect(request!.headers).not.toHaveProperty('idempotency-key')
    expect(request!.headers).not.toHaveProperty('x-team-slug')
    expect(request!.body).toEqual({ events: [event] })
  })

  it('sends nothing for an empty batch', async () => {
    expect(await saasClientFor(sandbox).sendEvents([])).toEqual([])
    expect(sandbox.requests).toHaveLength(0)
  })
})

describe('sendEvents results', () => {
  it('returns success first and duplicate for an event_id already delivered', async () => {
    const client = saasClientFor(sandbox)
    expect(await client.sendEvents([originEvent()])).toEqual([
      { event_id: originEvent().event_id, status: 'success' }
    ])
    expect(await client.sendEvents([originEvent()])).toEqual([
      { event_id: originEvent().event_id, status: 'duplicate' }
    ])
  })

  it('returns per-event rejections of a 400 that carries results', async () => {
    const bad = originEvent({ event_id: '01JQ8Z6W3M4N5P6Q7R8S9T0V2X' })
    bad.payload.mission_slug = 'Not A Slug'
    const results = await saasClientFor(sandbox).sendEvents([bad])
    expect(results).toHaveLength(1)
    expect(results[0]).toMatchObject({ event_id: bad.event_id, status: 'rejected' })
    expect(results[0]!.error).toContain('mission_slug')
  })

  it('fails for good on a 400 without results', async () => {
    sandbox.faults.add({
      path: EVENTS,
      status: 400,
      body: { error_code: 'invalid_body', message: 'bad' }
    })
    const error = await rejectionOf(saasClientFor(sandbox).sendEvents([originEvent()]))
    expect(error.code).toBe('saas-error')
    expect(error.retryable).toBe(false)
  })

  it('treats a malformed 200 as saas-bad-response', async () => {
    sandbox.faults.add({
      path: EVENTS,
      status: 200,
      body: { results: [{ event_id: 'x', status: 'odd' }] }
    })
    const error = await rejectionOf(saasClientFor(sandbox).sendEvents([originEvent()]))
    expect(error.code).toBe('saas-bad-response')
  })
})

describe('sendEvents failures', () => {
  it.each([
    ['client-too-old', /needs a newer event protocol.*\(client-too-old\); upgrade kitty-origin\.$/],
    ['client-too-new', /does not accept .* event protocol yet \(client-too-new\)/],
    ['gzip-required', /refused the event protocol \(gzip-required\)\.$/]
  ])('turns 412 %s into a final saas-protocol-mismatch', async (errorCode, says) => {
    sandbox.faults.add({ path: EVENTS, status: 412, body: { error_code: errorCode } })
    const error = await rejectionOf(saasClientFor(sandbox).sendEvents([originEvent()]))
    expect(error.code).toBe('saas-protocol-mismatch')
    expect(error.message).toMatch(says)
    expect(error.retryable).toBe(false)
  })

  it('names the status of a 412 without an error code', async () => {
    sandbox.faults.add({ path: EVENTS, status: 412, body: 'nope' })
    const error = await rejectionOf(saasClientFor(sandbox).sendEvents([originEvent()]))
    expect(error.message).toBe('The Spec Kitty SaaS refused the event protocol (HTTP 412).')
  })

  it.each([401, 403, 408, 429, 500, 503])(
    'keeps the events queued after a %i, without retrying itself',
    async status => {
      sandbox.faults.add({ path: EVENTS, status, body: {} })
      const error = await rejectionOf(saasClientFor(sandbox).sendEvents([originEvent()]))
      expect(error.retryable).toBe(true)
      expect(sandbox.requests).toHaveLength(1)
    }
  )

  it('does not keep events queued after a 404', async () => {
    sandbox.faults.add({ path: EVENTS, status: 404, body: {} })
    const error = await rejectionOf(saasClientFor(sandbox).sendEvents([originEvent()]))
    expect(error.code).toBe('saas-no-mapping')
    expect(error.retryable).toBe(false)
  })

  it('keeps the events queued after a reset', async () => {
    sandbox.faults.add({ path: EVENTS, reset: true })
    const error = await rejectionOf(saasClientFor(sandbox).sendEvents([originEvent()]))
    expect(error.code).toBe('saas-unavailable')
    expect(error.retryable).toBe(true)
  })

  it('keeps the events queued when the server hangs past the deadline', async () => {
    sandbox.faults.add({ path: EVENTS, hang: true })
    const error = await rejectionOf(
      saasClientFor(sandbox, { eventsDeadlineMs: 200 }).sendEvents([originEvent()])
    )
    expect(error.code).toBe('saas-timeout')
    expect(error.message).toContain('the event delivery within 0.2 s')
    expect(error.retryable).toBe(true)
  })
})
