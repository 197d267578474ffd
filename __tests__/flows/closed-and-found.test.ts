/**
 * Issue 12, properties 2 and 3 (closed stays closed; the list is found however long the thread)
 * and issue 10's gate first, against the sandbox GitHub and SaaS over real sockets.
 */
import { beforeEach, describe, expect, it } from '@jest/globals'
import { CLOCK_SLACK_MS, STATE_LOOKUP_COMMENTS } from '../../src/flows/find-state.js'
import { ensureUser } from '../../sandbox/github/state.js'
import { useBot } from '../../__fixtures__/sandbox/bot.js'
import { missionBranches } from '../../__fixtures__/sandbox/views.js'
import { BIND } from '../../__fixtures__/sandbox/saas.js'

const bot = useBot()

function repo() {
  return bot.github.repo('acme/webapp')
}

function listBody(): string {
  return bot.botBodies().findLast(body => body.includes('kitty-origin:state')) ?? ''
}

function repostAsBot(body: string, login: string): void {
  ensureUser(bot.github.state, login, 'Bot')
  bot.github.addComments('acme/webapp', 42, [{ user: login, body }])
}

/** Comments by people, in the thread after whatever is there. */
function chatter(count: number): void {
  bot.github.addComments(
    'acme/webapp',
    42,
    Array.from({ length: count }, (_, index) => ({ user: 'dora', body: `+1 (${index})` }))
  )
}

/** GitHub requests the sandbox saw while `run` ran. */
async function requestsOf<T>(
  run: () => Promise<T>
): Promise<{ result: T; requests: { method: string; path: string }[] }> {
  const before = bot.github.requests.length
  const result = await run()
  const requests = bot.github.requests
    .slice(before)
    .map(request => ({ method: request.method, path: request.path.split('?')[0]! }))
  return { result, requests }
}

describe('closed stays closed', () => {
  beforeEach(async () => {
    await bot.say('ana', '/kitty start-from WEB-123')
  })

  it.each(['other-app[bot]', 'github-actions[bot]'])(
    'a cancelled list re-posted by %s cannot be confirmed',
    async login => {
      const open = listBody()
      expect((await bot.say('ana', '/kitty cancel')).state).toBe('cancelled')
      repostAsBot(open, login)
      const confirm = await bot.say('ana', '/kitty confirm 1')
      expect(confirm).toMatchObject({ state: 'refused', error: { code: 'list-cancelled' } })
      expect(missionBranches(bot)).toEqual([])
      expect(bot.saasCalls(BIND)).toBe(0)
    }
  )

  it('a cancelled list re-posted cannot be cancelled again', async () => {
    const open = listBody()
    await bot.say('ana', '/kitty cancel')
    repostAsBot(open, 'other-app[bot]')
    const again = await bot.say('ana', '/kitty cancel')
    expect(again).toMatchObject({ state: 'refused', error: { code: 'list-cancelled' } })
  })

  it('a consumed list re-posted cannot be cancelled, and says which mission it gave', async () => {
    const open = listBody()
    const mission = await bot.say('ana', '/kitty confirm 1')
    repostAsBot(open, 'other-app[bot]')
    const cancel = await bot.say('ana', '/kitty cancel')
    expect(cancel).toMatchObject({ state: 'refused', error: { code: 'list-consumed' } })
    expect(cancel.error?.message).toContain(`already started mission \`${mission.mission!.slug}\``)
  })

  it('the claim closes a list whose comment could not be edited to say so', async () => {
    bot.github.faults.add({
      method: 'PATCH',
      path: /\/issues\/comments\/\d+$/,
      status: 403,
      body: { message: 'Resource not accessible by integration' }
    })
    const cancel = await bot.say('ana', '/kitty cancel')
    expect(cancel.state).toBe('cancelled')
    expect(cancel.warnings).toEqual([
      expect.stringContaining('Could not mark the candidate list cancelled')
    ])
    expect(listBody()).not.toContain('Cancelled')
    const again = await bot.say('ana', '/kitty cancel')
    expect(again).toMatchObject({ state: 'refused', error: { code: 'list-cancelled' } })
    const confirm = await bot.say('ben', '/kitty confirm 1')
    expect(confirm).toMatchObject({ state: 'refused', error: { code: 'list-cancelled' } })
    expect(missionBranches(bot)).toEqual([])
  })

  it('any closed copy closes every copy, even with the claim gone', async () => {
    const open = listBody()
    await bot.say('ana', '/kitty cancel')
    for (const ref of [...repo().refs.keys()]) {
      if (ref.startsWith('refs/kitty-origin/claims/')) repo().refs.delete(ref)
    }
    repostAsBot(open, 'other-app[bot]')
    const confirm = await bot.say('ana', '/kitty confirm 1')
    expect(confirm).toMatchObject({ state: 'refused', error: { code: 'list-cancelled' } })
    expect(missionBranches(bot)).toEqual([])
  })

  it('a re-posted older list does not hide a newer one', async () => {
    const older = listBody()
    bot.now.ms += 60 * 60_000
    await bot.say('ana', '/kitty start-from "Clerk auth"')
    repostAsBot(older, 'other-app[bot]')
    const confirm = await bot.say('ana', '/kitty confirm 1')
    expect(confirm).toMatchObject({ state: 'mission-created', query: 'Clerk auth' })
  })
})

