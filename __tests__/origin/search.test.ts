import { describe, expect, it, jest } from '@jest/globals'
import { refetchCandidate, searchOriginCandidates } from '../../src/origin/search.js'
import { resolveTrackerBinding } from '../../src/origin/binding.js'
import type { IssueSearchRequest, IssueSearchResponse } from '../../src/saas/wire.js'

const CONFIG = 'tracker:\n  provider: linear\n  project_slug: acme-web\n'
const candidate = {
  external_issue_id: 'lin-1',
  external_issue_key: 'WEB-123',
  title: 'Add Clerk auth',
  status: 'In Progress',
  url: 'https://linear.app/acme/issue/WEB-123',
  match_type: 'exact' as const
}

function fakeSaas(response: IssueSearchResponse) {
  const searchIssues = jest.fn<(body: IssueSearchRequest) => Promise<IssueSearchResponse>>()
  searchIssues.mockResolvedValue(response)
  return { searchIssues }
}

describe('searchOriginCandidates', () => {
  it('sends a key query as query_key and query_text, routed by project_slug', async () => {
    const saas = fakeSaas({
      candidates: [candidate],
      resource_type: 'linear_team',
      resource_id: 'team-uuid'
    })
    const outcome = await searchOriginCandidates(
      { query: ' WEB-123 ', limit: 10 },
      { readTrackerConfig: () => Promise.resolve(CONFIG), saas, overrides: {} }
    )
    expect(saas.searchIssues).toHaveBeenCalledWith({
      provider: 'linear',
      limit: 10,
      project_slug: 'acme-web',
      query_key: 'WEB-123',
      query_text: 'WEB-123'
    })
    expect(outcome.result).toEqual({
      candidates: [candidate],
      provider: 'linear',
      resource_type: 'linear_team',
      resource_id: 'team-uuid',
      query_used: 'WEB-123'
    })
  })

  it('sends free text as query_text only', async () => {
    const saas = fakeSaas({ candidates: [] })
    await searchOriginCandidates(
      { query: 'Clerk auth', limit: 3 },
      { readTrackerConfig: () => Promise.resolve(CONFIG), saas, overrides: {} }
    )
    const body = saas.searchIssues.mock.calls[0]?.[0]
    expect(body).toEqual({
      provider: 'linear',
      limit: 3,
      project_slug: 'acme-web',
      query_text: 'Clerk auth'
    })
    expect(body).not.toHaveProperty('query_key')
  })

  it('never sends more candidates on than the limit allows', async () => {
    const many = ['A-1', 'A-2', 'A-3'].map(key => ({ ...candidate, external_issue_key: key }))
    const saas = fakeSaas({ candidates: many })
    const { result } = await searchOriginCandidates(
      { query: 'auth', limit: 2 },
      { readTrackerConfig: () => Promise.resolve(CONFIG), saas, overrides: {} }
    )
    expect(result.candidates.map(found => found.external_issue_key)).toEqual(['A-1', 'A-2'])
  })

  it('refuses before calling the SaaS when no tracker is bound', async () => {
    const saas = fakeSaas({ candidates: [] })
    await expect(
      searchOriginCandidates(
        { query: 'WEB-1', limit: 1 },
        { readTrackerConfig: () => Promise.resolve(null), saas, overrides: {} }
      )
    ).rejects.toMatchObject({ code: 'tracker-not-bound' })
    expect(saas.searchIssues).not.toHaveBeenCalled()
  })

  it('refuses a query that names another provider than the binding, before calling the SaaS', async () => {
    const saas = fakeSaas({ candidates: [] })
    await expect(
      searchOriginCandidates(
        { query: 'PROJ-7', limit: 1, provider: 'jira' },
        { readTrackerConfig: () => Promise.resolve(CONFIG), saas, overrides: {} }
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
    expect(saas.searchIssues.mock.calls[0]?.[0]).toMatchObject({
      query_key: 'WEB-123',
      query_text: 'WEB-123'
    })
  })

  it('refuses when the key is gone', async () => {
    await expect(
      refetchCandidate(binding, candidate, fakeSaas({ candidates: [] }))
    ).rejects.toMatchObject({
      code: 'ticket-not-found'
    })
  })

  it('refuses when the key now names another ticket', async () => {
    const saas = fakeSaas({ candidates: [{ ...candidate, external_issue_id: 'lin-999' }] })
    await expect(refetchCandidate(binding, candidate, saas)).rejects.toMatchObject({
      code: 'ticket-changed'
    })
  })
})
