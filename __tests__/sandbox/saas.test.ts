import { gzipSync } from 'node:zlib'
import { afterEach, beforeEach, describe, expect, it } from '@jest/globals'
import { request } from 'undici'
import { SANDBOX_PRIVATE_TEAM, startSandboxSaas } from '../../sandbox/saas/server.js'
import type { SandboxSaas, SandboxSaasOptions } from '../../sandbox/saas/server.js'
import { defaultSeed, JIRA_BINDING_REF } from '../../sandbox/saas/seed.js'

const SEARCH = '/api/v1/tracker/issue-search/'
const BIND = '/api/v1/tracker/mission-origin/bind/'
const EVENTS = '/api/v1/events/batch/'

let sandbox: SandboxSaas

async function restart(options: SandboxSaasOptions = {}): Promise<void> {
  await sandbox.close()
  sandbox = await startSandboxSaas(options)
}

beforeEach(async () => {
  sandbox = await startSandboxSaas()
})
afterEach(async () => {
  await sandbox.close()
})

interface Answer {
  status: number
  headers: Record<string, string | string[] | undefined>
  json: Record<string, unknown>
  text: string
}

async function call(
  method: 'GET' | 'POST',
  path: string,
  options: { json?: unknown; raw?: Buffer; headers?: Record<string, string> } = {}
): Promise<Answer> {
  const response = await request(`${sandbox.url}${path}`, {
    method,
    headers: {
      authorization: `Bearer ${sandbox.token}`,
      ...(path.includes('/tracker/') ? { 'x-team-slug': 'acme' } : {}),
      'content-type': 'application/json',
      ...options.headers
    },
    body: options.raw ?? (options.json === undefined ? undefined : JSON.stringify(options.json))
  })
  const text = await response.body.text()
  let json: Record<string, unknown>
  try {
    json = JSON.parse(text) as Record<string, unknown>
  } catch {
    json = {}
  }
  return { status: response.statusCode, headers: response.headers, json, text }
}

const search = (body: Record<string, unknown>): Promise<Answer> =>
  call('POST', SEARCH, {
    json: { provider: 'linear', limit: 10, project_slug: 'acme-web', ...body }
  })

const keys = (answer: Answer): string[] =>
  (answer.json.candidates as { external_issue_key: string }[]).map(c => c.external_issue_key)

