/**
 * Issue 12, property 1: one confirmation, one mission — whatever happens. Each test runs the bot
 * in-process against the sandbox GitHub and SaaS over real sockets.
 */
import { beforeEach, describe, expect, it } from '@jest/globals'
import { ensureUser } from '../../sandbox/github/state.js'
import { useBot } from '../../__fixtures__/sandbox/bot.js'
import { missionBranches } from '../../__fixtures__/sandbox/views.js'

const bot = useBot()

const NOT_ACCESSIBLE = { message: 'Resource not accessible by integration' }

function repo() {
  return bot.github.repo('acme/webapp')
}

function commitsOnBranch(branch: string): number {
  const base = repo().refs.get('refs/heads/main')
  let sha = repo().refs.get(`refs/heads/${branch}`)
  let count = 0
  while (sha !== undefined && sha !== base) {
    count += 1
    sha = repo().git.commit(sha)?.parents[0]
  }
  return count
}

/** The newest bot comment holding a candidate list (the list itself). */
function listBody(): string {
  return bot.botBodies().findLast(body => body.includes('kitty-origin:state')) ?? ''
}

/** Re-posts `body` as another bot account, as anyone who can post as a bot might. */
function repostAsBot(body: string, login = 'other-app[bot]'): void {
  ensureUser(bot.github.state, login, 'Bot')
  bot.github.addComments('acme/webapp', 42, [{ user: login, body }])
}

/** Merges the mission's PR the way a person would: files onto main, PR closed, branch deleted. */
function mergeAndDeleteBranch(branch: string, prNumber: number): void {
  const files: Record<string, string> = {}
  const head = repo().refs.get(`refs/heads/${branch}`)!
  for (const [path, entry] of repo().git.flatten(repo().git.commit(head)!.tree)) {
    if (path.startsWith('kitty-specs/')) files[path] = repo().git.blob(entry.sha)!.toString('utf8')
  }
  bot.github.pushFiles('acme/webapp', 'main', files, `Merge #${prNumber}`)
  repo().issues.get(prNumber)!.state = 'closed'
  repo().refs.delete(`refs/heads/${branch}`)
}

describe('a list yields at most one mission', () => {
  beforeEach(async () => {
    const list = await bot.say('ana', '/kitty start-from "auth"')
    expect(list.candidates?.length).toBeGreaterThanOrEqual(2)
  })

  it('answers a later confirm of another row, by another writer, with the list’s mission', async () => {
    const first = await bot.say('ana', '/kitty confirm 1')
    expect(first.state).toBe('mission-created')
    const later = await bot.say('ben', '/kitty confirm 2')
    expect(later).toMatchObject({
      state: 'mission-exists',
      mission: first.mission,
      pullRequest: first.pullRequest
    })
    expect(missionBranches(bot)).toHaveLength(1)
    expect(bot.saas.state.links.size).toBe(1)
    expect(bot.botBodies().at(-1)).toContain('already exists')
  })

  it('answers a re-posted open copy of a consumed list with its mission', async () => {
    const open = listBody()
    const first = await bot.say('ana', '/kitty confirm 1')
    repostAsBot(open)
    const later = await bot.say('ana', '/kitty confirm 2')
    expect(later).toMatchObject({ state: 'mission-exists', mission: first.mission })
    expect(missionBranches(bot)).toHaveLength(1)
    expect(bot.saas.state.links.size).toBe(1)
  })

  it('leaves one mission when different rows are confirmed at once', async () => {
    const one = bot.postComment('ana', '/kitty confirm 1')
    const two = bot.postComment('ana', '/kitty confirm 2')
    const reports = await Promise.all([bot.rerun(one, 'ana'), bot.rerun(two, 'ana')])
    expect(missionBranches(bot)).toHaveLength(1)
    expect(repo().pulls.size).toBe(1)
    expect(bot.saas.state.links.size).toBe(1)
    expect(reports.filter(report => report.state === 'mission-created')).toHaveLength(1)
  })
})

