import { describe, expect, it } from '@jest/globals'
import { pullRequestBody } from '../../src/flows/pull-request.js'
import type { MissionFromTicketResult } from '../../src/origin/models.js'

const mission: MissionFromTicketResult = {
  missionId: '01M0M9D8R83DDKSZ62QKGV3YW0',
  missionDir: 'kitty-specs/web-123-01M0M9D8',
  missionSlug: 'web-123-01M0M9D8',
  branch: 'kitty/mission-web-123-01M0M9D8',
  commitSha: null,
  originTicket: {
    external_issue_id: 'lin-1',
    external_issue_key: 'WEB-123',
    external_issue_url: 'https://linear.app/acme/issue/WEB-123',
    provider: 'linear',
    resource_id: 'team',
    resource_type: 'linear_team',
    title: 'Add Clerk auth'
  },
  originLinkId: 'oml_1',
  boundAt: '2026-11-25T08:00:00Z',
  alreadyBound: false,
  eventEmitted: false
}

const provenance = {
  requestedBy: 'ana',
  confirmedBy: 'ana',
  sourceIssue: { number: 42 },
  runUrl: 'https://github.com/acme/webapp/actions/runs/1',
  targetBranch: 'main'
}

describe('the provenance card', () => {
  it('heads its table with the ticket, not with an empty row', () => {
    const body = pullRequestBody(mission, { status: 'In Progress' }, provenance)
    const table = body.split('\n').filter(line => line.startsWith('|'))
    expect(table[0]).toBe('| Ticket | [WEB-123](https://linear.app/acme/issue/WEB-123) |')
    expect(table[1]).toBe('|---|---|')
    expect(table.every(row => !/^\|\s*\|\s*\|$/.test(row))).toBe(true)
    expect(table).toContain('| Source issue | #42 |')
  })
})
