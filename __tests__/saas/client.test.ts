import { afterAll, beforeAll, beforeEach, describe, expect, it } from '@jest/globals'
import { Agent, fetch as undiciFetch } from 'undici'
import { createSaasClient, DEFAULT_DEADLINES } from '../../src/saas/client.js'
import { startSandboxSaas } from '../../sandbox/saas/server.js'
import type { SandboxSaas } from '../../sandbox/saas/server.js'
import { clientFor, fakeClock, keySearch, originEvent, rejectionOf, USER_AGENT } from './harness.js'

let sandbox: SandboxSaas

beforeAll(async () => {
  sandbox = await startSandboxSaas()
})
afterAll(async () => {
  await sandbox.close()
})
beforeEach(() => {
  sandbox.faults.clear()
  sandbox.requests.length = 0
})

const base = (): { baseUrl: string; token: string; userAgent: string } => ({
  baseUrl: sandbox.url,
  token: sandbox.token,
  userAgent: USER_AGENT
})

describe('createSaasClient', () => {
  it('normalises the base URL, so a path or trailing slash does not reach the wire', async () => {
    const client = createSaasClient({ ...base(), baseUrl: `${sandbox.url}/api/`, teamSlug: 'acme' })
    await client.searchIssues(keySearch)
    expect(sandbox.requests[0]!.path).toBe('/api/v1/tracker/issue-search/')
  })

  it('trims the token and leaves X-Team-Slug out when no team is set', async () => {
    const open = await startSandboxSaas({ teamSlug: null })
    try {
      await createSaasClient({
        baseUrl: open.url,
        token: `  ${open.token}\n`,
        teamSlug: '  ',
        userAgent: USER_AGENT
      }).searchIssues(keySearch)
      expect(open.requests[0]!.headers.authorization).toBe(`Bearer ${open.token}`)
      expect(open.requests[0]!.headers).not.toHaveProperty('x-team-slug')
    } finally {
      await open.close()
    }
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
      const result = await clientFor(sandbox, {
        ...clock,
        fetch: send as unknown as typeof globalThis.fetch
      }).searchIssues(keySearch)
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
      const error = await rejectionOf(clientFor(sandbox).searchIssues(keySearch))
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
    const error = await rejectionOf(clientFor(sandbox).sendEvents([originEvent()]))
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
