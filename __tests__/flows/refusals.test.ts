import { describe, expect, it } from '@jest/globals'
import { decodeStateMarker, deriveStateKey } from '../../src/chatops/state.js'
import { useBot } from '../../__fixtures__/sandbox/bot.js'
import { BIND, SEARCH } from '../../__fixtures__/sandbox/saas.js'

const bot = useBot()

function newestBotComment(): string {
  return bot.botBodies().at(-1) ?? ''
}

/** The id of the newest comment by `login`. */
function newestCommentBy(login: string): number {
  return bot.github
    .comments('acme/webapp', 42)
    .filter(comment => comment.user === login)
    .at(-1)!.id
}

function listState(body: string) {
  const decoded = decodeStateMarker(body, deriveStateKey({ saasToken: bot.saas.token }), {
    repo: 'acme/webapp',
    issue: 42,
    nowMs: bot.now.ms
  })
  if (!decoded.ok) throw new Error(decoded.reason)
  return decoded.state
}

describe('a person’s mistake is refused, not failed', () => {
  it('refuses confirm 0 with 😕, the reason and the usage, without calling the SaaS', async () => {
    const report = await bot.say('ana', '/kitty confirm 0')
    expect(report).toMatchObject({
      state: 'refused',
      error: {
        code: 'command-invalid',
        message: 'There is no candidate 0; use a row number from 1 to 50.'
      }
    })
    expect(bot.reactions(newestCommentBy('ana'))).toEqual(['eyes', 'confused'])
    const reply = newestBotComment()
    expect(reply.startsWith('😕 There is no candidate 0; use a row number from 1 to 50.')).toBe(
      true
    )
    expect(reply).toContain('`/kitty confirm 2`')
    expect(bot.saas.requests).toEqual([])
  })

  it('keeps an unknown verb a help answer', async () => {
    const report = await bot.say('ana', '/kitty frobnicate')
    expect(report.state).toBe('help')
    expect(bot.reactions(newestCommentBy('ana'))).toEqual(['eyes'])
  })

  it('keeps a SaaS error a failure, linking the run log', async () => {
    bot.saas.faults.add({ path: SEARCH, status: 401, body: { message: 'expired' } })
    const report = await bot.say('ana', '/kitty start-from WEB-123')
    expect(report.state).toBe('failed')
    expect(newestBotComment()).toContain('in the `saas-token` secret')
    expect(newestBotComment()).toContain('[run log](')
  })
})

describe('a list of several candidates', () => {
  it('starts the chosen one, names it again on a second confirm, and answers another with it', async () => {
    await bot.say('ana', '/kitty start-from auth')
    const list = bot.botComments()[0]!
    expect(listState(list.body).candidates.map(c => c.external_issue_key)).toEqual([
      'WEB-123',
      'WEB-128',
      'WEB-130'
    ])

    const created = await bot.say('ana', '/kitty confirm 2')
    expect(created.originTicket?.external_issue_key).toBe('WEB-128')
    const consumedList = bot.github.repo('acme/webapp').comments.get(list.id)!.body
    expect(listState(consumedList)).toMatchObject({
      status: 'consumed',
      chosen_issue_id: created.originTicket?.external_issue_id
    })
    expect(consumedList).toContain(`started from WEB-128 → [PR #${created.pullRequest!.number}]`)

    const again = await bot.say('ana', '/kitty confirm WEB-128')
    expect(again).toMatchObject({ state: 'mission-exists', pullRequest: created.pullRequest })
    expect(newestBotComment()).toMatch(/^ℹ️ Mission `web-128-[^`]+` for WEB-128 already exists/)

    // A list yields one mission: any later confirm of it answers with that mission.
    const other = await bot.say('ana', '/kitty confirm 1')
    expect(other).toMatchObject({
      state: 'mission-exists',
      mission: created.mission,
      pullRequest: created.pullRequest
    })
    expect(newestBotComment()).toContain(
      'from WEB-128, and a list starts one mission. To start one from WEB-123 too, run ' +
        '`/kitty start-from WEB-123`.'
    )
    expect(bot.saasCalls(BIND)).toBe(1)
  })

  it('says a full list may have left tickets out and how to narrow the search', async () => {
    await bot.say('ana', '/kitty start-from auth', { 'candidate-limit': '3' })
    expect(newestBotComment()).toContain('These are the first 3 matches; there may be more.')
    await bot.say('ana', '/kitty start-from auth', { 'candidate-limit': '4' })
    expect(newestBotComment()).not.toContain('there may be more')
  })
})

describe('cancel', () => {
  it('edits the list and replies that it is closed', async () => {
    await bot.say('ana', '/kitty start-from auth')
    const report = await bot.say('ana', '/kitty cancel')
    expect(report.state).toBe('cancelled')
    const [list, reply] = bot.botBodies()
    expect(list).toContain('❎ Cancelled.')
    expect(reply).toBe(
      '❎ Cancelled the list of tickets matching auth; nothing was started. ' +
        'Start again with `/kitty start-from <ticket key or words>`.'
    )
  })

  it('refuses to cancel a list that already started its mission, naming the pull request', async () => {
    await bot.say('ana', '/kitty start-from WEB-123')
    const created = await bot.say('ana', '/kitty confirm 1')
    const report = await bot.say('ana', '/kitty cancel')
    expect(report).toMatchObject({ state: 'refused', error: { code: 'list-consumed' } })
    expect(report.error?.message).toContain(`close pull request #${created.pullRequest!.number}`)
  })

  it('refuses to cancel twice', async () => {
    await bot.say('ana', '/kitty start-from WEB-123')
    await bot.say('ana', '/kitty cancel')
    expect(await bot.say('ana', '/kitty cancel')).toMatchObject({
      state: 'refused',
      error: { code: 'list-cancelled' }
    })
  })

  it('refuses to cancel an expired list', async () => {
    await bot.say('ana', '/kitty start-from WEB-123')
    bot.now.ms += 25 * 3_600_000
    expect(await bot.say('ana', '/kitty cancel')).toMatchObject({
      state: 'refused',
      error: { code: 'list-expired' }
    })
  })
})
