import { describe, expect, it, jest } from '@jest/globals'
import { bindMissionOrigin } from '../../src/origin/bind.js'
import { resolveTrackerBinding } from '../../src/origin/binding.js'
import { KittyError } from '../../src/errors.js'
import type { BindAnswer, BindMission, BindTicket, TrackerRoute } from '../../src/saas/types.js'

const binding = resolveTrackerBinding('tracker:\n  provider: linear\n  binding_ref: srm_01HX\n', {})
const candidate = {
  external_issue_id: 'lin-1',
  external_issue_key: 'WEB-123',
  title: 'Add Clerk auth',
  status: 'In Progress',
  url: 'https://linear.app/acme/issue/WEB-123',
  match_type: 'exact' as const
}
const input = {
  binding,
  candidate,
  resource: { resource_type: 'linear_team', resource_id: 'team-uuid' },
  missionId: '01M0M9D8R83DDKSZ62QKGV3YW0',
  missionSlug: 'web-123-01M0M9D8',
  repo: 'acme/webapp'
}

function fakeSaas(answer: () => Promise<BindAnswer>) {
  return {
    bindMissionOrigin:
      jest.fn<
        (route: TrackerRoute, mission: BindMission, ticket: BindTicket) => Promise<BindAnswer>
      >(answer)
  }
}

const LINK: BindAnswer = {
  originLinkId: 'ol_1',
  boundAt: '2026-04-01T12:00:00Z',
  alreadyBound: false
}

describe('bindMissionOrigin', () => {
  it('hands the SaaS client the binding, the mission and the ticket (it builds the wire)', async () => {
    const saas = fakeSaas(() => Promise.resolve(LINK))
    await bindMissionOrigin(input, saas)
    expect(saas.bindMissionOrigin).toHaveBeenCalledWith(
      binding,
      {
        repo: 'acme/webapp',
        missionId: '01M0M9D8R83DDKSZ62QKGV3YW0',
        missionSlug: 'web-123-01M0M9D8'
      },
      candidate
    )
  })

  it('hands back the seven-key origin_ticket only after the SaaS accepted the bind', async () => {
    const saas = fakeSaas(() => Promise.resolve(LINK))
    expect(await bindMissionOrigin(input, saas)).toEqual({
      originTicket: {
        external_issue_id: 'lin-1',
        external_issue_key: 'WEB-123',
        external_issue_url: 'https://linear.app/acme/issue/WEB-123',
        provider: 'linear',
        resource_id: 'team-uuid',
        resource_type: 'linear_team',
        // The raw title, the same string the bind sent as external_title.
        title: 'Add Clerk auth'
      },
      originLinkId: 'ol_1',
      boundAt: '2026-04-01T12:00:00Z',
      alreadyBound: false
    })
  })

  it('treats a same-origin re-bind as success', async () => {
    const saas = fakeSaas(() => Promise.resolve({ ...LINK, alreadyBound: true }))
    expect((await bindMissionOrigin(input, saas)).alreadyBound).toBe(true)
  })

  it('takes a bind whose answer named no link or time as a bind (nulls passed on)', async () => {
    const saas = fakeSaas(() =>
      Promise.resolve({ originLinkId: null, boundAt: null, alreadyBound: false })
    )
    expect(await bindMissionOrigin(input, saas)).toMatchObject({
      originLinkId: null,
      boundAt: null
    })
  })

  it('passes a conflict through as a hard error', async () => {
    const conflict = new KittyError('saas-origin-conflict', 'A different ticket is already bound.')
    const saas = fakeSaas(() => Promise.reject(conflict))
    await expect(bindMissionOrigin(input, saas)).rejects.toBe(conflict)
  })

  it('refuses a ticket without a URL before calling the SaaS', async () => {
    const saas = fakeSaas(() => Promise.resolve(LINK))
    await expect(
      bindMissionOrigin({ ...input, candidate: { ...candidate, url: '' } }, saas)
    ).rejects.toMatchObject({
      code: 'mission-invalid',
      message: 'The ticket WEB-123 cannot be an origin: its external_issue_url is empty.'
    })
    expect(saas.bindMissionOrigin).not.toHaveBeenCalled()
  })

  it('uses the key as title when the ticket has none', async () => {
    const saas = fakeSaas(() => Promise.resolve(LINK))
    const bound = await bindMissionOrigin(
      { ...input, candidate: { ...candidate, title: ' ' } },
      saas
    )
    expect(bound.originTicket.title).toBe('WEB-123')
  })
})
