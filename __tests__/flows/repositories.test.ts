import { describe, expect, it } from '@jest/globals'
import { jiraRepoSeed, numberedRepoSeed, webappSeed } from '../../sandbox/github/seed.js'
import { useBots } from '../../__fixtures__/sandbox/bot.js'

const bots = useBots()

describe('missions in other kinds of repository', () => {
  it('uses the repository’s own spec template and routes a Jira binding by binding_ref', async () => {
    const bot = await bots.start({
      repository: 'acme/platform',
      issue: { number: 7 },
      github: { seed: [webappSeed(), jiraRepoSeed()] }
    })
    await bot.say('ben', '/kitty start-from PROJ-7')
    const report = await bot.say('ben', '/kitty confirm 1')
    expect(report.state).toBe('mission-created')
    const template = bot.github.readFile(
      'acme/platform',
      'main',
      '.kittify/overrides/templates/spec-template.md'
    )
    const spec = bot.github.readFile(
      'acme/platform',
      report.mission!.branch,
      `${report.mission!.dir}/spec.md`
    )
    expect(spec).toBe(template)
    const bind = bot.saas.requests.find(request => request.path.endsWith('/bind/'))
    expect(bind?.body).toMatchObject({ provider: 'jira', binding_ref: expect.any(String) })
    expect(bind?.body).not.toHaveProperty('project_slug')
  })

  it('names the mission <slug>-<mid8> also in a repository of older NNN- missions', async () => {
    const bot = await bots.start({
      repository: 'acme/legacy',
      issue: { number: 3, user: 'ana' },
      github: { seed: [webappSeed(), numberedRepoSeed()] }
    })
    bot.github.setCollaborator('acme/legacy', 'ana', 'write')
    await bot.say('ana', '/kitty start-from WEB-123')
    const report = await bot.say('ana', '/kitty confirm 1')
    expect(report.mission?.dir).toMatch(/^kitty-specs\/web-123-[0-9A-HJKMNP-TV-Z]{8}$/)
    expect(report.mission?.branch).toMatch(/^kitty-origin\/web-123-[0-9A-HJKMNP-TV-Z]{8}$/)
    const meta = JSON.parse(
      bot.github.readFile(
        'acme/legacy',
        report.mission!.branch,
        `${report.mission!.dir}/meta.json`
      )!
    ) as { mission_number: number | null }
    expect(meta.mission_number).toBeNull()
  })

  it('reads no template when the repository has no overrides folder', async () => {
    const bot = await bots.start()
    await bot.say('ana', '/kitty start-from WEB-123')
    await bot.say('ana', '/kitty confirm 1')
    const templateReads = bot.github.requests.filter(request =>
      request.path.includes('spec-template')
    )
    expect(templateReads).toEqual([])
  })
})