describe('a merged mission is the answer', () => {
  beforeEach(async () => {
    await bot.say('ana', '/kitty start-from WEB-123')
  })

  it('a re-run after the merge finds the mission on the base and recreates no branch', async () => {
    // The list edit fails, so the list still reads open: the re-run walks the whole start.
    bot.github.faults.add({
      method: 'PATCH',
      path: /\/issues\/comments\/\d+$/,
      status: 403,
      body: NOT_ACCESSIBLE
    })
    const first = await bot.say('ana', '/kitty confirm 1')
    expect(first.state).toBe('mission-created')
    mergeAndDeleteBranch(first.mission!.branch, first.pullRequest!.number)
    const mainHead = bot.github.branchHead('acme/webapp', 'main')

    const again = await bot.rerun(bot.lastPayload, 'ana')
    expect(again).toMatchObject({
      state: 'mission-exists',
      mission: first.mission,
      pullRequest: first.pullRequest
    })
    expect(missionBranches(bot)).toEqual([])
    expect(bot.github.branchHead('acme/webapp', 'main')).toBe(mainHead)
    expect(repo().pulls.size).toBe(1)
  })

  it('a later confirm of the consumed list answers with the merged mission', async () => {
    const first = await bot.say('ana', '/kitty confirm 1')
    mergeAndDeleteBranch(first.mission!.branch, first.pullRequest!.number)
    const mainHead = bot.github.branchHead('acme/webapp', 'main')
    const again = await bot.say('ana', '/kitty confirm 1')
    expect(again).toMatchObject({ state: 'mission-exists', pullRequest: first.pullRequest })
    expect(missionBranches(bot)).toEqual([])
    expect(bot.github.branchHead('acme/webapp', 'main')).toBe(mainHead)
  })
})

describe('racing confirms', () => {
  it('leave exactly one commit of mission files on the branch', async () => {
    await bot.say('ana', '/kitty start-from WEB-123')
    const payload = bot.postComment('ana', '/kitty confirm 1')
    const reports = await Promise.all(Array.from({ length: 4 }, () => bot.rerun(payload, 'ana')))
    const branch = reports.find(report => report.mission !== undefined)!.mission!.branch
    expect(missionBranches(bot)).toEqual([`refs/heads/${branch}`])
    expect(commitsOnBranch(branch)).toBe(1)
  })
})

describe('a re-run of a workflow_dispatch confirm', () => {
  const CONFIRM = { query: 'WEB-123', confirm: 'WEB-123' }

  it('keeps GITHUB_RUN_ID and converges on the same mission, branch and PR', async () => {
    const first = await bot.dispatch('ana', CONFIRM, {}, { GITHUB_RUN_ID: '9001' })
    expect(first.state).toBe('mission-created')
    bot.now.ms += 90_000
    const again = await bot.dispatch(
      'ana',
      CONFIRM,
      {},
      { GITHUB_RUN_ID: '9001', GITHUB_RUN_ATTEMPT: '2' }
    )
    expect(again).toMatchObject({
      state: 'mission-exists',
      mission: first.mission,
      pullRequest: first.pullRequest
    })
    expect(missionBranches(bot)).toHaveLength(1)
    expect(commitsOnBranch(first.mission!.branch)).toBe(1)
    expect(bot.saas.state.links.size).toBe(1)
  })

  it('resumes an attempt that stopped before the PR, under the same mission', async () => {
    repo().settings.actionsCanCreatePullRequests = false
    const failed = await bot.dispatch('ana', CONFIRM, {}, { GITHUB_RUN_ID: '9002' })
    expect(failed.state).toBe('failed')
    repo().settings.actionsCanCreatePullRequests = true
    bot.now.ms += 90_000
    const again = await bot.dispatch(
      'ana',
      CONFIRM,
      {},
      { GITHUB_RUN_ID: '9002', GITHUB_RUN_ATTEMPT: '2' }
    )
    expect(again.state).toBe('mission-created')
    expect(missionBranches(bot)).toEqual([`refs/heads/${again.mission!.branch}`])
    expect(commitsOnBranch(again.mission!.branch)).toBe(1)
  })

  it('starts a new mission for a new run', async () => {
    await bot.dispatch('ana', CONFIRM, {}, { GITHUB_RUN_ID: '9003' })
    bot.now.ms += 90_000
    const next = await bot.dispatch('ana', CONFIRM, {}, { GITHUB_RUN_ID: '9004' })
    expect(next.state).toBe('mission-created')
    expect(missionBranches(bot)).toHaveLength(2)
  })
})
