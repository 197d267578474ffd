import { afterAll, beforeAll, beforeEach, describe, expect, it } from '@jest/globals'
import { startSandboxSaas } from '../../sandbox/saas/server.js'
import type { SandboxSaas } from '../../sandbox/saas/server.js'
import { JIRA_BINDING_REF } from '../../sandbox/saas/seed.js'
import { clientFor, fakeClock, keySearch, rejectionOf, USER_AGENT } from './harness.js'

const PATH = '/api/v1/tracker/issue-search/'
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

describe('searchIssues on the wire', () => {
  it('posts the body as given to the trailing-slash path with the contract headers', async () => {
    await clientFor(sandbox).searchIssues(keySearch)
    expect(sandbox.requests).toHaveLength(1)
    const [request] = sandbox.requests
    expect(request!.method).toBe('POST')
    expect(request!.path).toBe(PATH)
    expect(request!.body).toEqual(keySearch)
    expect(request!.headers).toMatchObject({
      authorization: `Bearer ${sandbox.token}`,
      'x-team-slug': 'acme',
      'content-type': 'application/json',
      'user-agent': USER_AGENT
    })
    expect(request!.headers).not.toHaveProperty('idempotency-key')
    expect(request!.headers).not.toHaveProperty('content-encoding')
  })

  it('sends binding_ref routing and free text exactly as the caller built them', async () => {
    const body = {
      provider: 'jira' as const,
      limit: 5,
      binding_ref: JIRA_BINDING_REF,
      query_text: 'postgres billing'
    }
    await clientFor(sandbox).searchIssues(body)
    expect(sandbox.requests[0]!.bodyText).toBe(JSON.stringify(body))
  })

  it('returns the validated candidates, exact match first, match_type defaulted to text', async () => {
    sandbox.faults.add({
      path: PATH,
      status: 200,
      body: {
        candidates: [
          {
            external_issue_id: 'x1',
            external_issue_key: 'WEB-1',
            title: 'T',
            status: 'Todo',
            url: 'u'
          }
        ],
        resource_type: null,
        extra_key: 'tolerated'
      }
    })
    const injected = await clientFor(sandbox).searchIssues(keySearch)
    expect(injected.candidates[0]!.match_type).toBe('text')
    expect(injected).not.toHaveProperty('extra_key')

    const real = await clientFor(sandbox).searchIssues(keySearch)
    expect(real.resource_type).toBe('linear_team')
    expect(real.candidates[0]).toMatchObject({ external_issue_key: 'WEB-123', match_type: 'exact' })
  })
})

