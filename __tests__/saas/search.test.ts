import { describe, expect, it } from '@jest/globals'
import { JIRA_BINDING_REF } from '../../sandbox/saas/seed.js'
import { keyQuery, linearRoute, rejectionOf } from './harness.js'
import {
  fakeClock,
  saasClientFor,
  SEARCH,
  USER_AGENT,
  useSandboxSaas
} from '../../__fixtures__/sandbox/saas.js'

/** The wire body of a key search for WEB-123 in the Linear team. */
const keySearch = {
  provider: 'linear',
  limit: 10,
  project_slug: 'acme-web',
  query_key: 'WEB-123',
  query_text: 'WEB-123'
}

function search(client: ReturnType<typeof saasClientFor>) {
  return client.searchIssues(linearRoute, keyQuery, 10)
}

const sandbox = useSandboxSaas()

describe('searchIssues on the wire', () => {
  it('posts the body as given to the trailing-slash path with the contract headers', async () => {
    await saasClientFor(sandbox).searchIssues(linearRoute, keyQuery, 10)
    expect(sandbox.requests).toHaveLength(1)
    const [request] = sandbox.requests
    expect(request!.method).toBe('POST')
    expect(request!.path).toBe(SEARCH)
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

  it('sends binding_ref routing and free text as text, even when it looks like a key', async () => {
    await saasClientFor(sandbox).searchIssues(
      { provider: 'jira', projectSlug: 'ignored', bindingRef: JIRA_BINDING_REF },
      { kind: 'text', text: 'WEB-123' },
      5
    )
    expect(sandbox.requests[0]!.bodyText).toBe(
      JSON.stringify({
        provider: 'jira',
        limit: 5,
        binding_ref: JIRA_BINDING_REF,
        query_text: 'WEB-123'
      })
    )
  })

  it('returns the candidates and the resource, exact match first', async () => {
    const real = await search(saasClientFor(sandbox))
    expect(real.resourceType).toBe('linear_team')
    expect(real.candidates[0]).toMatchObject({ external_issue_key: 'WEB-123', match_type: 'exact' })
    expect(real.leftOut).toEqual([])
  })
})

const GOOD = {
  external_issue_id: 'x1',
  external_issue_key: 'WEB-1',
  title: 'T',
  status: 'Todo',
  url: 'https://linear.app/acme/issue/WEB-1'
}

function answering(body: unknown) {
  sandbox.faults.add({ path: SEARCH, status: 200, body })
  return search(saasClientFor(sandbox))
}

describe('searchIssues reads an answer as leniently as spec-kitty', () => {
  it('takes a missing candidates key as an empty list', async () => {
    expect(await answering({ resource_type: 'linear_team' })).toMatchObject({
      candidates: [],
      leftOut: [],
      resourceType: 'linear_team',
      resourceId: null
    })
  })

  it.each([
    ['absent', undefined, 'text'],
    ['null', null, 'text'],
    ['unknown', 'fuzzy', 'text'],
    ['exact', 'exact', 'exact']
  ])('reads a match_type that is %s as %s', async (_name, matchType, expected) => {
    const { candidates } = await answering({ candidates: [{ ...GOOD, match_type: matchType }] })
    expect(candidates[0]!.match_type).toBe(expected)
  })

  it('reads body: null as no body, a null or missing status as empty, extra keys ignored', async () => {
    const { candidates } = await answering({
      candidates: [
        { ...GOOD, body: null, status: null, extra: 1 },
        { ...GOOD, external_issue_key: 'WEB-2', status: undefined }
      ],
      extra_key: 'tolerated'
    })
    expect(candidates[0]).toEqual({ ...GOOD, status: '', match_type: 'text' })
    expect(candidates[1]!.status).toBe('')
  })

  it('reads numeric ids as strings', async () => {
    const { candidates } = await answering({ candidates: [{ ...GOOD, external_issue_id: 10042 }] })
    expect(candidates[0]!.external_issue_id).toBe('10042')
  })

  it('makes key, title and status one clean line (no controls, bidi or zero-width)', async () => {
    const { candidates } = await answering({
      candidates: [
        { ...GOOD, title: 'Fix\n\u202ethe\u200b\tlogin\u2066', status: 'In\r\nProgress\u0007' }
      ]
    })
    expect(candidates[0]).toMatchObject({ title: 'Fix the login', status: 'In Progress' })
  })

  it.each([
    ['a javascript: URL', { ...GOOD, url: 'javascript:alert(1)' }, /URL is not an https: or http:/],
    ['a data: URL', { ...GOOD, url: 'data:text/html,x' }, /URL is not an https: or http:/],
    ['a relative URL', { ...GOOD, url: '/issue/WEB-1' }, /URL is not an https: or http:/],
    ['no URL', { ...GOOD, url: null }, /URL is not/],
    ['no id', { ...GOOD, external_issue_id: '' }, /no ticket id/],
    ['no key', { ...GOOD, external_issue_key: null }, /no ticket key/],
    ['a key with a line break', { ...GOOD, external_issue_key: 'WEB-1\nx' }, /invisible/],
    ['a key with a bidi override', { ...GOOD, external_issue_key: 'WEB\u202e-1' }, /invisible/],
    [
      'an over-long key',
      { ...GOOD, external_issue_key: `K-${'1'.repeat(200)}` },
      /longer than 100/
    ],
    ['an over-long title', { ...GOOD, title: 'x'.repeat(1001) }, /title is longer than 1000/],
    ['an over-long URL', { ...GOOD, url: `https://x.test/${'a'.repeat(2100)}` }, /URL is longer/],
    ['an over-long id', { ...GOOD, external_issue_id: 'i'.repeat(300) }, /over-long/],
    ['not an object', 'WEB-1', /without its fields/]
  ])('leaves out a candidate with %s, with a note that says why', async (_name, bad, reason) => {
    const { candidates, leftOut } = await answering({
      candidates: [bad, { ...GOOD, external_issue_key: 'WEB-2' }]
    })
    expect(candidates.map(c => c.external_issue_key)).toEqual(['WEB-2'])
    expect(leftOut).toHaveLength(1)
    expect(leftOut[0]!.reason).toMatch(reason)
    expect(leftOut[0]!.key.length).toBeLessThanOrEqual(100)
  })

  it('names the left-out ticket by its key', async () => {
    const { leftOut } = await answering({ candidates: [{ ...GOOD, url: 'javascript:x' }] })
    expect(leftOut).toEqual([{ key: 'WEB-1', reason: 'its URL is not an https: or http: address' }])
  })

  it.each([
    ['a body that is not JSON', '{"candidates": ['],
    ['a JSON string', '"ok"'],
    ['candidates that are not a list', { candidates: { a: 1 } }]
  ])('treats %s as saas-bad-response', async (_name, body) => {
    const error = await rejectionOf(answering(body))
    expect(error.code).toBe('saas-bad-response')
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
      name: '401 says the token expired or was revoked and asks to rotate it to a long-lived one',
      status: 401,
      body: { error_code: 'invalid_token', message: 'Token expired' },
      code: 'saas-unauthorized',
      says: /missing, expired or revoked\. Rotate it: put a new long-lived Spec Kitty API credential in the `saas-token` secret/
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
    sandbox.faults.add({ path: SEARCH, status, body })
    const error = await rejectionOf(saasClientFor(sandbox).searchIssues(linearRoute, keyQuery, 10))
    expect(error.code).toBe(code)
    expect(error.message).toMatch(says)
    expect(error.retryable).toBe(false)
    expect(sandbox.requests).toHaveLength(1)
  })

  it('keeps the SaaS code, error_category before error_code, in detail only', async () => {
    sandbox.faults.add({
      path: SEARCH,
      status: 401,
      body: { error_code: 'token_expired', error_category: 'unauthenticated' }
    })
    const error = await rejectionOf(saasClientFor(sandbox).searchIssues(linearRoute, keyQuery, 10))
    expect(error.detail).toContain('saas_code=unauthenticated')
    expect(error.message).not.toContain('unauthenticated')
  })

  it('never shows an HTML error page to the user', async () => {
    sandbox.faults.add({
      path: SEARCH,
      status: 418,
      body: '<html><body><h1>Bad gateway</h1><script>alert(1)</script></body></html>'
    })
    const error = await rejectionOf(saasClientFor(sandbox).searchIssues(linearRoute, keyQuery, 10))
    expect(error.message).toBe('The Spec Kitty SaaS refused the issue search: HTTP 418.')
    expect(error.detail).not.toContain('<')
  })
})

describe('searchIssues retries inside its 10 s deadline', () => {
  it('waits retry_after_seconds from the body after a 429, then succeeds', async () => {
    const clock = fakeClock()
    sandbox.faults.add({ path: SEARCH, status: 429, body: { retry_after_seconds: 2 } })
    const result = await saasClientFor(sandbox, clock).searchIssues(linearRoute, keyQuery, 10)
    expect(result.candidates.length).toBeGreaterThan(0)
    expect(clock.sleeps).toEqual([2000])
    expect(sandbox.requests).toHaveLength(2)
  })

  it('waits for the Retry-After header when the body names no wait', async () => {
    const clock = fakeClock()
    sandbox.faults.add({ path: SEARCH, status: 429, body: {}, headers: { 'Retry-After': '3' } })
    await saasClientFor(sandbox, clock).searchIssues(linearRoute, keyQuery, 10)
    expect(clock.sleeps).toEqual([3000])
  })

  it('waits 5 s when a 429 names no wait at all', async () => {
    const clock = fakeClock()
    sandbox.faults.add({ path: SEARCH, status: 429, body: 'slow down' })
    await saasClientFor(sandbox, clock).searchIssues(linearRoute, keyQuery, 10)
    expect(clock.sleeps).toEqual([5000])
  })

  it('really waits a short retry_after with the default clock', async () => {
    sandbox.faults.add({ path: SEARCH, status: 429, body: { retry_after_seconds: 0.05 } })
    const started = Date.now()
    await saasClientFor(sandbox, { now: Date.now, sleep: undefined }).searchIssues(
      linearRoute,
      keyQuery,
      10
    )
    expect(Date.now() - started).toBeGreaterThanOrEqual(45)
  })

  it('fails at once with "rate limited" when the wait would pass the deadline', async () => {
    const clock = fakeClock()
    sandbox.faults.add({ path: SEARCH, status: 429, body: { retry_after_seconds: 60 } })
    const error = await rejectionOf(
      saasClientFor(sandbox, clock).searchIssues(linearRoute, keyQuery, 10)
    )
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
    sandbox.faults.add({ path: SEARCH, status: 503, body: '<h1>down</h1>', times: 100 })
    const error = await rejectionOf(
      saasClientFor(sandbox, clock).searchIssues(linearRoute, keyQuery, 10)
    )
    expect(error.code).toBe('saas-unavailable')
    expect(error.message).toBe('The Spec Kitty SaaS is unavailable (HTTP 503); try again later.')
    expect(clock.sleeps).toEqual([500, 1000, 2000, 4000])
    expect(clock.sleeps.reduce((a, b) => a + b, 0)).toBeLessThan(10_000)
  })

  it('recovers from a 502 followed by a good answer', async () => {
    sandbox.faults.add({ path: SEARCH, status: 502, body: { message: 'bad gateway' } })
    const result = await saasClientFor(sandbox).searchIssues(linearRoute, keyQuery, 10)
    expect(result.candidates[0]!.external_issue_key).toBe('WEB-123')
  })

  it('retries a connection reset', async () => {
    const clock = fakeClock()
    sandbox.faults.add({ path: SEARCH, reset: true })
    const result = await saasClientFor(sandbox, clock).searchIssues(linearRoute, keyQuery, 10)
    expect(result.candidates[0]!.external_issue_key).toBe('WEB-123')
    expect(clock.sleeps).toEqual([500])
  })

  it('reports a connection that keeps failing as unreachable', async () => {
    sandbox.faults.add({ path: SEARCH, reset: true, times: 100 })
    const error = await rejectionOf(saasClientFor(sandbox).searchIssues(linearRoute, keyQuery, 10))
    expect(error.code).toBe('saas-unavailable')
    expect(error.message).toMatch(/^Could not reach the Spec Kitty SaaS for the issue search/)
    expect(error.retryable).toBe(true)
  })

  it('gives up on a hung server when its deadline passes', async () => {
    sandbox.faults.add({ path: SEARCH, hang: true })
    const started = Date.now()
    const error = await rejectionOf(
      saasClientFor(sandbox, { now: Date.now, searchDeadlineMs: 300 }).searchIssues(
        linearRoute,
        keyQuery,
        10
      )
    )
    expect(error.code).toBe('saas-timeout')
    expect(error.message).toBe(
      'The Spec Kitty SaaS did not answer the issue search within 0.3 s; try again later.'
    )
    expect(Date.now() - started).toBeLessThan(2_000)
  })

  it('retries a 408 request timeout from the server', async () => {
    sandbox.faults.add({ path: SEARCH, status: 408, body: {} })
    const result = await saasClientFor(sandbox).searchIssues(linearRoute, keyQuery, 10)
    expect(result.candidates.length).toBeGreaterThan(0)
    expect(sandbox.requests).toHaveLength(2)
  })
})