describe('sandbox issue search', () => {
  it('answers a key match first as exact, then text matches of the query text', async () => {
    const answer = await search({ query_key: 'web-123', query_text: 'auth' })
    expect(answer.status).toBe(200)
    expect(keys(answer)).toEqual(['WEB-123', 'WEB-128', 'WEB-130'])
    const candidates = answer.json.candidates as { match_type: string }[]
    expect(candidates.map(c => c.match_type)).toEqual(['exact', 'text', 'text'])
    expect(answer.json).toMatchObject({
      resource_type: 'linear_team',
      resource_id: '9c1f6a4e-2b7d-4d8a-9f0e-3a5b7c9d1e2f'
    })
  })

  it('ranks text matches by how many query words they contain, title hits breaking ties', async () => {
    expect(keys(await search({ query_text: 'clerk auth' }))).toEqual([
      'WEB-123',
      'WEB-130',
      'WEB-128'
    ])
  })

  it('matches accents loosely and non-Latin text as written', async () => {
    expect(keys(await search({ query_text: 'cafe' }))).toEqual(['WEB-125'])
    expect(keys(await search({ query_text: '日本語' }))).toEqual(['WEB-126'])
  })

  it('returns titles, statuses, URLs and markdown bodies unchanged', async () => {
    const answer = await search({ query_key: 'WEB-127', query_text: 'WEB-127' })
    expect(answer.json.candidates).toEqual([
      {
        external_issue_id: '8d0e2f4a-5b6c-4d8e-9f9a-0b1c2d3e4f5a',
        external_issue_key: 'WEB-127',
        title: '🚀 Launch checklist for the new pricing page',
        status: 'Done',
        url: 'https://linear.app/acme/issue/WEB-127/launch-checklist-for-the-new-pricing-page',
        match_type: 'exact',
        body: '1. Feature flag `pricing-v2` on\n2. Announce in #launches\n3. Watch the checkout funnel'
      }
    ])
  })

  it('honours limit, and defaults to 10 without one', async () => {
    expect(keys(await search({ query_text: 'the', limit: 2 }))).toHaveLength(2)
    const seed = defaultSeed()
    seed.resources[0]!.tickets = Array.from({ length: 12 }, (_, i) => ({
      external_issue_id: `id-${i}`,
      external_issue_key: `WEB-${i + 1}`,
      title: `Same words ${i}`,
      status: 'Todo',
      url: `https://linear.app/acme/issue/WEB-${i + 1}`
    }))
    await restart({ seed })
    const answer = await call('POST', SEARCH, {
      json: { provider: 'linear', project_slug: 'acme-web', query_text: 'same words' }
    })
    expect(keys(answer)).toHaveLength(10)
  })

  it('reaches the Jira project by binding_ref or project_slug', async () => {
    const byRef = await call('POST', SEARCH, {
      json: {
        provider: 'jira',
        limit: 5,
        binding_ref: JIRA_BINDING_REF,
        query_key: 'PROJ-7',
        query_text: 'PROJ-7'
      }
    })
    expect(keys(byRef)).toEqual(['PROJ-7'])
    expect(byRef.json.resource_type).toBe('jira_project')
    const bySlug = await call('POST', SEARCH, {
      json: { provider: 'jira', limit: 5, project_slug: 'acme-platform', query_text: 'résumé' }
    })
    expect(keys(bySlug)).toEqual(['PROJ-11'])
  })

  it.each([
    [{ limit: 0, query_text: 'x' }, 'limit'],
    [{ limit: 2.5, query_text: 'x' }, 'limit'],
    [{ query_text: '  ' }, 'query_text'],
    [{ query_text: 'x', binding_ref: 'srm_x' }, 'binding_ref'],
    [{ query_text: 'x', title: 'drift' }, 'title'],
    [{ query_text: 'x', provider: 'github' }, 'provider']
  ])('refuses %j with a 422 envelope naming %s', async (body, field) => {
    const answer = await search(body)
    expect(answer.status).toBe(422)
    expect(answer.json).toMatchObject({ error_code: 'invalid_query', error_category: 'validation' })
    expect(answer.json.message).toContain(field)
  })

  it('answers 404 "No resource mapping found" for a routing key it does not know', async () => {
    for (const body of [
      { project_slug: 'nope', query_text: 'x' },
      { provider: 'jira', project_slug: 'acme-web', query_text: 'x' }
    ]) {
      const answer = await search(body)
      expect(answer.status).toBe(404)
      expect(answer.json.message).toMatch(/^No resource mapping found/)
    }
  })
})

describe('sandbox routes and auth', () => {
  it('requires the trailing slash and the right method', async () => {
    expect((await call('POST', SEARCH.slice(0, -1), { json: {} })).status).toBe(404)
    expect((await call('GET', SEARCH)).status).toBe(405)
  })

  it('answers 401 with an envelope for a wrong or missing token', async () => {
    const wrong = await call('POST', SEARCH, {
      json: {},
      headers: { authorization: 'Bearer nope' }
    })
    expect(wrong.status).toBe(401)
    expect(wrong.json).toMatchObject({
      error_code: 'invalid_token',
      error_category: 'unauthenticated'
    })
  })

  it('answers 403 when X-Team-Slug names another team, and skips the check when told to', async () => {
    const other = await call('POST', SEARCH, { json: {}, headers: { 'x-team-slug': 'other' } })
    expect(other.status).toBe(403)
    await restart({ teamSlug: null, token: 'custom' })
    const answer = await call('POST', SEARCH, {
      json: { provider: 'linear', project_slug: 'acme-web', query_text: 'auth' },
      headers: { authorization: 'Bearer custom', 'x-team-slug': 'anything' }
    })
    expect(answer.status).toBe(200)
  })

  it('answers 403 to a tracker call without X-Team-Slug', async () => {
    const answer = await call('POST', SEARCH, { json: {}, headers: { 'x-team-slug': '' } })
    expect(answer.status).toBe(403)
  })

  it('lists the teams at GET /api/v1/me, which needs no X-Team-Slug', async () => {
    const answer = await call('GET', '/api/v1/me')
    expect(answer.status).toBe(200)
    expect(answer.json.teams).toEqual([
      { id: 'acme', name: 'Acme', is_private_teamspace: false },
      { id: SANDBOX_PRIVATE_TEAM, name: 'Personal', is_private_teamspace: true }
    ])
  })

  it('refuses an events batch that carries X-Team-Slug (spec-kitty never sends it there)', async () => {
    const answer = await call('POST', EVENTS, {
      raw: gzipSync(JSON.stringify({ events: [] })),
      headers: { ...protocol, 'x-team-slug': 'acme' }
    })
    expect(answer.status).toBe(400)
    expect(answer.json.error_code).toBe('unexpected_team')
  })
})

