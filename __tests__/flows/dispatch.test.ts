import { describe, expect, it } from '@jest/globals'
import { findStateMarker } from '../../src/chatops/state.js'
import { summaryMarkdown } from '../../src/summary.js'
import { useBot } from '../../__fixtures__/sandbox/bot.js'
import { missionBranches } from '../../__fixtures__/sandbox/views.js'
import { BIND, SEARCH } from '../../__fixtures__/sandbox/saas.js'

const bot = useBot()

function allReactions(): string[] {
  return [...bot.github.repo('acme/webapp').comments.values()].flatMap(comment =>
    comment.reactions.map(reaction => reaction.content)
  )
}

describe('workflow_dispatch without confirm', () => {
  it('searches and reports the candidates in the job summary, posting nothing', async () => {
    const report = await bot.dispatch('ana', { query: 'auth' })
    expect(report).toMatchObject({ state: 'candidates-posted', query: 'auth', dryRun: false })
    expect(report.issueNumber).toBeUndefined()
    expect(report.candidates?.map(candidate => candidate.external_issue_key)).toContain('WEB-123')
    expect(summaryMarkdown(report)).toContain(
      '| 1 | [WEB-123](https://linear.app/acme/issue/WEB-123/add-clerk-auth) | Add Clerk auth |'
    )
    expect(bot.github.comments('acme/webapp', 42)).toEqual([])
    expect(bot.saasCalls(SEARCH)).toBe(1)
  })

  it('says in the job summary when the list is as long as the limit', async () => {
    const full = await bot.dispatch('ana', { query: 'auth' }, { 'candidate-limit': '3' })
    expect(summaryMarkdown(full)).toContain(
      'These are the first 3 matches; there may be more. To narrow the search, run again with ' +
        'more words or the ticket key as `query`.'
    )
    const short = await bot.dispatch('ana', { query: 'auth' }, { 'candidate-limit': '4' })
    expect(summaryMarkdown(short)).not.toContain('there may be more')
  })

  it('posts a signed list on issue-number, so the dispatcher can confirm it in a comment', async () => {
    const listed = await bot.dispatch('ana', { query: 'WEB-123', 'issue-number': '42' })
    expect(listed).toMatchObject({ state: 'candidates-posted', issueNumber: 42 })
    const list = bot.botBodies()
    expect(list).toHaveLength(1)
    expect(list[0]).toContain('Tickets matching WEB-123 in Linear team acme-web')
    expect(findStateMarker(list[0]!)).not.toBeNull()

    const confirmed = await bot.say('ana', '/kitty confirm 1')
    expect(confirmed.state).toBe('mission-created')
    expect(bot.botBodies()[0]).toContain(`Mission \`${confirmed.mission!.slug}\` started`)
  })

  it('makes the dispatcher the requester of the posted list', async () => {
    await bot.dispatch('ana', { query: 'WEB-123', 'issue-number': '42' })
    const report = await bot.say('ben', '/kitty confirm 1')
    expect(report.error?.message).toContain('asked for by @ana')
  })
})

