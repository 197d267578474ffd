import { describe, expect, it } from '@jest/globals'
import { howToWork, pullRequestBody } from '../../src/flows/pull-request.js'
import type { MissionFromTicketResult } from '../../src/origin/models.js'

const mission: MissionFromTicketResult = {
  missionId: '01M0M9D8R83DDKSZ62QKGV3YW0',
  missionDir: 'kitty-specs/web-123-01M0M9D8',
  missionSlug: 'web-123-01M0M9D8',
  branch: 'kitty-origin/web-123-01M0M9D8',
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
  baseBranch: 'main'
}

describe('the provenance card', () => {
  it('heads its table with the ticket, not with an empty row', () => {
    const body = pullRequestBody(mission, { status: 'In Progress' }, provenance)
    const table = body.split('\n').filter(line => line.startsWith('|'))
    expect(table[0]).toBe('| Ticket | [WEB-123](https://linear.app/acme/issue/WEB-123) |')
    expect(table[1]).toBe('|:--|:--|')
    expect(table.every(row => !/^\|\s*\|\s*\|$/.test(row))).toBe(true)
    expect(table).toContain('| Source issue | #42 |')
  })
})

describe('howToWork', () => {
  const text = howToWork(mission, 'develop')

  it('says the pull request’s branch is the mission’s branch, where spec-kitty works', () => {
    expect(text).toContain(
      "This pull request's branch `kitty-origin/web-123-01M0M9D8` is the mission's branch (its `target_branch` in `meta.json`)"
    )
    expect(text).toContain(
      '1. Check out `kitty-origin/web-123-01M0M9D8` and run spec-kitty there: `/spec-kitty.specify` writes `kitty-specs/web-123-01M0M9D8/spec.md`'
    )
  })

  it('says spec-kitty merge lands into the branch and the PR lands the mission in the base', () => {
    expect(text).toContain(
      '2. `spec-kitty merge` lands the finished work packages into `kitty-origin/web-123-01M0M9D8`, not into `develop`.'
    )
    expect(text).toContain('3. Merge this pull request into `develop` when the mission is done.')
  })

  it('says how to go on after an early merge: the branch again from the base, a second PR', () => {
    expect(text).toContain(
      'Merged it early? Go on from the base with `git fetch --prune && git switch -c kitty-origin/web-123-01M0M9D8 origin/develop`'
    )
    expect(text).toContain('open a second pull request from that branch.')
  })
})

describe('pullRequestBody', () => {
  it('puts the provenance card first, then how to work on the mission', () => {
    const body = pullRequestBody(
      mission,
      { status: 'In Progress' },
      {
        requestedBy: 'ana',
        confirmedBy: 'ben',
        sourceIssue: { number: 42 },
        runUrl: 'https://github.com/acme/webapp/actions/runs/1',
        baseBranch: 'main'
      }
    )
    const provenance = body.indexOf('### Provenance')
    const how = body.indexOf('### How to work on this mission')
    expect(provenance).toBeGreaterThan(0)
    expect(how).toBeGreaterThan(provenance)
    expect(body.slice(how)).toContain(howToWork(mission, 'main'))
  })
})