const bind = (
  overrides: Record<string, unknown> = {},
  key: string | null = 'k1'
): Promise<Answer> =>
  call('POST', BIND, {
    json: {
      provider: 'jira',
      mission_id: 'M1',
      mission_slug: 'proj-7-01M0M9D8',
      external_issue_id: '10007',
      external_issue_key: 'PROJ-7',
      external_issue_url: 'https://acme.atlassian.net/browse/PROJ-7',
      external_title: 'Migrate billing service to Postgres 16',
      external_status: 'In Progress',
      binding_ref: JIRA_BINDING_REF,
      ...overrides
    },
    headers: key === null ? {} : { 'idempotency-key': key }
  })

describe('sandbox bind', () => {
  it('binds, then answers a same-origin re-bind with already_bound and the same link', async () => {
    await restart({ now: () => Date.UTC(2026, 3, 1, 12, 0, 0, 456) })
    const first = await bind()
    expect(first.status).toBe(200)
    expect(first.json).toEqual({ origin_link_id: 'oml_000001', bound_at: '2026-04-01T12:00:00Z' })
    const again = await bind({}, 'k2')
    expect(again.json).toEqual({ ...first.json, already_bound: true })
    expect(sandbox.state.links.get('M1')).toMatchObject({
      external_issue_key: 'PROJ-7',
      resource_id: '10042'
    })
  })

  it('answers 409 when a different origin is bound to the mission', async () => {
    await bind()
    const other = await bind({ external_issue_id: '10008', external_issue_key: 'PROJ-8' }, 'k2')
    expect(other.status).toBe(409)
    expect(other.json).toMatchObject({ error_code: 'origin_conflict' })
  })

  it('replays the stored answer for the same Idempotency-Key with Idempotency-Replayed', async () => {
    const first = await bind()
    const replay = await bind()
    expect(replay.status).toBe(200)
    expect(replay.json).toEqual(first.json)
    expect(replay.headers['idempotency-replayed']).toBe('true')
    expect(first.headers['idempotency-replayed']).toBeUndefined()
  })

  it.each([
    ['no Idempotency-Key', {}, null, 400, 'idempotency_key_required'],
    [
      'title instead of external_title',
      { external_title: undefined, title: 'x' },
      'k',
      422,
      'invalid_bind'
    ],
    [
      'an issue the resource does not have',
      { external_issue_id: '99999' },
      'k',
      422,
      'unknown_issue'
    ],
    ['an unknown routing key', { binding_ref: 'srm_nope' }, 'k', 404, 'resource_mapping_not_found']
  ])('refuses %s', async (_name, overrides, key, status, errorCode) => {
    const answer = await bind(overrides, key)
    expect(answer.status).toBe(status)
    expect(answer.json.error_code).toBe(errorCode)
  })

  it('refuses a reused Idempotency-Key with a different body', async () => {
    await bind()
    const answer = await bind({ external_status: 'Done' })
    expect(answer.status).toBe(422)
    expect(answer.json.error_code).toBe('idempotency_key_reused')
  })

  it('answers 202 in async mode and completes on the configured poll', async () => {
    await restart({ asyncBind: { polls: 3 } })
    const accepted = await bind()
    expect(accepted.status).toBe(202)
    const path = `/api/v1/tracker/operations/${accepted.json.operation_id as string}/`
    const statuses = []
    for (let i = 0; i < 4; i += 1) statuses.push((await call('GET', path)).json)
    expect(statuses.map(s => s.status)).toEqual(['pending', 'running', 'completed', 'completed'])
    expect(statuses[2]!.result).toEqual(statuses[3]!.result)
    expect(sandbox.state.links.size).toBe(1)
    expect((await bind()).status).toBe(202)
  })

  it('fails the operation when told to, and when another origin got there first', async () => {
    await restart({ asyncBind: { polls: 1, outcome: 'failed', message: 'Jira is read-only' } })
    const failed = await call(
      'GET',
      `/api/v1/tracker/operations/${(await bind()).json.operation_id as string}/`
    )
    expect(failed.json).toMatchObject({ status: 'failed', error: { message: 'Jira is read-only' } })

    sandbox.asyncBind = { polls: 1 }
    const pending = await bind({ mission_id: 'M2' }, 'k2')
    sandbox.asyncBind = undefined
    await bind({ mission_id: 'M2', external_issue_id: '10008', external_issue_key: 'PROJ-8' }, 'k3')
    const lost = await call(
      'GET',
      `/api/v1/tracker/operations/${pending.json.operation_id as string}/`
    )
    expect(lost.json).toMatchObject({ status: 'failed' })
    expect((await call('GET', '/api/v1/tracker/operations/op_missing/')).status).toBe(404)
  })
})

