/**
 * The bind, through the real SaaS client against the sandbox SaaS over real sockets: what
 * reached the wire, what the SaaS recorded, and what the caller got back.
 */
import { describe, expect, it } from '@jest/globals'
import { bindMissionOrigin } from '../../src/origin/bind.js'
import type { BindOriginInput } from '../../src/origin/bind.js'
import { resolveTrackerBinding } from '../../src/origin/binding.js'
import { bindIdempotencyKey } from '../../src/saas/idempotency.js'
import { BIND, saasClientFor, useSandboxSaas } from '../../__fixtures__/sandbox/saas.js'

const BOUND_AT = '2026-04-01T12:00:00Z'
const MISSION_ID = '01M0M9D8R83DDKSZ62QKGV3YW0'
/** WEB-123 as the sandbox SaaS lists it. */
const candidate = {
  external_issue_id: '3f0c2a9e-8d41-4c5b-b6f7-1e2d3c4b5a69',
  external_issue_key: 'WEB-123',
  title: 'Add Clerk auth',
  status: 'In Progress',
  url: 'https://linear.app/acme/issue/WEB-123/add-clerk-auth',
  match_type: 'exact' as const
}
const input: BindOriginInput = {
  binding: resolveTrackerBinding('tracker:\n  provider: linear\n  project_slug: acme-web\n', {}),
  candidate,
  resource: { resource_type: 'linear_team', resource_id: 'team-uuid' },
  missionId: MISSION_ID,
  missionSlug: 'web-123-01M0M9D8',
  repo: 'acme/webapp'
}

/** A fresh sandbox for every test, so each bind is the mission's first. */
const saas = useSandboxSaas({ now: () => Date.parse(BOUND_AT) }, true)

function bind(changes: Partial<BindOriginInput> = {}) {
  return bindMissionOrigin({ ...input, ...changes }, saasClientFor(saas))
}

function binds() {
  return saas.requests.filter(request => request.path === BIND)
}

describe('bindMissionOrigin', () => {
  it('sends the binding, the mission and the ticket to the SaaS, which records the link', async () => {
    await bind()
    const [sent, ...more] = binds()
    expect(more).toEqual([])
    expect(sent!.body).toEqual({
      provider: 'linear',
      project_slug: 'acme-web',
      mission_id: MISSION_ID,
      mission_slug: 'web-123-01M0M9D8',
      external_issue_id: candidate.external_issue_id,
      external_issue_key: 'WEB-123',
      external_issue_url: candidate.url,
      external_title: 'Add Clerk auth',
      external_status: 'In Progress'
    })
    expect(sent!.headers['idempotency-key']).toBe(
      bindIdempotencyKey({
        repo: 'acme/webapp',
        missionId: MISSION_ID,
        externalIssueId: candidate.external_issue_id
      })
    )
    expect(saas.state.links.get(MISSION_ID)).toMatchObject({
      external_issue_key: 'WEB-123',
      provider: 'linear'
    })
  })

  it('hands back the seven-key origin_ticket and the link once the SaaS accepted the bind', async () => {
    expect(await bind()).toEqual({
      originTicket: {
        external_issue_id: candidate.external_issue_id,
        external_issue_key: 'WEB-123',
        external_issue_url: candidate.url,
        provider: 'linear',
        resource_id: 'team-uuid',
        resource_type: 'linear_team',
        // The raw title, the same string the bind sent as external_title.
        title: 'Add Clerk auth'
      },
      originLinkId: saas.state.links.get(MISSION_ID)!.origin_link_id,
      boundAt: BOUND_AT,
      alreadyBound: false
    })
  })

  it('treats a same-origin re-bind as success, keeping the one link', async () => {
    const first = await bind()
    expect(await bind()).toEqual(first) // the SaaS replays the answer for the same key
    saas.state.idempotency.clear() // the key's record expired: the SaaS answers from the link
    expect(await bind()).toMatchObject({ alreadyBound: true, originLinkId: first.originLinkId })
    expect(saas.state.links.size).toBe(1)
  })

  it('takes a bind whose answer named no link or time as a bind (nulls passed on)', async () => {
    saas.shapes = { bind: 'empty' }
    expect(await bind()).toMatchObject({ originLinkId: null, boundAt: null, alreadyBound: false })
  })

  it('fails with a conflict, handing back nothing, when the mission has another origin', async () => {
    await bind()
    const other = {
      ...candidate,
      external_issue_id: '5a7b9c1d-2e3f-4a5b-8c6d-7e8f9a0b1c2d',
      external_issue_key: 'WEB-124',
      url: 'https://linear.app/acme/issue/WEB-124/fix-checkout-button-alignment-on-safari'
    }
    await expect(bind({ candidate: other })).rejects.toMatchObject({
      code: 'saas-origin-conflict'
    })
    expect(saas.state.links.get(MISSION_ID)).toMatchObject({ external_issue_key: 'WEB-123' })
  })

  it('refuses a ticket without a URL without a hosted call', async () => {
    await expect(bind({ candidate: { ...candidate, url: '' } })).rejects.toMatchObject({
      code: 'mission-invalid',
      message: 'The ticket WEB-123 cannot be an origin: its external_issue_url is empty.'
    })
    expect(saas.requests).toEqual([])
  })

  it('uses the key as title when the ticket has none', async () => {
    const bound = await bind({ candidate: { ...candidate, title: ' ' } })
    expect(bound.originTicket.title).toBe('WEB-123')
  })
})