describe('searchIssues errors, one row of the contract table each', () => {
  const rows: {
    name: string
    status: number
    body: unknown
    code: string
    says: RegExp
  }[] = [
    {
      name: '401 says the token may have expired and asks for a long-lived one in the secret',
      status: 401,
      body: { error_code: 'invalid_token', message: 'Token expired' },
      code: 'saas-unauthorized',
      says: /missing, expired or revoked\. Put a long-lived Spec Kitty API credential in the `saas-token` secret/
    },
    {
      name: '401 with user_action_required sends the user to the dashboard',
      status: 401,
      body: { error_code: 'identity_unlinked', user_action_required: true },
      code: 'saas-identity-unlinked',
      says: /link it in the Spec Kitty dashboard/
    },
    {
      name: '403 with user_action_required sends the user to the dashboard',
      status: 403,
      body: { error_category: 'identity', user_action_required: true },
      code: 'saas-identity-unlinked',
      says: /Jira\/Linear account is not linked/
    },
    {
      name: '403 otherwise names the team',
      status: 403,
      body: { error_code: 'team_forbidden' },
      code: 'saas-forbidden',
      says: /team-slug/
    },
    {
      name: '404 says no resource mapping was found',
      status: 404,
      body: { error_code: 'resource_mapping_not_found', message: 'nope' },
      code: 'saas-no-mapping',
      says: /^No resource mapping found/
    },
    {
      name: "422 carries the server's validation message",
      status: 422,
      body: { error_code: 'invalid_query', message: 'limit: must be <= 50' },
      code: 'saas-invalid-query',
      says: /rejected the issue search: limit: must be <= 50\.$/
    },
    {
      name: '418 falls back to a generic refusal with the server message',
      status: 418,
      body: { message: 'I am a teapot' },
      code: 'saas-error',
      says: /refused the issue search: I am a teapot\.$/
    }
  ]

  it.each(rows)('$name', async ({ status, body, code, says }) => {
    sandbox.faults.add({ path: PATH, status, body })
    const error = await rejectionOf(clientFor(sandbox).searchIssues(keySearch))
    expect(error.code).toBe(code)
    expect(error.message).toMatch(says)
    expect(error.retryable).toBe(false)
    expect(sandbox.requests).toHaveLength(1)
  })

  it('keeps the SaaS code, error_category before error_code, in detail only', async () => {
    sandbox.faults.add({
      path: PATH,
      status: 401,
      body: { error_code: 'token_expired', error_category: 'unauthenticated' }
    })
    const error = await rejectionOf(clientFor(sandbox).searchIssues(keySearch))
    expect(error.detail).toContain('saas_code=unauthenticated')
    expect(error.message).not.toContain('unauthenticated')
  })

  it('never shows an HTML error page to the user', async () => {
    sandbox.faults.add({
      path: PATH,
      status: 418,
      body: '<html><body><h1>Bad gateway</h1><script>alert(1)</script></body></html>'
    })
    const error = await rejectionOf(clientFor(sandbox).searchIssues(keySearch))
    expect(error.message).toBe('The Spec Kitty SaaS refused the issue search: HTTP 418.')
    expect(error.detail).not.toContain('<')
  })

  it('treats a malformed 200 body as saas-bad-response', async () => {
    sandbox.faults.add({ path: PATH, status: 200, body: '{"candidates": [' })
    const error = await rejectionOf(clientFor(sandbox).searchIssues(keySearch))
    expect(error.code).toBe('saas-bad-response')
  })

  it('treats a 200 that is not an object as saas-bad-response', async () => {
    sandbox.faults.add({ path: PATH, status: 200, body: '"ok"' })
    const error = await rejectionOf(clientFor(sandbox).searchIssues(keySearch))
    expect(error.code).toBe('saas-bad-response')
    expect(error.detail).toBe('operation=search unexpected shape at (root)')
  })

  it('treats a 200 of the wrong shape as saas-bad-response', async () => {
    sandbox.faults.add({ path: PATH, status: 200, body: { candidates: [{ title: 'no ids' }] } })
    const error = await rejectionOf(clientFor(sandbox).searchIssues(keySearch))
    expect(error.code).toBe('saas-bad-response')
    expect(error.detail).toContain('candidates.0.external_issue_id')
  })
})

