import { afterEach, expect, it } from '@jest/globals'
import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { checkMeta } from '../src/verify/check.js'
import { startMissionWithBot } from './bot.js'
import type { BotMission } from './bot.js'
import { describeInterop, log, workspace } from './suite.js'
import { Team } from './team.js'
import { numberedMission, teamRepoSeed } from './template.js'

let bot: BotMission | undefined
afterEach(async () => {
  await bot?.scenario.close()
  bot = undefined
})

describeInterop('a repository that holds only older numbered (NNN-) missions', () => {
  it('gets a <slug>-<mid8> mission that spec-kitty works with beside the old one', async () => {
    const { dir, home } = workspace('numbered')
    const older = {
      ...numberedMission('001', 'old-thing', 'Old thing'),
      ...numberedMission('002', 'next-thing', 'Next thing', true)
    }
    bot = await startMissionWithBot(teamRepoSeed(older), dir)
    const { slug, branch, origin } = bot
    expect(slug).toMatch(/^web-123-[0-9A-HJKMNP-TV-Z]{8}$/)
    expect(branch).toBe(`kitty-origin/${slug}`)

    const team = Team.clone('numbered repository', origin, join(dir, 'team'), home)
    try {
      team.git('switch', '--quiet', branch)
      expect(team.git('ls-tree', '--name-only', 'HEAD', 'kitty-specs/').split('\n').sort()).toEqual(
        ['kitty-specs/001-old-thing', 'kitty-specs/002-next-thing', `kitty-specs/${slug}`]
      )
      await team.checks(slug)
      // spec-kitty's verdict on the older ones: the 2.x meta.json (feature_number) is an
      // "orphan" until `spec-kitty upgrade` migrates it, the migrated one "legacy"; the bot's
      // mission is "pending" (mission_id, no number yet), like one spec-kitty 3.x creates.
      const identity = await team.json(['doctor', 'identity'])
      expect(identity.summary).toEqual({ assigned: 0, pending: 1, legacy: 1, orphan: 1 })
      await team.specify(slug)
    } finally {
      log(team.steps)
    }
  })

  it('passes the PR check as they are (legacy), and once spec-kitty backfilled their ids as far as spec-kitty itself does', async () => {
    const { dir, home } = workspace('numbered-backfill')
    const older = {
      ...numberedMission('001', 'old-thing', 'Old thing'),
      ...numberedMission('002', 'next-thing', 'Next thing', true)
    }
    bot = await startMissionWithBot(teamRepoSeed(older), dir)
    const team = Team.clone('backfill', bot.origin, join(dir, 'team'), home)
    try {
      const meta = (name: string): string =>
        readFileSync(join(team.checkout, 'kitty-specs', name, 'meta.json'), 'utf8')
      // As the base holds them: no mission_id, so the check reports them and does not fail them.
      for (const name of ['001-old-thing', '002-next-thing']) {
        expect(checkMeta(name, meta(name), 'feature/x', true)).toMatchObject({
          legacy: true,
          problems: []
        })
      }
      const backfill = await team.json(['migrate', 'backfill-identity'])
      expect(backfill.summary).toMatchObject({ wrote: 2, error: 0 })
      // The migrated 3.0 mission now has all spec-kitty requires: the check passes it in full.
      expect(checkMeta('002-next-thing', meta('002-next-thing'), 'feature/x', true)).toMatchObject({
        legacy: false,
        problems: []
      })
      // The 2.x one still lacks mission_slug and mission_type, which spec-kitty requires too.
      expect(checkMeta('001-old-thing', meta('001-old-thing'), 'feature/x', true).problems).toEqual(
        [{ message: 'meta.json needs a non-empty mission_slug.', line: 1 }]
      )
    } finally {
      log(team.steps)
    }
  })
})
