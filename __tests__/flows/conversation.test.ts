import { describe, expect, it } from '@jest/globals'
import { useBot } from '../../__fixtures__/sandbox/bot.js'
import { missionBranches } from '../../__fixtures__/sandbox/views.js'
import { BIND, SEARCH } from '../../__fixtures__/sandbox/saas.js'
import { findStateMarker } from '../../src/chatops/state.js'

const bot = useBot()

function newestBotComment(): string {
  return bot.botBodies().at(-1) ?? ''
}

describe('start-from', () => {
  it('posts the candidates for a key with a signed list and reacts 👀', async () => {
    const report = await bot.say('ana', '/kitty start-from WEB-123')
    expect(report).toMatchObject({ state: 'candidates-posted', query: 'WEB-123', issueNumber: 42 })
    expect(report.candidates?.[0]).toMatchObject({
      external_issue_key: 'WEB-123',
      match_type: 'exact'
    })
    const comment = newestBotComment()
    expect(comment).toContain('Tickets matching WEB-123 in Linear team acme-web')
    expect(comment).toContain(
      '| 1 | [WEB-123](https://linear.app/acme/issue/WEB-123/add-clerk-auth) | Add Clerk auth |'
    )
    expect(findStateMarker(comment)).not.toBeNull()
    const commandId = bot.github
      .comments('acme/webapp', 42)
      .find(c => c.body.startsWith('/kitty'))!.id
    expect(bot.reactions(commandId)).toEqual(['eyes'])
  })

  it('searches free text and lists the ranked matches', async () => {
    const report = await bot.say('ana', '/kitty start-from "Clerk auth"')
    expect(report.state).toBe('candidates-posted')
    expect(report.candidates?.length).toBeGreaterThan(0)
    expect(report.candidates?.every(candidate => candidate.match_type === 'text')).toBe(true)
  })

  it('says so when nothing matches, naming the query and the scope', async () => {
    const report = await bot.say('ana', '/kitty start-from zzzz qqqq')
    expect(report).toMatchObject({ state: 'candidates-posted', candidates: [] })
    expect(newestBotComment()).toContain('No tickets match zzzz qqqq in Linear team acme-web')
  })

  it('denies a reader without calling the SaaS, with 👎 and one reply naming the permission', async () => {
    const report = await bot.say('carl', '/kitty start-from WEB-123')
    expect(report.state).toBe('denied')
    expect(bot.saasCalls(SEARCH)).toBe(0)
    expect(newestBotComment()).toMatch(/write/)
    const commandId = bot.github.comments('acme/webapp', 42).at(-2)!.id
    expect(bot.reactions(commandId)).toEqual(['-1'])
  })

  it('answers help and unknown verbs with the usage', async () => {
    expect((await bot.say('ana', '/kitty help')).state).toBe('help')
    expect(newestBotComment()).toContain('start-from WEB-123')
    const unknown = await bot.say('ana', '/kitty frobnicate')
    expect(unknown.state).toBe('help')
  })

  it('reports a SaaS failure with 😕, the contract sentence and state failed', async () => {
    bot.saas.faults.add({
      path: SEARCH,
      status: 401,
      body: { error_code: 'token_expired', message: 'expired' }
    })
    const report = await bot.say('ana', '/kitty start-from WEB-123')
    expect(report.state).toBe('failed')
    expect(report.error?.code).toBe('saas-unauthorized')
    expect(newestBotComment()).toContain('saas-token')
  })

  it('ignores comments without a command', async () => {
    expect((await bot.say('ana', 'just chatting about /kitty things')).state).toBe('ignored')
    expect(bot.botBodies()).toEqual([])
  })
})

