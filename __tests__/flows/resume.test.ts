import { beforeEach, describe, expect, it } from '@jest/globals'
import { useBot } from '../../__fixtures__/sandbox/bot.js'
import { missionBranches } from '../../__fixtures__/sandbox/views.js'

const bot = useBot({ inputs: { 'emit-events': 'true' } })
beforeEach(async () => {
  await bot.say('ana', '/kitty start-from WEB-123')
})

const NOT_ACCESSIBLE = {
  message: 'Resource not accessible by integration',
  documentation_url: 'https://docs.github.com',
  status: '403'
}

function commitsOnBranch(branch: string): number {
  const repo = bot.github.repo('acme/webapp')
  const base = repo.refs.get('refs/heads/main')
  let sha = repo.refs.get(`refs/heads/${branch}`)
  let count = 0
  while (sha !== undefined && sha !== base) {
    count += 1
    sha = repo.git.commit(sha)?.parents[0]
  }
  return count
}

function links(): number {
  return bot.saas.state.links.size
}

describe('a confirm that stopped part-way converges when run again', () => {
  it('after the claim: a refused bind releases it, leaves no branch, and the next run succeeds', async () => {
    bot.saas.faults.add({
      path: '/api/v1/tracker/mission-origin/bind/',
      status: 403,
      body: { message: 'Forbidden' }
    })
    const failed = await bot.say('ana', '/kitty confirm 1')
    expect(failed.state).toBe('failed')
    expect(missionBranches(bot)).toEqual([])
    expect(links()).toBe(0)

    const resumed = await bot.rerun(bot.lastPayload, 'ana')
    expect(resumed.state).toBe('mission-created')
    expect(missionBranches(bot)).toHaveLength(1)
    expect(links()).toBe(1)
  })

  it('after the bind, before the commit', async () => {
    bot.github.faults.add({
      method: 'POST',
      path: /\/git\/trees$/,
      status: 403,
      body: NOT_ACCESSIBLE
    })
    const failed = await bot.say('ana', '/kitty confirm 1')
    expect(failed.state).toBe('failed')
    expect(failed.error?.message).toContain('contents: write')
    // The branch is only ever created at the mission's commit.
    expect(missionBranches(bot)).toEqual([])

    const resumed = await bot.rerun(bot.lastPayload, 'ana')
    expect(resumed.state).toBe('mission-created')
    expect(missionBranches(bot)).toEqual([`refs/heads/${resumed.mission!.branch}`])
    expect(commitsOnBranch(resumed.mission!.branch)).toBe(1)
    expect(links()).toBe(1)
  })

  it('after the commit, before the pull request', async () => {
    bot.github.repo('acme/webapp').settings.actionsCanCreatePullRequests = false
    const failed = await bot.say('ana', '/kitty confirm 1')
    expect(failed.error?.message).toContain(
      'Allow GitHub Actions to create and approve pull requests'
    )

    bot.github.repo('acme/webapp').settings.actionsCanCreatePullRequests = true
    const resumed = await bot.rerun(bot.lastPayload, 'ana')
    expect(resumed.state).toBe('mission-created')
    expect(commitsOnBranch(resumed.mission!.branch)).toBe(1)
    expect(bot.github.repo('acme/webapp').pulls.size).toBe(1)
    expect(links()).toBe(1)
  })

  it('after the pull request, a list that cannot be marked consumed is a warning, not a failure', async () => {
    bot.github.faults.add({
      method: 'PATCH',
      path: /\/issues\/comments\/\d+$/,
      status: 403,
      body: NOT_ACCESSIBLE
    })
    const done = await bot.say('ana', '/kitty confirm 1')
    expect(done).toMatchObject({ state: 'mission-created', pullRequest: { number: 43 } })
    expect(done.warnings).toEqual([
      expect.stringContaining('Could not mark the candidate list consumed')
    ])
    const resumed = await bot.rerun(bot.lastPayload, 'ana')
    expect(resumed).toMatchObject({ state: 'mission-exists', pullRequest: { number: 43 } })
    expect(bot.github.repo('acme/webapp').pulls.size).toBe(1)
    expect(missionBranches(bot)).toHaveLength(1)
    // Both runs reported the bind with the same event id: the SaaS holds one event.
    expect(bot.saas.state.events.size).toBe(1)
  })

  it('after the pull request, a reply that cannot be posted is a warning, not a failure', async () => {
    bot.github.faults.add({
      method: 'POST',
      path: /\/issues\/42\/comments$/,
      status: 403,
      body: NOT_ACCESSIBLE
    })
    const done = await bot.say('ana', '/kitty confirm 1')
    expect(done).toMatchObject({ state: 'mission-created', pullRequest: { number: 43 } })
    expect(done.warnings).toEqual([expect.stringContaining('Could not reply on the issue')])
    expect(bot.github.repo('acme/webapp').pulls.size).toBe(1)
  })

  it('after the pull request, reactions that cannot be added are warnings, not a failure', async () => {
    bot.github.faults.add({
      method: 'POST',
      path: /\/reactions$/,
      status: 403,
      body: NOT_ACCESSIBLE,
      times: Infinity
    })
    const done = await bot.say('ana', '/kitty confirm 1')
    expect(done).toMatchObject({ state: 'mission-created', pullRequest: { number: 43 } })
    expect(done.warnings).toEqual([
      expect.stringContaining('Could not add the eyes reaction'),
      expect.stringContaining('Could not add the rocket reaction')
    ])
  })

  it('after the reply: an undeliverable event waits in the outbox and the next run delivers it', async () => {
    bot.saas.faults.add({
      path: '/api/v1/events/batch/',
      status: 503,
      body: { message: 'down' },
      times: Infinity
    })
    const done = await bot.say('ana', '/kitty confirm 1')
    expect(done.state).toBe('mission-created')
    expect(bot.github.branchHead('acme/webapp', 'kitty-origin/outbox')).toBeDefined()
    expect(bot.saas.state.events.size).toBe(0)

    bot.saas.faults.clear()
    const again = await bot.rerun(bot.lastPayload, 'ana')
    expect(again.state).toBe('mission-exists')
    expect(bot.saas.state.events.size).toBe(1)
    expect(bot.github.branchHead('acme/webapp', 'kitty-origin/outbox')).toBeUndefined()
    expect(missionBranches(bot)).toHaveLength(1)
  })

  it('a parked event stays parked once the config refuses hosted calls (tracker.egress)', async () => {
    bot.saas.faults.add({
      path: '/api/v1/events/batch/',
      status: 503,
      body: { message: 'down' },
      times: 1
    })
    expect((await bot.say('ana', '/kitty confirm 1')).state).toBe('mission-created')
    const config = bot.github.readFile('acme/webapp', 'main', '.kittify/config.yaml') ?? ''
    bot.github.pushFiles('acme/webapp', 'main', {
      '.kittify/config.yaml': `${config}  egress: refused\n`
    })

    expect((await bot.say('ana', '/kitty help')).state).toBe('help')
    expect(bot.saasCalls('/api/v1/events/batch/')).toBe(1)
    expect(bot.saas.state.events.size).toBe(0)
    expect(bot.github.branchHead('acme/webapp', 'kitty-origin/outbox')).toBeDefined()
  })
})

it('five confirms of the same list at once end with one mission and one pull request', async () => {
  const payload = bot.postComment('ana', '/kitty confirm 1')
  const reports = await Promise.all(Array.from({ length: 5 }, () => bot.rerun(payload, 'ana')))
  expect(missionBranches(bot)).toHaveLength(1)
  expect(bot.github.repo('acme/webapp').pulls.size).toBe(1)
  expect(links()).toBe(1)
  const states = reports.map(report => report.state).sort()
  expect(states).toEqual([
    'mission-created',
    'mission-exists',
    'mission-exists',
    'mission-exists',
    'mission-exists'
  ])
  for (const report of reports) expect(report.pullRequest?.number).toBe(43)
})