function event(id: string, payload: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    event_id: id,
    event_type: 'MissionOriginBound',
    payload: {
      mission_slug: 'web-123-01M0M9D8',
      mission_id: 'M1',
      provider: 'linear',
      external_issue_id: 'x',
      external_issue_key: 'WEB-123',
      external_issue_url: 'https://linear.app/acme/issue/WEB-123',
      title: 'Add Clerk auth',
      ...payload
    }
  }
}

const protocol = { 'content-encoding': 'gzip', 'x-spec-kitty-sync-protocol': '2.0' }
const batch = (events: unknown[], headers: Record<string, string> = protocol): Promise<Answer> =>
  call('POST', EVENTS, { raw: gzipSync(JSON.stringify({ events })), headers })

describe('sandbox events batch', () => {
  it('accepts new events, marks seen event_ids duplicate, and records the gunzipped body', async () => {
    const first = await batch([event('E1'), event('E1')])
    expect(first.json.results).toEqual([
      { event_id: 'E1', status: 'success' },
      { event_id: 'E1', status: 'duplicate' }
    ])
    expect((await batch([event('E1')])).json.results).toEqual([
      { event_id: 'E1', status: 'duplicate' }
    ])
    expect(sandbox.requests[0]!.body).toEqual({ events: [event('E1'), event('E1')] })
    expect(sandbox.state.events.size).toBe(1)
  })

  it('rejects events that break the payload rules, 400 when all of them do', async () => {
    const mixed = await batch([
      event('E2'),
      event('E3', { provider: 'github' }),
      event('E4', { mission_slug: 'Bad Slug' }),
      event('E5', { external_issue_url: '' }),
      { event_type: 'MissionOriginBound' },
      null,
      { event_id: 'E6', event_type: 'SomethingElse', payload: {} }
    ])
    expect(mixed.status).toBe(200)
    const statuses = (mixed.json.results as { status: string }[]).map(r => r.status)
    expect(statuses).toEqual([
      'success',
      'rejected',
      'rejected',
      'rejected',
      'rejected',
      'rejected',
      'success'
    ])
    const allBad = await batch([event('E7', { mission_id: '' })])
    expect(allBad.status).toBe(400)
    expect(allBad.json.results).toEqual([
      { event_id: 'E7', status: 'rejected', error: expect.stringContaining('mission_id') }
    ])
  })

  it.each([
    [{ 'content-encoding': 'gzip' }, 'client-too-old'],
    [{ 'content-encoding': 'gzip', 'x-spec-kitty-sync-protocol': '1.0' }, 'client-too-old'],
    [{ 'content-encoding': 'gzip', 'x-spec-kitty-sync-protocol': '3.0' }, 'client-too-new'],
    [{ 'x-spec-kitty-sync-protocol': '2.0' }, 'gzip-required']
  ])('answers 412 to headers %j with %s', async (headers, errorCode) => {
    const answer =
      'content-encoding' in headers
        ? await batch([event('E1')], headers)
        : await call('POST', EVENTS, { json: { events: [] }, headers })
    expect(answer.status).toBe(412)
    expect(answer.json.error_code).toBe(errorCode)
  })

  it.each([
    ['not gzip', Buffer.from('plain')],
    ['not JSON', gzipSync('{')],
    ['not a batch', gzipSync('{"event": []}')]
  ])('answers 400 to a body that is %s', async (_name, raw) => {
    const answer = await call('POST', EVENTS, { raw, headers: protocol })
    expect(answer.status).toBe(400)
    expect(answer.json.error_code).toBe('invalid_body')
  })
})

