import { describe, expect, it } from '@jest/globals'
import {
  chosenKey,
  renderCancelled,
  renderCancelledCandidateComment,
  renderCandidateComment,
  renderConsumedCandidateComment,
  renderDenied,
  renderFailure,
  renderHelp,
  renderMissionStarted,
  renderRefusal
} from '../../src/chatops/render.js'
import type { ConsumedState } from '../../src/chatops/render.js'
import type { CandidateState } from '../../src/chatops/state.js'
import { candidate, candidateState } from './fixtures.js'

const MARKER = '<!-- kitty-origin:state v1 cGF5bG9hZA.c2lnbmF0dXJl -->'
const Z = '&#8203;'

const input = (s: CandidateState) => ({
  state: s,
  marker: MARKER,
  prefix: '/kitty',
  scopeLabel: 'team acme-web'
})

/** The table rows of a comment (lines starting with `|`). */
function tableRows(body: string): string[] {
  return body.split('\n').filter(line => line.startsWith('|'))
}

/** Cell separators GitHub would see: pipes not escaped by a backslash. */
function separators(row: string): number {
  return (row.match(/(?<!\\)\|/g) ?? []).length
}

describe('renderCandidateComment', () => {
  it('shows the heading, one table row per candidate and the reply line of DESIGN §1', () => {
    const body = renderCandidateComment(input(candidateState([candidate()])))
    expect(body).toContain('**Tickets matching WEB-123 in Linear team acme-web**')
    expect(tableRows(body)).toEqual([
      '| # | ticket | title | status |',
      '|--:|---|---|---|',
      '| 1 | [WEB-123](https://linear.app/acme/issue/WEB-123) | Add Clerk auth | In Progress |'
    ])
    expect(body).not.toMatch(/exact|match \|/)
    expect(body).toContain(
      'Reply `/kitty confirm 1` to start a mission from it, or `/kitty cancel`.'
    )
    expect(body).toContain('This list can be confirmed until 2026-04-02 12:00 UTC.')
  })

  it('puts the marker last, after a blank line, so it is an invisible HTML block', () => {
    const body = renderCandidateComment(input(candidateState([candidate()])))
    expect(body.endsWith(`\n\n${MARKER}`)).toBe(true)
    expect(body.indexOf(MARKER)).toBe(body.lastIndexOf('<!--'))
  })

  it('numbers several candidates and says any row number may be confirmed', () => {
    const body = renderCandidateComment(
      input(
        candidateState([
          candidate(),
          candidate({ external_issue_key: 'WEB-124', match_type: 'text' })
        ])
      )
    )
    expect(
      tableRows(body)
        .slice(2)
        .map(row => row.slice(0, 5))
    ).toEqual(['| 1 |', '| 2 |'])
    expect(body).toContain('Reply `/kitty confirm 1` (or another row number)')
  })

  it('uses the configured prefix in every command it suggests', () => {
    const body = renderCandidateComment({ ...input(candidateState([candidate()])), prefix: '!bot' })
    expect(body).toContain('`!bot confirm 1`')
    expect(body).toContain('`!bot cancel`')
    expect(body).not.toContain('/kitty')
  })

  it('keeps the table intact and silent whatever the ticket says', () => {
    const hostile = candidate({
      external_issue_key: 'WEB-1|x',
      title: 'a | b\n| 9 | fake row |\n<!-- x --> @ana #1 [x](javascript:y) `c`',
      status: 'Done | @team',
      url: 'javascript:alert(1)'
    })
    const body = renderCandidateComment(input(candidateState([hostile])))
    const rows = tableRows(body)
    expect(rows).toHaveLength(3)
    expect(rows.map(separators)).toEqual([5, 5, 5])
    expect(rows[2]).not.toMatch(/@ana|#1|<!--|(?<!\\)\]\(/)
    expect(rows[2]).toContain(`@${Z}ana`)
    expect(rows[2]).toContain('WEB-1\\|x')
    expect(body.match(/<!--/g)).toHaveLength(1)
  })

  it('escapes the query and the scope in the heading', () => {
    const body = renderCandidateComment({
      ...input(candidateState([candidate()], { query: '<b>@ana</b>' })),
      scopeLabel: 'team *x*'
    })
    expect(body).toContain(
      `**Tickets matching &lt;b&gt;@${Z}ana&lt;/b&gt; in Linear team \\*x\\***`
    )
  })

  it('leaves out an empty scope label', () => {
    const body = renderCandidateComment({
      ...input(candidateState([candidate()], { provider: 'jira' })),
      scopeLabel: ''
    })
    expect(body).toContain('**Tickets matching WEB-123 in Jira**')
  })

  it('says when nothing matched and suggests another query, still carrying the marker', () => {
    const body = renderCandidateComment(input(candidateState([], { query: 'Clerk auth' })))
    expect(body).toContain('**No tickets match Clerk auth in Linear team acme-web.**')
    expect(body).toContain('`/kitty start-from "other words"`')
    expect(body).toContain('`/kitty start-from WEB-123`')
    expect(tableRows(body)).toEqual([])
    expect(body.endsWith(`\n\n${MARKER}`)).toBe(true)
  })

  it('says a list as long as the limit may have left tickets out, and how to narrow the search', () => {
    const three = [candidate(), candidate(), candidate()]
    const full = renderCandidateComment({ ...input(candidateState(three)), limit: 3 })
    expect(full).toContain('These are the first 3 matches; there may be more.')
    expect(full).toContain('`/kitty start-from "Clerk auth login"`')
    const short = renderCandidateComment({ ...input(candidateState(three)), limit: 4 })
    expect(short).not.toContain('there may be more')
    expect(renderCandidateComment(input(candidateState(three)))).not.toContain('there may be more')
  })

  it('suggests a Jira-shaped key for Jira', () => {
    const body = renderCandidateComment(input(candidateState([], { provider: 'jira' })))
    expect(body).toContain('`/kitty start-from PROJ-7`')
  })

  it('stays under the comment limit with the marker whole', () => {
    const many = Array.from({ length: 50 }, () =>
      candidate({ title: '<'.repeat(120), status: '|'.repeat(40) })
    )
    const bigMarker = `<!-- kitty-origin:state v1 ${'A'.repeat(40_000)}.sig -->`
    const body = renderCandidateComment({ ...input(candidateState(many)), marker: bigMarker })
    expect(body.length).toBeLessThanOrEqual(65_000)
    expect(body.endsWith(bigMarker)).toBe(true)
    expect(body).toContain('_(truncated)_')
  })
})

describe('renderConsumedCandidateComment', () => {
  const consumed: ConsumedState = {
    ...candidateState([candidate()], { status: 'consumed' }),
    mission_slug: 'web-123-01M0M9D8',
    pull_request: { number: 43, url: 'https://github.com/acme/web/pull/43' }
  }

  it('keeps the table, replaces the reply line with the mission and PR, and ends with the marker', () => {
    const body = renderConsumedCandidateComment({
      state: consumed,
      marker: MARKER,
      scopeLabel: 'team acme-web'
    })
    expect(tableRows(body)).toHaveLength(3)
    expect(body).toContain(
      '✅ Mission `web-123-01M0M9D8` started from WEB-123 → [PR #43](https://github.com/acme/web/pull/43)'
    )
    expect(body).not.toContain('Reply')
    expect(body.endsWith(`\n\n${MARKER}`)).toBe(true)
  })

  it('names the PR without a link when its URL is not http(s)', () => {
    const body = renderConsumedCandidateComment({
      state: { ...consumed, pull_request: { number: 43, url: 'javascript:x' } },
      marker: MARKER,
      scopeLabel: ''
    })
    expect(body).toContain('started from WEB-123 → PR #43')
    expect(body).not.toContain('javascript')
  })

  it.each([
    [
      'names the chosen ticket, not the first one',
      { chosen_issue_id: 'b7' },
      'started from WEB-127 →'
    ],
    [
      'names no ticket when a list of several did not record the choice',
      {},
      '✅ Mission `web-123-01M0M9D8` started →'
    ]
  ])('%s', (_name, choice, shown) => {
    const body = renderConsumedCandidateComment({
      state: {
        ...consumed,
        candidates: [
          candidate(),
          candidate({ external_issue_id: 'b7', external_issue_key: 'WEB-127' })
        ],
        ...choice
      },
      marker: MARKER,
      scopeLabel: ''
    })
    expect(body).toContain(shown)
  })
})

describe('chosenKey', () => {
  const two = [candidate(), candidate({ external_issue_id: 'b7', external_issue_key: 'WEB-127' })]

  it('is the recorded choice, the only candidate, or nothing', () => {
    expect(chosenKey(candidateState(two, { chosen_issue_id: 'b7' }))).toBe('WEB-127')
    expect(chosenKey(candidateState([candidate()]))).toBe('WEB-123')
    expect(chosenKey(candidateState(two))).toBeUndefined()
    expect(chosenKey(candidateState(two, { chosen_issue_id: 'gone' }))).toBeUndefined()
  })
})

describe('renderCancelledCandidateComment', () => {
  it('keeps the table, says it is cancelled, tells how to start again, and ends with the marker', () => {
    const body = renderCancelledCandidateComment(
      input(candidateState([candidate()], { status: 'cancelled' }))
    )
    expect(tableRows(body)).toHaveLength(3)
    expect(body).toContain(
      '❎ Cancelled. Start again with `/kitty start-from <ticket key or words>`.'
    )
    expect(body).not.toContain('Reply')
    expect(body.endsWith(`\n\n${MARKER}`)).toBe(true)
  })
})

describe('renderHelp', () => {
  it('lists every command with the configured prefix', () => {
    const body = renderHelp('/bot')
    for (const usage of [
      'start-from WEB-123',
      'start-from linear:WEB-123',
      'start-from jira:PROJ-7',
      'start-from "Clerk auth"',
      'confirm 2',
      'confirm WEB-127',
      'cancel',
      'help'
    ]) {
      expect(body).toContain(`\`/bot ${usage}\``)
    }
    expect(body).not.toContain('⚠️')
  })

  it('shows a prefix with backticks and pipes intact inside its code spans', () => {
    expect(renderHelp('`k|')).toContain('- `` `k| cancel ``: close the open list.')
  })

  it('leads with the problem, escaped', () => {
    const body = renderHelp('/kitty', '"@ana" is not a command; the commands are listed below.')
    expect(body.startsWith(`⚠️ "@${Z}ana" is not a command`)).toBe(true)
  })

  it('shows code in the problem as code', () => {
    const body = renderHelp('/kitty', 'Write `start-from` before the key.')
    expect(body.startsWith('⚠️ Write `start-from` before the key.')).toBe(true)
  })
})

describe('renderDenied', () => {
  it('names the login without pinging it and the permission needed', () => {
    expect(renderDenied('ana', 'write')).toBe(
      `🔒 @${Z}ana, kitty-origin commands need **write** permission on this repository or ` +
        'higher. Ask someone with that access to run the command.'
    )
  })
})

describe('renderFailure', () => {
  it('gives the escaped cause and links the run', () => {
    const body = renderFailure(
      'Ticket <WEB-1> changed @ana',
      'https://github.com/acme/web/actions/runs/1'
    )
    expect(body).toBe(
      `😕 kitty-origin could not finish: Ticket &lt;WEB-1&gt; changed @${Z}ana\n\n` +
        'Details are in the [run log](https://github.com/acme/web/actions/runs/1).'
    )
  })

  it('does not link a run URL that is not http(s)', () => {
    expect(renderFailure('x', 'javascript:alert(1)')).toContain('Details are in the run log.')
  })

  it('shows the code of a sentence as code, not as escaped backticks', () => {
    const body = renderFailure(
      'The SaaS rejected the token; rotate the `saas-token` secret.',
      'https://github.com/acme/web/actions/runs/1'
    )
    expect(body).toContain('rotate the `saas-token` secret.')
    expect(body).not.toContain('\\`')
  })
})

describe('renderRefusal', () => {
  it('says why with the code as code and the words around it escaped', () => {
    expect(
      renderRefusal('@ana asked <first>; run `/kitty start-from <ticket key or words>` again.')
    ).toBe(
      `😕 @${Z}ana asked &lt;first&gt;; run \`/kitty start-from <ticket key or words>\` again.`
    )
  })

  it('adds the usage of every command when asked to', () => {
    const body = renderRefusal('There is no candidate 0; use a row number from 1 to 50.', '/k')
    expect(body.startsWith('😕 There is no candidate 0; use a row number from 1 to 50.\n\n')).toBe(
      true
    )
    expect(body).toContain('`/k confirm 2`')
  })
})

describe('renderCancelled', () => {
  it('names the cancelled list and how to start again', () => {
    expect(renderCancelled({ query: 'Clerk @ana' }, '/kitty')).toBe(
      `❎ Cancelled the list of tickets matching Clerk @${Z}ana; nothing was started. ` +
        'Start again with `/kitty start-from <ticket key or words>`.'
    )
  })
})

describe('renderMissionStarted', () => {
  const base = {
    missionSlug: 'web-123-01M0M9D8',
    key: 'WEB-123',
    prUrl: 'https://github.com/acme/web/pull/43',
    prNumber: 43
  }

  it('links the open pull requests of earlier missions from the same ticket, five at most', () => {
    const others = Array.from({ length: 7 }, (_, i) => ({
      number: 10 + i,
      url: `https://github.com/acme/web/pull/${10 + i}`
    }))
    const text = renderMissionStarted({ ...base, otherMissions: others })
    expect(text).toContain(
      '\n\nℹ️ WEB-123 already has a mission in progress: [PR #10](https://github.com/acme/web/pull/10), '
    )
    expect(text).toContain('[PR #14]')
    expect(text).not.toContain('[PR #15]')
  })

  it('announces a new mission with its ticket and PR', () => {
    expect(renderMissionStarted(base)).toBe(
      '🚀 Mission `web-123-01M0M9D8` started from WEB-123 → [PR #43](https://github.com/acme/web/pull/43)'
    )
  })

  it('says when the mission already existed', () => {
    expect(renderMissionStarted({ ...base, existing: true })).toBe(
      'ℹ️ Mission `web-123-01M0M9D8` for WEB-123 already exists → [PR #43](https://github.com/acme/web/pull/43)'
    )
  })

  it('escapes the key and slug', () => {
    const body = renderMissionStarted({ ...base, key: '@ana|#1', missionSlug: 'a`b' })
    expect(body).toContain(`@${Z}ana\\|#${Z}1`)
    expect(body).toContain('``a`b``')
  })
})
