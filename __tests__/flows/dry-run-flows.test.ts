import { beforeEach, describe, expect, it } from '@jest/globals'
import { outputsOf } from '../../src/report.js'
import { summaryMarkdown } from '../../src/summary.js'
import { useBot } from '../../__fixtures__/sandbox/bot.js'
import { BIND, EVENTS, SEARCH } from '../../__fixtures__/sandbox/saas.js'

const bot = useBot()

const DRY = { 'dry-run': 'true' }

function refs(): string[] {
  return [...bot.github.repo('acme/webapp').refs.keys()].sort()
}

function commandReactions(body: string): string[] {
  const comment = bot.github.comments('acme/webapp', 42).find(found => found.body === body)!
  return bot.reactions(comment.id)
}

/** The JSON of the fenced block right after a line naming `path`. */
function shownJson(details: string, path: string): Record<string, unknown> {
  const match = new RegExp(`\`${path}\`\\n\\n\`\`\`json\\n([\\s\\S]*?)\\n\`\`\``).exec(details)
  if (match === null) throw new Error(`${path} is not shown`)
  return JSON.parse(match[1]!) as Record<string, unknown>
}

describe('a dry run of start-from', () => {
  it('posts and reacts nothing, and the summary shows the comment it would have posted', async () => {
    const report = await bot.say('ana', '/kitty start-from WEB-123', DRY)
    expect(report).toMatchObject({ state: 'candidates-posted', dryRun: true, issueNumber: 42 })
    expect(bot.botBodies()).toEqual([])
    expect(commandReactions('/kitty start-from WEB-123')).toEqual([])

    const summary = summaryMarkdown(report)
    expect(summary).toContain('## kitty-origin: Candidates posted (dry run)')
    expect(summary).toMatch(/#### 1\. 👀 reaction on comment \d+/)
    expect(summary).toContain('#### 2. Comment on #42\n\n```markdown\n**Tickets matching WEB-123')
    expect(summary).toContain('<!-- kitty-origin:state v1 ')
    expect(JSON.parse(outputsOf(report).result)).toMatchObject({
      state: 'candidates-posted',
      dry_run: true
    })
  })

  it('records a denial instead of answering it', async () => {
    const report = await bot.say('carl', '/kitty start-from WEB-123', DRY)
    expect(report.state).toBe('denied')
    expect(bot.botBodies()).toEqual([])
    expect(report.details).toMatch(/👎 reaction on comment \d+/)
    expect(report.details).toContain('Comment on #42')
  })

  it('records the refusal reply and 😕 of a command that cannot be done', async () => {
    const report = await bot.say('ana', '/kitty confirm 1', DRY)
    expect(report.state).toBe('refused')
    expect(bot.botBodies()).toEqual([])
    expect(report.details).toMatch(/😕 reaction on comment \d+/)
    expect(report.details).toContain('😕 There is no candidate list in this issue to confirm')
  })

  it('records the failure reply and 😕 of a command that fails', async () => {
    bot.saas.faults.add({ path: SEARCH, status: 401, body: { message: 'expired' } })
    const report = await bot.say('ana', '/kitty start-from WEB-123', DRY)
    expect(report.state).toBe('failed')
    expect(bot.botBodies()).toEqual([])
    expect(report.details).toMatch(/😕 reaction on comment \d+/)
    expect(report.details).toContain('kitty-origin could not finish')
  })
})

describe('a dry run of workflow_dispatch', () => {
  it('posts no list on issue-number and shows it instead', async () => {
    const report = await bot.dispatch('ana', { query: 'WEB-123', 'issue-number': '42' }, DRY)
    expect(report).toMatchObject({ state: 'candidates-posted', dryRun: true })
    expect(bot.botBodies()).toEqual([])
    expect(report.details).toContain('#### 1. Comment on #42')
  })

  it('says when a real run would not have written anything either', async () => {
    const report = await bot.dispatch('ana', { query: 'WEB-123' }, DRY)
    expect(report.details).toContain('A real run would not have written anything either.')
  })

  it('plans the confirmed mission without binding, branching or opening a PR', async () => {
    const before = refs()
    const report = await bot.dispatch('ana', { query: 'WEB-123', confirm: 'WEB-123' }, DRY)
    expect(report).toMatchObject({ state: 'mission-created', dryRun: true })
    expect(report.pullRequest).toBeUndefined()
    expect(refs()).toEqual(before)
    expect(bot.saasCalls(BIND)).toBe(0)
    expect(bot.saasCalls(EVENTS)).toBe(0)
    expect(bot.github.repo('acme/webapp').pulls.size).toBe(0)
    expect(shownJson(report.details!, `${report.mission!.dir}/meta.json`)).toMatchObject({
      mission_id: report.mission!.id
    })
    expect(report.details).toContain(
      '| Source | [workflow\\_dispatch run](https://github.com/acme/webapp/actions/runs/1) |'
    )
  })
})

describe('a dry run of confirm', () => {
  beforeEach(async () => {
    await bot.say('ana', '/kitty start-from WEB-123')
  })

  it('writes nothing anywhere and leaves the list open', async () => {
    const refsBefore = refs()
    const listBefore = bot.botBodies()
    const report = await bot.say('ana', '/kitty confirm 1', DRY)

    expect(report).toMatchObject({ state: 'mission-created', dryRun: true, issueNumber: 42 })
    expect(refs()).toEqual(refsBefore)
    expect(bot.saas.requests.filter(request => request.path === BIND)).toEqual([])
    expect(bot.saasCalls(EVENTS)).toBe(0)
    expect(bot.github.repo('acme/webapp').pulls.size).toBe(0)
    expect(bot.botBodies()).toEqual(listBefore)
    expect(commandReactions('/kitty confirm 1')).toEqual([])
    expect(report.pullRequest).toBeUndefined()
    expect(report.originTicket).toMatchObject({ external_issue_key: 'WEB-123' })
    expect(report.originTicket).not.toHaveProperty('origin_link_id')
  })

  it('plans no event when emit-events is off, as a real run sends none', async () => {
    const details = summaryMarkdown(await bot.say('ana', '/kitty confirm 1', DRY))
    expect(details).toContain('Open pull request from')
    expect(details).not.toContain('MissionOriginBound')
  })

  it('shows every write in the one order: the claim, the bind, the commit and its branch, the PR, the event and replies', async () => {
    const report = await bot.say('ana', '/kitty confirm 1', { ...DRY, 'emit-events': 'true' })
    const mission = report.mission!
    const details = summaryMarkdown(report)
    const titles = [...details.matchAll(/^#### \d+\. (.*)$/gm)].map(match => match[1]!)
    expect(titles).toEqual([
      expect.stringMatching(/^👀 reaction on comment \d+$/),
      expect.stringMatching(/^Claim `list-[0-9a-f]{32}`$/),
      `Bind WEB-123 as the origin of mission \`${mission.id}\` at the Spec Kitty SaaS`,
      'Commit 7 files',
      `Create branch \`${mission.branch}\` at \`${'0'.repeat(40)}\``,
      `Open pull request from \`${mission.branch}\` into \`main\`: Start mission from WEB-123: Add Clerk auth`,
      `Report the MissionOriginBound event of \`${mission.slug}\` to the Spec Kitty SaaS`,
      expect.stringMatching(/^Edit comment \d+ to read$/),
      'Comment on #42',
      expect.stringMatching(/^🚀 reaction on comment \d+$/)
    ])
    for (const file of [
      'meta.json',
      'spec.md',
      'status.events.jsonl',
      'tasks/README.md',
      'checklists/.gitkeep',
      'research/.gitkeep'
    ])
      expect(details).toContain(`\`${mission.dir}/${file}\``)
    expect(shownJson(details, `${mission.dir}/meta.json`)).toMatchObject({
      mission_id: mission.id,
      mission_slug: mission.slug,
      origin_ticket: { external_issue_key: 'WEB-123', provider: 'linear' }
    })
    expect(details).toContain(`"mission_id": "${mission.id}"`)
    expect(details).toContain('Origin link: (assigned by the SaaS at the bind)')
    expect(details).toContain('| Requested by | @ana |')
  })

  it('names the same mission the real confirm then creates', async () => {
    const dry = await bot.say('ana', '/kitty confirm 1', DRY)
    const real = await bot.rerun(bot.lastPayload, 'ana')
    expect(real.state).toBe('mission-created')
    expect(real.mission).toEqual(dry.mission)
  })

  it('reports the PR a real run already opened, as mission-exists', async () => {
    bot.github.faults.add({
      method: 'PATCH',
      path: /\/issues\/comments\/\d+$/,
      status: 403,
      body: { message: 'Resource not accessible by integration' }
    })
    const real = await bot.say('ana', '/kitty confirm 1')
    expect(real.state).toBe('mission-created')
    const dry = await bot.rerun(bot.lastPayload, 'ana', DRY)
    expect(dry).toMatchObject({
      state: 'mission-exists',
      dryRun: true,
      pullRequest: { number: 43 }
    })
    expect(dry.details).not.toContain('Open pull request')
  })
})