describe('searchIssues retries inside its 10 s deadline', () => {
  it('waits retry_after_seconds from the body after a 429, then succeeds', async () => {
    const clock = fakeClock()
    sandbox.faults.add({ path: PATH, status: 429, body: { retry_after_seconds: 2 } })
    const result = await clientFor(sandbox, clock).searchIssues(keySearch)
    expect(result.candidates.length).toBeGreaterThan(0)
    expect(clock.sleeps).toEqual([2000])
    expect(sandbox.requests).toHaveLength(2)
  })

  it('waits for the Retry-After header when the body names no wait', async () => {
    const clock = fakeClock()
    sandbox.faults.add({ path: PATH, status: 429, body: {}, headers: { 'Retry-After': '3' } })
    await clientFor(sandbox, clock).searchIssues(keySearch)
    expect(clock.sleeps).toEqual([3000])
  })

  it('waits 5 s when a 429 names no wait at all', async () => {
    const clock = fakeClock()
    sandbox.faults.add({ path: PATH, status: 429, body: 'slow down' })
    await clientFor(sandbox, clock).searchIssues(keySearch)
    expect(clock.sleeps).toEqual([5000])
  })

  it('really waits a short retry_after with the default clock', async () => {
    sandbox.faults.add({ path: PATH, status: 429, body: { retry_after_seconds: 0.05 } })
    const started = Date.now()
    await clientFor(sandbox, { now: Date.now, sleep: undefined }).searchIssues(keySearch)
    expect(Date.now() - started).toBeGreaterThanOrEqual(45)
  })

  it('fails at once with "rate limited" when the wait would pass the deadline', async () => {
    const clock = fakeClock()
    sandbox.faults.add({ path: PATH, status: 429, body: { retry_after_seconds: 60 } })
    const error = await rejectionOf(clientFor(sandbox, clock).searchIssues(keySearch))
    expect(error.code).toBe('saas-rate-limited')
    expect(error.message).toBe(
      'The Spec Kitty SaaS rate limited the issue search; try again in 60 s.'
    )
    expect(error.retryable).toBe(true)
    expect(clock.sleeps).toEqual([])
    expect(sandbox.requests).toHaveLength(1)
  })

  it('retries 5xx with doubling backoff and gives up with "unavailable" at the deadline', async () => {
    const clock = fakeClock()
    sandbox.faults.add({ path: PATH, status: 503, body: '<h1>down</h1>', times: 100 })
    const error = await rejectionOf(clientFor(sandbox, clock).searchIssues(keySearch))
    expect(error.code).toBe('saas-unavailable')
    expect(error.message).toBe('The Spec Kitty SaaS is unavailable (HTTP 503); try again later.')
    expect(clock.sleeps).toEqual([500, 1000, 2000, 4000])
    expect(clock.sleeps.reduce((a, b) => a + b, 0)).toBeLessThan(10_000)
  })

  it('recovers from a 502 followed by a good answer', async () => {
    sandbox.faults.add({ path: PATH, status: 502, body: { message: 'bad gateway' } })
    const result = await clientFor(sandbox).searchIssues(keySearch)
    expect(result.candidates[0]!.external_issue_key).toBe('WEB-123')
  })

  it('retries a connection reset', async () => {
    const clock = fakeClock()
    sandbox.faults.add({ path: PATH, reset: true })
    const result = await clientFor(sandbox, clock).searchIssues(keySearch)
    expect(result.candidates[0]!.external_issue_key).toBe('WEB-123')
    expect(clock.sleeps).toEqual([500])
  })

  it('reports a connection that keeps failing as unreachable', async () => {
    sandbox.faults.add({ path: PATH, reset: true, times: 100 })
    const error = await rejectionOf(clientFor(sandbox).searchIssues(keySearch))
    expect(error.code).toBe('saas-unavailable')
    expect(error.message).toMatch(/^Could not reach the Spec Kitty SaaS for the issue search/)
    expect(error.retryable).toBe(true)
  })

  it('gives up on a hung server when its deadline passes', async () => {
    sandbox.faults.add({ path: PATH, hang: true })
    const started = Date.now()
    const error = await rejectionOf(
      clientFor(sandbox, { now: Date.now, searchDeadlineMs: 300 }).searchIssues(keySearch)
    )
    expect(error.code).toBe('saas-timeout')
    expect(error.message).toBe(
      'The Spec Kitty SaaS did not answer the issue search within 0.3 s; try again later.'
    )
    expect(Date.now() - started).toBeLessThan(2_000)
  })

  it('retries a 408 request timeout from the server', async () => {
    sandbox.faults.add({ path: PATH, status: 408, body: {} })
    const result = await clientFor(sandbox).searchIssues(keySearch)
    expect(result.candidates.length).toBeGreaterThan(0)
    expect(sandbox.requests).toHaveLength(2)
  })
})
