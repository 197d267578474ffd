import { describe, expect, it, jest } from '@jest/globals'
import { refetchCandidate, searchOriginCandidates } from '../../src/origin/search.js'
import { resolveTrackerBinding } from '../../src/origin/binding.js'
import type { IssueQuery, IssueSearchAnswer, TrackerRoute } from '../../src/saas/types.js'

const CONFIG = 'tracker:\n  provider: linear\n  project_slug: acme-web\n'
const candidate = {
  external_issue_id: 'lin-1',
  external_issue_key: 'WEB-123',
  title: 'Add Clerk auth',
  status: 'In Progress',
  url: 'https://linear.app/acme/issue/WEB-123',
  match_type: 'exact' as const
}

function fakeSaas(answer: Partial<IssueSearchAnswer>) {
  const searchIssues =
    jest.fn<(route: TrackerRoute, query: IssueQuery, limit: number) => Promise<IssueSearchAnswer>>()
  searchIssues.mockResolvedValue({
    candidates: [],
    leftOut: [],
    resourceType: null,
    resourceId: null,
    ...answer
  })
  return { searchIssues }
}

const ports = (saas: ReturnType<typeof fakeSaas>) => ({
  readTrackerConfig: () => Promise.resolve(CONFIG),
  saas,
  overrides: {}
})

describe('searchOriginCandidates', () => {
  it('asks the SaaS for a key as a key, under the binding, and returns its answer', async () => {
    const saas = fakeSaas({
      candidates: [candidate],
      resourceType: 'linear_team',
      resourceId: 'team-uuid'
    })
    const outcome = await searchOriginCandidates(
      { query: { kind: 'key', key: ' WEB-123 ' }, limit: 10 },
      ports(saas)
    )
    const [route, query, limit] = saas.searchIssues.mock.calls[0]!
    expect(route).toMatchObject({ provider: 'linear', projectSlug: 'acme-web' })
    expect(query).toEqual({ kind: 'key', key: ' WEB-123 ' })
    expect(limit).toBe(10)
    expect(outcome.result).toEqual({
      candidates: [candidate],
      leftOut: [],
      provider: 'linear',
      resource_type: 'linear_team',
      resource_id: 'team-uuid',
      query_used: 'WEB-123'
    })
  })

  it('asks quoted words that look like a key as text, unchanged', async () => {
    const saas = fakeSaas({})
    const { result } = await searchOriginCandidates(
      { query: { kind: 'text', text: 'WEB-123' }, limit: 3 },
      ports(saas)
    )
    expect(saas.searchIssues.mock.calls[0]![1]).toEqual({ kind: 'text', text: 'WEB-123' })
    expect(result.query_used).toBe('WEB-123')
  })

  it('passes on the tickets the SaaS client left out', async () => {
    const leftOut = [{ key: 'WEB-9', reason: 'its URL is not an https: or http: address' }]
    const { result } = await searchOriginCandidates(
      { query: { kind: 'text', text: 'auth' }, limit: 3 },
      ports(fakeSaas({ leftOut }))
    )
    expect(result.leftOut).toEqual(leftOut)
  })

  it('never sends more candidates on than the limit allows', async () => {
    const many = ['A-1', 'A-2', 'A-3'].map(key => ({ ...candidate, external_issue_key: key }))
    const { result } = await searchOriginCandidates(
      { query: { kind: 'text', text: 'auth' }, limit: 2 },
      ports(fakeSaas({ candidates: many }))
    )
    expect(result.candidates.map(found => found.external_issue_key)).toEqual(['A-1', 'A-2'])
  })

  it('refuses before calling the SaaS when no tracker is bound', async () => {
    const saas = fakeSaas({})
    await expect(
      searchOriginCandidates(
        { query: { kind: 'key', key: 'WEB-1' }, limit: 1 },
        { readTrackerConfig: () => Promise.resolve(null), saas, overrides: {} }
      )
    ).rejects.toMatchObject({ code: 'tracker-not-bound' })
    expect(saas.searchIssues).not.toHaveBeenCalled()
  })

  it('refuses before calling the SaaS when tracker.egress is refused', async () => {
    const saas = fakeSaas({})
    await expect(
      searchOriginCandidates(
        { query: { kind: 'key', key: 'WEB-1' }, limit: 1 },
        {
          readTrackerConfig: () => Promise.resolve(`${CONFIG}  egress: refused\n`),
          saas,
          overrides: {}
        }
      )
    ).rejects.toMatchObject({ code: 'tracker-egress-refused' })
    expect(saas.searchIssues).not.toHaveBeenCalled()
  })

  it('refuses a query that names another provider than the binding, before calling the SaaS', async () => {
    const saas = fakeSaas({})
    await expect(
      searchOriginCandidates(
        { query: { kind: 'key', key: 'PROJ-7' }, limit: 1, provider: 'jira' },
        ports(saas)
      )
    ).rejects.toThrow('This repository is bound to Linear, so it cannot start from a Jira ticket.')
    expect(saas.searchIssues).not.toHaveBeenCalled()
  })
})

describe('refetchCandidate', () => {
  const binding = resolveTrackerBinding(CONFIG, {})

  it('returns the fresh ticket when its id is unchanged, fresh title winning', async () => {
    const fresh = { ...candidate, title: 'Add Clerk auth (v2)', status: 'Todo' }
    const saas = fakeSaas({
      candidates: [{ ...candidate, external_issue_key: 'WEB-1234', external_issue_id: 'x' }, fresh]
    })
    const { candidate: found, resource } = await refetchCandidate(binding, candidate, saas)
    expect(found.title).toBe('Add Clerk auth (v2)')
    expect(resource).toEqual({ resource_type: 'linear_team', resource_id: 'acme-web' })
    expect(saas.searchIssues.mock.calls[0]![1]).toEqual({ kind: 'key', key: 'WEB-123' })
  })

  it('refuses when the key is gone', async () => {
    await expect(refetchCandidate(binding, candidate, fakeSaas({}))).rejects.toMatchObject({
      code: 'ticket-not-found'
    })
  })

  it('refuses a ticket the SaaS client left out, naming it and why: nothing is bound', async () => {
    const saas = fakeSaas({
      leftOut: [{ key: 'WEB-123', reason: 'its URL is not an https: or http: address' }]
    })
    await expect(refetchCandidate(binding, candidate, saas)).rejects.toMatchObject({
      code: 'ticket-refused',
      message:
        "WEB-123 cannot be a mission's origin: its URL is not an https: or http: address. Nothing was bound or written."
    })
  })

  it('refuses when the key now names another ticket', async () => {
    const saas = fakeSaas({ candidates: [{ ...candidate, external_issue_id: 'lin-999' }] })
    await expect(refetchCandidate(binding, candidate, saas)).rejects.toMatchObject({
      code: 'ticket-changed'
    })
  })
})