describe('confirm', () => {
  it('creates the branch, the mission files, the PR, the consumed list and the reply', async () => {
    await bot.say('ana', '/kitty start-from WEB-123')
    const report = await bot.say('ana', '/kitty confirm 1')
    expect(report.state).toBe('mission-created')
    const mission = report.mission!
    expect(mission.branch).toBe(`kitty-origin/${mission.slug}`)
    expect(mission.slug).toMatch(/^web-123-[0-9A-HJKMNP-TV-Z]{8}$/)
    expect(bot.saasCalls(BIND)).toBe(1)

    const meta = JSON.parse(
      bot.github.readFile('acme/webapp', mission.branch, `${mission.dir}/meta.json`)!
    ) as Record<string, unknown>
    expect(meta).toMatchObject({
      mission_id: mission.id,
      mission_slug: mission.slug,
      topology: 'single_branch',
      target_branch: mission.branch,
      origin_ticket: {
        external_issue_key: 'WEB-123',
        provider: 'linear',
        resource_type: 'linear_team'
      }
    })
    for (const file of [
      'spec.md',
      'status.events.jsonl',
      'status.json',
      'tasks/README.md',
      'checklists/.gitkeep',
      'research/.gitkeep'
    ]) {
      expect(
        bot.github.readFile('acme/webapp', mission.branch, `${mission.dir}/${file}`)
      ).toBeDefined()
    }

    const pull = bot.pullRequest(report.pullRequest!.number)!
    expect(pull).toMatchObject({
      title: 'Start mission from WEB-123: Add Clerk auth',
      head: mission.branch,
      base: 'main'
    })
    for (const text of ['oml_', mission.id, '@ana', '#42', '/spec-kitty.specify'])
      expect(pull.body).toContain(text)

    const comments = bot.botBodies()
    expect(comments[0]).toContain(`Mission \`${mission.slug}\` started`)
    expect(comments.at(-1)).toContain(`started from WEB-123`)
    const confirmId = bot.github
      .comments('acme/webapp', 42)
      .filter(c => c.body === '/kitty confirm 1')[0]!.id
    expect(bot.reactions(confirmId)).toEqual(['eyes', 'rocket'])
  })

  it('starts a second mission from a new list for the same ticket, linking the open one', async () => {
    await bot.say('ana', '/kitty start-from WEB-123')
    const first = await bot.say('ana', '/kitty confirm 1')
    bot.now.ms += 60_000
    await bot.say('ana', '/kitty start-from WEB-123')
    const second = await bot.say('ana', '/kitty confirm 1')
    expect(second.state).toBe('mission-created')
    expect(second.mission?.id).not.toBe(first.mission?.id)
    const reply = newestBotComment()
    expect(reply).toContain(`started from WEB-123 → [PR #${second.pullRequest!.number}]`)
    expect(reply).toContain(
      `WEB-123 already has a mission in progress: [PR #${first.pullRequest!.number}](${first.pullRequest!.url})`
    )
  })

  it('confirms by key, and honours pr-draft and pr-labels', async () => {
    await bot.say('ana', '/kitty start-from auth')
    const report = await bot.say('ana', '/kitty confirm web-123', {
      'pr-draft': 'true',
      'pr-labels': 'mission, spec'
    })
    expect(report.state).toBe('mission-created')
    const pull = bot.pullRequest(report.pullRequest!.number)!
    expect(pull.draft).toBe(true)
    expect(pull.labels.sort()).toEqual(['mission', 'spec'])
  })

  it('is idempotent: a re-run of a finished confirm makes no second branch or PR', async () => {
    await bot.say('ana', '/kitty start-from WEB-123')
    const first = await bot.say('ana', '/kitty confirm 1')
    const again = await bot.rerun(bot.lastPayload, 'ana')
    expect(again).toMatchObject({ state: 'mission-exists', pullRequest: first.pullRequest })
    expect(missionBranches(bot)).toEqual([`refs/heads/${first.mission!.branch}`])
    expect(bot.github.repo('acme/webapp').pulls.size).toBe(1)
  })

  it('refuses a confirm from someone who did not ask', async () => {
    await bot.say('ana', '/kitty start-from WEB-123')
    const report = await bot.say('ben', '/kitty confirm 1')
    expect(report).toMatchObject({ state: 'refused', error: { code: 'not-requester' } })
    expect(report.error?.message).toContain('asked for by @ana, and only they can confirm it')
    expect(newestBotComment()).toContain('To start a mission yourself, run `/kitty start-from')
    expect(missionBranches(bot)).toEqual([])
  })

  it('lets any writer confirm with confirm-by any-writer', async () => {
    await bot.say('ana', '/kitty start-from WEB-123')
    expect((await bot.say('ben', '/kitty confirm 1', { 'confirm-by': 'any-writer' })).state).toBe(
      'mission-created'
    )
  })

  it('says there is nothing to confirm after a cancel', async () => {
    await bot.say('ana', '/kitty start-from WEB-123')
    expect((await bot.say('ana', '/kitty cancel')).state).toBe('cancelled')
    expect(bot.botBodies()[0]).toContain('Cancelled')
    const report = await bot.say('ana', '/kitty confirm 1')
    expect(report).toMatchObject({ state: 'refused', error: { code: 'list-cancelled' } })
    expect(newestBotComment()).toContain(
      'search again with `/kitty start-from <ticket key or words>`'
    )
    expect(bot.saasCalls(BIND)).toBe(0)
  })

  it('refuses an expired list', async () => {
    await bot.say('ana', '/kitty start-from WEB-123')
    bot.now.ms += 25 * 3_600_000
    const report = await bot.say('ana', '/kitty confirm 1')
    expect(report).toMatchObject({ state: 'refused', error: { code: 'list-expired' } })
    expect(report.error?.message).toContain('expired')
  })

  it('ignores a marker forged in a person’s comment', async () => {
    await bot.say('ana', '/kitty start-from WEB-123')
    const real = bot.botBodies()[0]!
    bot.github.repo('acme/webapp').comments.clear()
    bot.github.addComments('acme/webapp', 42, [{ user: 'ana', body: real }])
    const report = await bot.say('ana', '/kitty confirm 1')
    expect(report).toMatchObject({ state: 'refused', error: { code: 'list-not-found' } })
    expect(report.error?.message).toContain('no candidate list')
  })

  it('refuses a bot comment someone edited', async () => {
    await bot.say('ana', '/kitty start-from WEB-123')
    const listComment = bot.botComments()[0]!
    const stored = bot.github.repo('acme/webapp').comments.get(listComment.id)!
    stored.body = stored.body.replace('WEB-123', 'WEB-124')
    const tampered = stored.body.replace(/v1 ([A-Za-z0-9_-]+)\./, (_all, payload: string) => {
      const json = Buffer.from(payload, 'base64url')
        .toString('utf8')
        .replace('Add Clerk auth', 'Pwned')
      return `v1 ${Buffer.from(json).toString('base64url')}.`
    })
    stored.body = tampered
    const report = await bot.say('ana', '/kitty confirm 1')
    expect(report).toMatchObject({ state: 'refused', error: { code: 'list-not-found' } })
    expect(bot.saasCalls(BIND)).toBe(0)
  })

  it('removes the claimed branch when the SaaS refuses the bind (409)', async () => {
    await bot.say('ana', '/kitty start-from WEB-123')
    bot.saas.faults.add({
      path: BIND,
      status: 409,
      body: { error_code: 'origin_conflict', message: 'Different origin.' }
    })
    const report = await bot.say('ana', '/kitty confirm 1')
    expect(report).toMatchObject({ state: 'failed', error: { code: 'saas-origin-conflict' } })
    expect(missionBranches(bot)).toEqual([])
    expect(bot.github.repo('acme/webapp').pulls.size).toBe(0)
  })

  it('explains a row number that is not in the list', async () => {
    await bot.say('ana', '/kitty start-from WEB-123')
    expect(await bot.say('ana', '/kitty confirm 7')).toMatchObject({
      state: 'refused',
      error: {
        code: 'candidate-not-listed',
        message: 'There is no row 7 in the candidate list; confirm it with `/kitty confirm 1`.'
      }
    })
    expect(newestBotComment()).toBe(
      '😕 There is no row 7 in the candidate list; confirm it with `/kitty confirm 1`.'
    )
    expect(await bot.say('ana', '/kitty confirm WEB-999')).toMatchObject({
      state: 'refused',
      error: { message: expect.stringContaining('WEB-999 is not in the candidate list') }
    })
  })

  it('refuses when the ticket now has another id at the SaaS', async () => {
    await bot.say('ana', '/kitty start-from WEB-123')
    const ticket = bot.saas.state.resources
      .flatMap(resource => resource.tickets)
      .find(found => found.external_issue_key === 'WEB-123')!
    ticket.external_issue_id = 'replaced-id'
    const report = await bot.say('ana', '/kitty confirm 1')
    expect(report.error?.code).toBe('ticket-changed')
  })
})

describe('cancel', () => {
  it('has nothing to cancel without a list', async () => {
    expect(await bot.say('ana', '/kitty cancel')).toMatchObject({
      state: 'refused',
      error: {
        code: 'list-not-found',
        message: 'There is no candidate list in this issue, so there is nothing to cancel.'
      }
    })
  })

  it('lets only the requester cancel, and says how to start a list of one’s own', async () => {
    await bot.say('ana', '/kitty start-from WEB-123')
    expect(await bot.say('ben', '/kitty cancel')).toMatchObject({
      state: 'refused',
      error: { code: 'not-requester', message: expect.stringContaining('only they can cancel it') }
    })
    expect(newestBotComment()).toContain('your own list becomes the newest')
  })
})
