import { describe, expect, it } from '@jest/globals'
import { Agent, fetch as undiciFetch } from 'undici'
import { createSaasClient, DEFAULT_DEADLINES } from '../../src/saas/client.js'
import { SANDBOX_PRIVATE_TEAM, startSandboxSaas } from '../../sandbox/saas/server.js'
import { keyQuery, linearRoute, mission, originEvent, rejectionOf, ticket } from './harness.js'
import {
  fakeClock,
  saasClientFor,
  USER_AGENT,
  useSandboxSaas
} from '../../__fixtures__/sandbox/saas.js'

const sandbox = useSandboxSaas()

const base = (): { baseUrl: string; token: string; userAgent: string } => ({
  baseUrl: sandbox.url,
  token: sandbox.token,
  userAgent: USER_AGENT
})

describe('createSaasClient', () => {
  it('normalises the base URL, so a path or trailing slash does not reach the wire', async () => {
    const client = createSaasClient({ ...base(), baseUrl: `${sandbox.url}/api/`, teamSlug: 'acme' })
    await client.searchIssues(linearRoute, keyQuery, 10)
    expect(sandbox.requests[0]!.path).toBe('/api/v1/tracker/issue-search/')
  })

  it('trims the token', async () => {
    await createSaasClient({
      ...base(),
      token: `  ${sandbox.token}\n`,
      teamSlug: 'acme'
    }).searchIssues(linearRoute, keyQuery, 10)
    expect(sandbox.requests[0]!.headers.authorization).toBe(`Bearer ${sandbox.token}`)
  })
  it.each([
    ['', /is empty/],
    ['two words', /spaces or line breaks/],
    ['line\nbreak', /spaces or line breaks/]
  ])('refuses the token %j before any request', (token, says) => {
    expect(() => createSaasClient({ ...base(), token })).toThrow(says)
  })

  it('refuses a non-http base URL', () => {
    expect(() => createSaasClient({ ...base(), baseUrl: 'ftp://x' })).toThrow(/http\(s\)/)
  })

  it('keeps the contract deadlines as defaults', () => {
    expect(DEFAULT_DEADLINES).toEqual({ searchMs: 10_000, bindMs: 30_000, eventsMs: 10_000 })
  })

  it('sends through the fetch it is given, whose own headers timeout counts as a timeout', async () => {
    const agent = new Agent({ headersTimeout: 100 })
    const send = (
      ...[input, init]: Parameters<typeof undiciFetch>
    ): ReturnType<typeof undiciFetch> => undiciFetch(input, { ...init, dispatcher: agent })
    try {
      sandbox.faults.add({ hang: true })
      const clock = fakeClock()
      const result = await saasClientFor(sandbox, {
        ...clock,
        fetch: send
      }).searchIssues(linearRoute, keyQuery, 10)
      expect(result.candidates[0]!.external_issue_key).toBe('WEB-123')
      expect(sandbox.requests).toHaveLength(2)
      expect(clock.sleeps).toEqual([500])
    } finally {
      await agent.close()
    }
  })

  it('refuses a redirect instead of following it with the token', async () => {
    const elsewhere = await startSandboxSaas()
    try {
      sandbox.faults.add({
        status: 307,
        headers: { Location: `${elsewhere.url}/api/v1/tracker/issue-search/` },
        body: ''
      })
      const error = await rejectionOf(
        saasClientFor(sandbox).searchIssues(linearRoute, keyQuery, 10)
      )
      expect(error.code).toBe('saas-error')
      expect(error.detail).toContain('status=307')
      expect(elsewhere.requests).toHaveLength(0)
    } finally {
      await elsewhere.close()
    }
  })

  it('reports a refused connection as unreachable', async () => {
    const gone = await startSandboxSaas()
    await gone.close()
    const error = await rejectionOf(
      createSaasClient({ ...base(), baseUrl: gone.url }).sendEvents([originEvent()])
    )
    expect(error.code).toBe('saas-unavailable')
    expect(error.detail).toMatch(/ECONNREFUSED/)
  })

  it('reports a reset connection as unreachable, naming the socket error for the log', async () => {
    sandbox.faults.add({ reset: true })
    const error = await rejectionOf(saasClientFor(sandbox).sendEvents([originEvent()]))
    expect(error.code).toBe('saas-unavailable')
    expect(error.detail).toMatch(/^operation=events network: ECONNRESET TypeError: fetch failed \(/)
  })

  it('reports a failure inside the fetch as unreachable, keeping its text for the log', async () => {
    const failing: typeof globalThis.fetch = () => Promise.reject(new TypeError('boom'))
    const error = await rejectionOf(
      createSaasClient({
        ...base(),
        baseUrl: 'https://saas.example.com',
        fetch: failing
      }).sendEvents([originEvent()])
    )
    expect(error.code).toBe('saas-unavailable')
    expect(error.detail).toBe('operation=events network: TypeError: boom')
  })
})

describe('the team the tracker calls act for', () => {
  it('looks the team up once per run with GET /api/v1/me when team-slug is empty', async () => {
    const client = createSaasClient({ ...base(), teamSlug: '  ' })
    await client.searchIssues(linearRoute, keyQuery, 10)
    await client.bindMissionOrigin(linearRoute, mission, ticket())
    expect(sandbox.requests.map(r => `${r.method} ${r.path}`)).toEqual([
      'GET /api/v1/me',
      'POST /api/v1/tracker/issue-search/',
      'POST /api/v1/tracker/mission-origin/bind/'
    ])
    expect(sandbox.requests[0]!.headers).not.toHaveProperty('x-team-slug')
    expect(sandbox.requests.slice(1).map(r => r.headers['x-team-slug'])).toEqual(['acme', 'acme'])
    expect(await client.privateTeamspaceId()).toBe(SANDBOX_PRIVATE_TEAM)
    expect(sandbox.requests).toHaveLength(3)
  })

  it('sends the given team-slug on every tracker call and never on the events batch', async () => {
    const client = createSaasClient({ ...base(), teamSlug: 'acme' })
    await client.searchIssues(linearRoute, keyQuery, 10)
    await client.sendEvents([originEvent()])
    expect(sandbox.requests.map(r => r.headers['x-team-slug'])).toEqual(['acme', undefined])
  })

  it.each([
    ['no team but the private one', [{ id: 'p1', name: 'Mine', is_private_teamspace: true }]],
    [
      'several teams',
      [
        { id: 't1', name: 'Web', is_private_teamspace: false },
        { id: 't2', name: 'Data', is_private_teamspace: false }
      ]
    ]
  ])(
    'refuses %s with a sentence that lists the teams and asks for team-slug',
    async (_n, teams) => {
      const saved = sandbox.teams
      sandbox.teams = teams
      try {
        const client = createSaasClient({ ...base() })
        const error = await rejectionOf(client.searchIssues(linearRoute, keyQuery, 10))
        expect(error.code).toBe('saas-team-unresolved')
        expect(error.message).toMatch(/set the `team-slug` input/)
        for (const team of teams) expect(error.message).toContain(`${team.name} (id ${team.id}`)
        expect(sandbox.requests.map(r => r.path)).toEqual(['/api/v1/me'])
        await rejectionOf(client.searchIssues(linearRoute, keyQuery, 10))
        expect(sandbox.requests).toHaveLength(1)
      } finally {
        sandbox.teams = saved
      }
    }
  )

  it('reads a /me answer without teams as no team, and says so', async () => {
    sandbox.faults.add({ path: '/api/v1/me', status: 200, body: {} })
    const error = await rejectionOf(
      createSaasClient({ ...base() }).searchIssues(linearRoute, keyQuery, 10)
    )
    expect(error.message).toMatch(/Teams: none\./)
  })

  it('fails the tracker call with the /me error, and has no private teamspace then', async () => {
    sandbox.faults.add({ path: '/api/v1/me', status: 401, body: {} })
    const client = createSaasClient({ ...base() })
    const error = await rejectionOf(client.searchIssues(linearRoute, keyQuery, 10))
    expect(error.code).toBe('saas-unauthorized')
    expect(await client.privateTeamspaceId()).toBeNull()
  })
})