describe('the list is found however long the thread', () => {
  it('confirms a list with 450 comments by others after it, reading the thread newest first', async () => {
    await bot.say('ana', '/kitty start-from WEB-123')
    chatter(450)
    const { result, requests } = await requestsOf(() => bot.say('ana', '/kitty confirm 1'))
    expect(result.state).toBe('mission-created')
    const pages = requests.filter(
      request => request.method === 'GET' && request.path.endsWith('/issues/42/comments')
    )
    // 453 comments: the newest page (5) back to the list's page (1).
    expect(pages).toHaveLength(5)
  })

  it(`gives up after ${STATE_LOOKUP_COMMENTS} comments, at a stated cost`, async () => {
    await bot.say('ana', '/kitty start-from WEB-123')
    chatter(STATE_LOOKUP_COMMENTS + 50)
    const { result, requests } = await requestsOf(() => bot.say('ana', '/kitty confirm 1'))
    expect(result).toMatchObject({ state: 'refused', error: { code: 'list-not-found' } })
    const pages = requests.filter(
      request => request.method === 'GET' && request.path.endsWith('/issues/42/comments')
    )
    expect(pages).toHaveLength(STATE_LOOKUP_COMMENTS / 100 + 1)
  })

  it('stops reading once the thread is older than the newest list', async () => {
    chatter(450)
    bot.now.ms += CLOCK_SLACK_MS * 3
    await bot.say('ana', '/kitty start-from WEB-123')
    // Comments are stamped with the real clock; the list with the bot's: put the list ahead.
    const { result, requests } = await requestsOf(() => bot.say('ana', '/kitty confirm 1'))
    expect(result.state).toBe('mission-created')
    const pages = requests.filter(
      request => request.method === 'GET' && request.path.endsWith('/issues/42/comments')
    )
    expect(pages).toHaveLength(1)
  })
})

describe('gate first', () => {
  it.each(['/kitty confirm 1', '/kitty start-from WEB-123', '/kitty cancel'])(
    'a denied %s costs one permission request and no other read',
    async command => {
      await bot.say('ana', '/kitty start-from WEB-123')
      const saasBefore = bot.saas.requests.length
      const { result, requests } = await requestsOf(() => bot.say('carl', command))
      expect(result.state).toBe('denied')
      const reads = requests.filter(request => request.method === 'GET')
      expect(reads).toEqual([
        { method: 'GET', path: '/repos/acme/webapp/collaborators/carl/permission' }
      ])
      // What the denial writes: 👎 on the comment and one reply.
      expect(requests.filter(request => request.method !== 'GET')).toHaveLength(2)
      expect(bot.saas.requests.length).toBe(saasBefore)
    }
  )
})