describe('sandbox faults', () => {
  it('consumes faults in order, by path, method and count', async () => {
    sandbox.faults
      .add({ path: /issue-search/, method: 'post', status: 503, times: 2 })
      .add({
        path: SEARCH,
        status: 429,
        body: { retry_after_seconds: 1 },
        headers: { 'Retry-After': '1' }
      })
      .add({ path: BIND, status: 500 })
    expect(sandbox.faults.pending).toBe(4)
    const statuses = []
    for (let i = 0; i < 4; i += 1) statuses.push((await search({ query_text: 'auth' })).status)
    expect(statuses).toEqual([503, 503, 429, 200])
    expect(sandbox.faults.pending).toBe(1)
    sandbox.faults.clear()
    expect(sandbox.faults.pending).toBe(0)
  })

  it('sends a raw string body as HTML or text', async () => {
    sandbox.faults
      .add({ status: 502, body: '<html>Bad gateway</html>' })
      .add({ status: 503, body: 'down' })
    const html = await search({ query_text: 'x' })
    expect(html.text).toBe('<html>Bad gateway</html>')
    expect(html.headers['content-type']).toMatch(/^text\/html/)
    expect((await search({ query_text: 'x' })).headers['content-type']).toMatch(/^text\/plain/)
  })

  it('answers 500 with no body when a fault only sets headers', async () => {
    sandbox.faults.add({ headers: { 'x-fault': 'yes' } })
    const answer = await search({ query_text: 'x' })
    expect(answer.status).toBe(500)
    expect(answer.headers['x-fault']).toBe('yes')
  })

  it('delays, then lets the real handler answer, and adds global latency', async () => {
    sandbox.faults.add({ delayMs: 60 })
    sandbox.faults.latencyMs = 30
    const started = Date.now()
    const answer = await search({ query_text: 'auth' })
    expect(answer.status).toBe(200)
    expect(Date.now() - started).toBeGreaterThanOrEqual(85)
  })

  it('resets the connection or hangs until closed', async () => {
    sandbox.faults.add({ reset: true })
    await expect(search({ query_text: 'x' })).rejects.toThrow()
    sandbox.faults.add({ hang: true })
    const hung = search({ query_text: 'x' })
    await new Promise(resolve => setTimeout(resolve, 50))
    await sandbox.close()
    await expect(hung).rejects.toThrow()
    sandbox = await startSandboxSaas()
  })

  it('answers 500 when a handler throws', async () => {
    sandbox.state.resources = null as unknown as typeof sandbox.state.resources
    const answer = await search({ query_text: 'x' })
    expect(answer.status).toBe(500)
    expect(answer.json.error_code).toBe('internal')
  })
})
