/**
 * The search and the re-fetch before a bind, through the real SaaS client against the sandbox
 * SaaS over real sockets: what reached the wire, and what the caller got back.
 */
import { describe, expect, it } from '@jest/globals'
import { refetchCandidate, searchOriginCandidates } from '../../src/origin/search.js'
import type { OriginQuery } from '../../src/origin/search.js'
import { resolveTrackerBinding } from '../../src/origin/binding.js'
import { saasClientFor, SEARCH, useSandboxSaas } from '../../__fixtures__/sandbox/saas.js'

const CONFIG = 'tracker:\n  provider: linear\n  project_slug: acme-web\n'
/** The sandbox's Linear team, as its search answers name it. */
const TEAM = { resource_type: 'linear_team', resource_id: '9c1f6a4e-2b7d-4d8a-9f0e-3a5b7c9d1e2f' }
/** WEB-123 as the sandbox SaaS lists it. */
const WEB_123 = {
  external_issue_id: '3f0c2a9e-8d41-4c5b-b6f7-1e2d3c4b5a69',
  external_issue_key: 'WEB-123',
  title: 'Add Clerk auth',
  status: 'In Progress',
  url: 'https://linear.app/acme/issue/WEB-123/add-clerk-auth',
  match_type: 'exact'
}

/** A fresh sandbox for every test: some tests change its tickets. */
const saas = useSandboxSaas({}, true)

/** The seeded ticket `key` of the sandbox's Linear team, to change it under the search. */
function seeded(key: string) {
  const ticket = saas.state.resources
    .flatMap(resource => resource.tickets)
    .find(found => found.external_issue_key === key)
  if (ticket === undefined) throw new Error(`The sandbox has no ticket ${key}.`)
  return ticket
}

function search(request: OriginQuery, config: string | null = CONFIG) {
  return searchOriginCandidates(request, {
    readTrackerConfig: () => Promise.resolve(config),
    saas: saasClientFor(saas),
    overrides: {}
  })
}

/** The wire body of a search for the key WEB-123 under the Linear binding, ten at most. */
const KEY_SEARCH = {
  provider: 'linear',
  project_slug: 'acme-web',
  query_key: 'WEB-123',
  query_text: 'WEB-123',
  limit: 10
}

/** The bodies of the searches the sandbox received. */
function searchBodies(): unknown[] {
  return saas.requests.filter(request => request.path === SEARCH).map(request => request.body)
}

