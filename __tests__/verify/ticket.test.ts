import { describe, expect, it } from '@jest/globals'
import { LINEAR_META } from '../../__fixtures__/mission/tickets.js'
import { KittyError } from '../../src/errors.js'
import type { OriginCandidate, OriginTicket, TrackerBinding } from '../../src/origin/models.js'
import type { IssueQuery, IssueSearchAnswer, TrackerRoute } from '../../src/saas/types.js'
import { recheckTicket } from '../../src/verify/ticket.js'

const ORIGIN = (JSON.parse(LINEAR_META) as { origin_ticket: OriginTicket }).origin_ticket
const LINEAR: TrackerBinding = {
  provider: 'linear',
  projectSlug: 'acme-web',
  providerContext: {},
  project: { uuid: null, slug: null }
}
const FOUND: OriginCandidate = {
  external_issue_id: ORIGIN.external_issue_id,
  external_issue_key: 'web-123',
  title: 'Add Clerk auth',
  status: 'In Progress',
  url: ORIGIN.external_issue_url,
  match_type: 'exact'
}

function saasAnswering(answer: { candidates: OriginCandidate[] } | Error) {
  const requests: { route: TrackerRoute; query: IssueQuery; limit: number }[] = []
  return {
    requests,
    searchIssues: (
      route: TrackerRoute,
      query: IssueQuery,
      limit: number
    ): Promise<IssueSearchAnswer> => {
      requests.push({ route, query, limit })
      return answer instanceof Error
        ? Promise.reject(answer)
        : Promise.resolve({ ...answer, leftOut: [], resourceType: null, resourceId: null })
    }
  }
}

describe('recheckTicket', () => {
  it('confirms a ticket the SaaS still finds by key with the same id, asking by key', async () => {
    const saas = saasAnswering({ candidates: [FOUND] })
    await expect(recheckTicket(ORIGIN, LINEAR_META, LINEAR, saas)).resolves.toEqual({
      confirmed: true,
      status: 'In Progress'
    })
    expect(saas.requests).toEqual([
      { route: LINEAR, query: { kind: 'key', key: 'WEB-123' }, limit: 10 }
    ])
  })

  it('refuses a ticket whose key now names another ticket, on the external_issue_id line', async () => {
    const saas = saasAnswering({ candidates: [{ ...FOUND, external_issue_id: 'other' }] })
    await expect(recheckTicket(ORIGIN, LINEAR_META, LINEAR, saas)).resolves.toEqual({
      confirmed: false,
      problem: {
        message: `WEB-123 now names a different Linear ticket at the Spec Kitty SaaS than origin_ticket's external_issue_id ${ORIGIN.external_issue_id}.`,
        line: 10
      }
    })
  })

  it('refuses a ticket the SaaS no longer finds, on the external_issue_key line', async () => {
    const saas = saasAnswering({ candidates: [{ ...FOUND, external_issue_key: 'WEB-1234' }] })
    await expect(recheckTicket(ORIGIN, LINEAR_META, LINEAR, saas)).resolves.toEqual({
      confirmed: false,
      problem: {
        message:
          'The Spec Kitty SaaS no longer finds WEB-123 in Linear; the origin ticket was deleted, moved or re-keyed.',
        line: 11
      }
    })
  })

  it('refuses a ticket of another provider than the binding without asking the SaaS', async () => {
    const saas = saasAnswering({ candidates: [FOUND] })
    const jira: TrackerBinding = { ...LINEAR, provider: 'jira' }
    await expect(recheckTicket(ORIGIN, LINEAR_META, jira, saas)).resolves.toEqual({
      confirmed: false,
      problem: {
        message:
          'origin_ticket names a Linear ticket, but this repository is bound to Jira, so the Spec Kitty SaaS cannot confirm WEB-123.',
        line: 13
      }
    })
    expect(saas.requests).toEqual([])
  })

  it('shortens a huge key in its sentences', async () => {
    const origin = { ...ORIGIN, external_issue_key: `WEB-${'1'.repeat(300)}` }
    const result = await recheckTicket(
      origin,
      LINEAR_META,
      LINEAR,
      saasAnswering({ candidates: [] })
    )
    expect(result).toEqual({
      confirmed: false,
      problem: {
        message: `The Spec Kitty SaaS no longer finds WEB-${'1'.repeat(59)}… in Linear; the origin ticket was deleted, moved or re-keyed.`,
        line: 11
      }
    })
  })

  it.each([
    ['a SaaS failure', new KittyError('saas-unavailable', 'The Spec Kitty SaaS is unavailable.')],
    ['an unexpected error', new Error('socket hang up')]
  ])('throws %s, which says nothing about the pull request', async (_name, error) => {
    await expect(recheckTicket(ORIGIN, LINEAR_META, LINEAR, saasAnswering(error))).rejects.toBe(
      error
    )
  })
})