describe('workflow_dispatch with confirm', () => {
  it('creates the mission and its PR, naming the run as the source when there is no issue', async () => {
    const report = await bot.dispatch('ana', { query: 'Clerk auth', confirm: 'web-123' })
    expect(report).toMatchObject({ state: 'mission-created', query: 'Clerk auth' })
    expect(report.issueNumber).toBeUndefined()
    const mission = report.mission!
    expect(mission.slug).toMatch(/^web-123-[0-9A-HJKMNP-TV-Z]{8}$/)
    expect(missionBranches(bot)).toEqual([`refs/heads/${mission.branch}`])
    expect(bot.saasCalls(BIND)).toBe(1)
    expect(report.originTicket).toMatchObject({
      external_issue_key: 'WEB-123',
      origin_link_id: expect.stringMatching(/^oml_/)
    })

    const pull = bot.pullRequest(report.pullRequest!.number)!
    expect(pull).toMatchObject({
      title: 'Start mission from WEB-123: Add Clerk auth',
      head: mission.branch,
      base: 'main'
    })
    expect(pull.body).toContain(
      '| Source | [workflow\\_dispatch run](https://github.com/acme/webapp/actions/runs/1) |'
    )
    expect(pull.body).toContain('| Requested by | @ana |')
    expect(bot.github.comments('acme/webapp', 42)).toEqual([])
    expect(allReactions()).toEqual([])
  })

  it('replies on issue-number with the mission and names the issue in the PR', async () => {
    const report = await bot.dispatch('ana', {
      query: 'WEB-123',
      confirm: 'WEB-123',
      'issue-number': '42'
    })
    expect(report).toMatchObject({ state: 'mission-created', issueNumber: 42 })
    expect(bot.botBodies()).toEqual([
      `🚀 Mission \`${report.mission!.slug}\` started from WEB-123 → ` +
        `[PR #${report.pullRequest!.number}](${report.pullRequest!.url})`
    ])
    expect(bot.pullRequest(report.pullRequest!.number)!.body).toContain('| Source issue | #42 |')
  })

  it('refuses a key that is not among the fresh results, before any write', async () => {
    const report = await bot.dispatch('ana', { query: 'WEB-123', confirm: 'WEB-124' })
    expect(report).toMatchObject({ state: 'refused', error: { code: 'candidate-not-listed' } })
    expect(report.error?.message).toMatch(/^WEB-124 is not among the results for WEB-123;/)
    expect(bot.saasCalls(BIND)).toBe(0)
    expect(missionBranches(bot)).toEqual([])
  })

  it('fails on a base branch that does not exist, before any write', async () => {
    const report = await bot.dispatch(
      'ana',
      { query: 'WEB-123', confirm: 'WEB-123' },
      { 'base-branch': 'release', provider: 'linear', 'project-slug': 'acme-web' }
    )
    expect(report.error).toEqual({
      code: 'github-error',
      message:
        'The branch release does not exist in this repository, so kitty-origin could not read .kittify/config.yaml; create it or check the base-branch input.'
    })
    expect(bot.saasCalls(BIND)).toBe(0)
    expect(missionBranches(bot)).toEqual([])
  })

  it('still reports the refusal when issue-number cannot take the reply', async () => {
    const report = await bot.dispatch('ana', {
      query: 'WEB-123',
      confirm: 'WEB-124',
      'issue-number': '999'
    })
    expect(report).toMatchObject({
      state: 'refused',
      issueNumber: 999,
      error: { code: 'candidate-not-listed' }
    })
  })

  it('tells issue-number why it refused, with the input as code', async () => {
    await bot.dispatch('ana', { query: 'WEB-123', confirm: 'WEB-124', 'issue-number': '42' })
    expect(bot.botBodies()).toEqual([
      '😕 WEB-124 is not among the results for WEB-123; run without `confirm` to see them, ' +
        'or search for the key itself.'
    ])
  })

  it('tells issue-number why it failed, with the run link', async () => {
    await bot.dispatch(
      'ana',
      { query: 'WEB-123', confirm: 'WEB-123', 'issue-number': '42' },
      { 'base-branch': 'release', provider: 'linear', 'project-slug': 'acme-web' }
    )
    const [reply] = bot.botBodies()
    expect(reply).toContain('The branch release does not exist')
    expect(reply).toContain('https://github.com/acme/webapp/actions/runs/1')
  })
})

describe('workflow_dispatch inputs', () => {
  it('fails when the workflow does not pass the query input: its configuration is wrong', async () => {
    const report = await bot.dispatch('ana', {})
    expect(report).toMatchObject({
      state: 'failed',
      error: { code: 'input-invalid', message: 'Input `query` is required for workflow_dispatch.' }
    })
  })

  it.each([
    [
      { query: '"Clerk auth' },
      'The query input is not usable: The quoted query is missing its closing quote.'
    ],
    [
      { query: 'gitlab:WEB-1' },
      'The query input is not usable: "gitlab" is not a tracker; write linear: or jira: before the key.'
    ],
    [
      { query: 'WEB-123', confirm: '1' },
      'The confirm input must be the key of a ticket from the search results, such as WEB-123.'
    ]
  ])('refuses %j with the sentence a comment would get', async (inputs, message) => {
    const report = await bot.dispatch('ana', inputs)
    expect(report).toMatchObject({ state: 'refused', error: { code: 'command-invalid', message } })
    expect(bot.saasCalls(SEARCH)).toBe(0)
  })

  it('names the same problem as the help reply to the same query in a comment', async () => {
    await bot.say('ana', '/kitty start-from "Clerk auth')
    const dispatched = await bot.dispatch('ana', { query: '"Clerk auth' })
    const problem = dispatched.error!.message.replace('The query input is not usable: ', '')
    expect(bot.botBodies()[0]).toContain(`😕 ${problem}`)
  })
})

describe('workflow_dispatch permission', () => {
  it('denies a reader without searching, commenting or reacting', async () => {
    const report = await bot.dispatch('carl', { query: 'WEB-123' })
    expect(report).toMatchObject({ state: 'denied', reason: expect.stringContaining('@carl') })
    expect(report.issueNumber).toBeUndefined()
    expect(bot.saasCalls(SEARCH)).toBe(0)
    expect(bot.github.comments('acme/webapp', 42)).toEqual([])
  })

  it('denies when the permission cannot be read (fail closed)', async () => {
    bot.github.faults.add({
      path: /\/collaborators\/ana\/permission$/,
      status: 403,
      body: { message: 'Resource not accessible by integration' }
    })
    const report = await bot.dispatch('ana', { query: 'WEB-123' })
    expect(report).toMatchObject({ state: 'denied', reason: expect.stringContaining('none') })
    expect(bot.saasCalls(SEARCH)).toBe(0)
  })

  it('tells issue-number about the denial, still without reactions', async () => {
    const report = await bot.dispatch('carl', {
      query: 'WEB-123',
      confirm: 'WEB-123',
      'issue-number': '42'
    })
    expect(report).toMatchObject({ state: 'denied', issueNumber: 42 })
    expect(bot.botBodies()).toHaveLength(1)
    expect(bot.botBodies()[0]).toContain('**write** permission')
    expect(allReactions()).toEqual([])
    expect(bot.saasCalls(BIND)).toBe(0)
  })
})