describe('searchOriginCandidates', () => {
  it('asks the SaaS for a key as a key, under the binding, and returns its answer', async () => {
    const outcome = await search({ query: { kind: 'key', key: ' WEB-123 ' }, limit: 10 })
    expect(searchBodies()).toEqual([KEY_SEARCH])
    expect(outcome.binding).toMatchObject({ provider: 'linear', projectSlug: 'acme-web' })
    expect(outcome.result).toMatchObject({
      leftOut: [],
      provider: 'linear',
      ...TEAM,
      query_used: 'WEB-123'
    })
    expect(outcome.result.candidates[0]).toMatchObject(WEB_123)
  })

  it('asks quoted words that look like a key as text, unchanged', async () => {
    const { result } = await search({ query: { kind: 'text', text: 'WEB-123' }, limit: 3 })
    expect(searchBodies()).toEqual([
      { provider: 'linear', project_slug: 'acme-web', query_text: 'WEB-123', limit: 3 }
    ])
    expect(result.query_used).toBe('WEB-123')
  })

  it('passes on the tickets the SaaS client left out, and lists the others', async () => {
    seeded('WEB-128').url = 'javascript:alert(1)'
    const { result } = await search({ query: { kind: 'text', text: 'auth' }, limit: 5 })
    expect(result.leftOut).toEqual([
      { key: 'WEB-128', reason: 'its URL is not an https: or http: address' }
    ])
    expect(result.candidates.map(found => found.external_issue_key)).toContain('WEB-123')
    expect(result.candidates.map(found => found.external_issue_key)).not.toContain('WEB-128')
  })

  it('never sends more candidates on than the limit allows, whatever the SaaS answers', async () => {
    const many = ['A-1', 'A-2', 'A-3'].map((key, index) => ({
      ...WEB_123,
      external_issue_id: `id-${index}`,
      external_issue_key: key
    }))
    saas.faults.add({ path: SEARCH, status: 200, body: { candidates: many } })
    const { result } = await search({ query: { kind: 'text', text: 'auth' }, limit: 2 })
    expect(result.candidates.map(found => found.external_issue_key)).toEqual(['A-1', 'A-2'])
    // An answer that names no resource falls back to the binding's own routing key.
    expect(result).toMatchObject({ resource_type: 'linear_team', resource_id: 'acme-web' })
  })

  it.each([
    [
      'no tracker is bound',
      { query: { kind: 'key', key: 'WEB-1' }, limit: 1 } as const,
      null,
      { code: 'tracker-not-bound' }
    ],
    [
      'tracker.egress is refused',
      { query: { kind: 'key', key: 'WEB-1' }, limit: 1 } as const,
      `${CONFIG}  egress: refused\n`,
      { code: 'tracker-egress-refused' }
    ],
    [
      'the query names another provider than the binding',
      { query: { kind: 'key', key: 'PROJ-7' }, limit: 1, provider: 'jira' } as const,
      CONFIG,
      {
        code: 'tracker-provider-unsupported',
        message: 'This repository is bound to Linear, so it cannot start from a Jira ticket.'
      }
    ]
  ])('refuses without a hosted call when %s', async (_when, request, config, refusal) => {
    await expect(search(request, config)).rejects.toMatchObject(refusal)
    expect(saas.requests).toEqual([])
  })
})

describe('refetchCandidate', () => {
  const binding = resolveTrackerBinding(CONFIG, {})
  const chosen = { external_issue_key: 'WEB-123', external_issue_id: WEB_123.external_issue_id }
  const refetch = () => refetchCandidate(binding, chosen, saasClientFor(saas))

  it('asks for the key again and returns the fresh ticket, fresh title winning', async () => {
    Object.assign(seeded('WEB-123'), { title: 'Add Clerk auth (v2)', status: 'Todo' })
    const { candidate, resource } = await refetch()
    expect(candidate).toMatchObject({ ...WEB_123, title: 'Add Clerk auth (v2)', status: 'Todo' })
    expect(resource).toEqual(TEAM)
    expect(searchBodies()).toEqual([KEY_SEARCH])
  })

  it('takes the ticket whose key matches in any letter case, not the first one listed', async () => {
    const lookalike = { ...WEB_123, external_issue_key: 'WEB-1234', external_issue_id: 'x' }
    const fresh = { ...WEB_123, external_issue_key: 'web-123', title: 'Add Clerk auth (v2)' }
    saas.faults.add({ path: SEARCH, status: 200, body: { candidates: [lookalike, fresh] } })
    const { candidate } = await refetch()
    expect(candidate).toMatchObject({ external_issue_key: 'web-123', title: 'Add Clerk auth (v2)' })
  })

  it('refuses when the key is gone', async () => {
    seeded('WEB-123').external_issue_key = 'WEB-923'
    await expect(refetch()).rejects.toMatchObject({
      code: 'ticket-not-found',
      message: 'WEB-123 is no longer found in Linear; start again with a new search.'
    })
  })

  it('refuses a ticket the SaaS client left out, naming it and why: nothing is bound', async () => {
    seeded('WEB-123').url = 'ftp://linear.app/acme/issue/WEB-123'
    await expect(refetch()).rejects.toMatchObject({
      code: 'ticket-refused',
      message:
        "WEB-123 cannot be a mission's origin: its URL is not an https: or http: address. Nothing was bound or written."
    })
  })

  it('refuses when the key now names another ticket', async () => {
    seeded('WEB-123').external_issue_id = 'lin-999'
    await expect(refetch()).rejects.toMatchObject({ code: 'ticket-changed' })
  })
})
