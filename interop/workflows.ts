/**
 * The two ways teams work with the bot's PR, each run end to end: the bundle starts the
 * mission on the sandbox, the repository is exported, and a team works it with spec-kitty.
 */
import { expect } from '@jest/globals'
import { join } from 'node:path'
import { startMissionWithBot } from './bot.js'
import type { BotMission } from './bot.js'
import { mergePull } from './pull-merge.js'
import type { MergeMethod } from './pull-merge.js'
import { log, workspace } from './suite.js'
import { Team } from './team.js'
import { teamRepoSeed } from './template.js'

/** Runs `work` on a mission the bot started in a fresh `acme/webapp`; cleans up after. */
async function withBotMission(
  name: string,
  work: (bot: BotMission, dir: string, home: string) => Promise<Team>
): Promise<void> {
  const { dir, home } = workspace(name)
  const bot = await startMissionWithBot(teamRepoSeed(), dir)
  let team: Team | undefined
  try {
    team = await work(bot, dir, home)
  } finally {
    await bot.scenario.close()
  }
  log(team.steps)
}

/** The PR's title as the bot opened it. */
function titleOf(bot: BotMission): string {
  return bot.scenario.pullRequest(bot.pullNumber)?.title ?? ''
}

/**
 * Kickoff PR: the bot's PR is merged into main right away (`method`) and its branch deleted;
 * the team sees the mission on main, then carries on as the PR body says
 * (`git fetch --prune && git switch -c <target_branch> origin/<base>`), through planning and,
 * with `deliver`, a work package's implement, review and `spec-kitty merge`.
 */
export function kickoff(method: MergeMethod, deliver: boolean): Promise<void> {
  return withBotMission(`kickoff-${method}`, async (bot, dir, home) => {
    const { slug, branch, base, pullNumber, origin } = bot
    mergePull(origin, { number: pullNumber, title: titleOf(bot), head: branch, base }, method, dir)
    const team = Team.clone(`kickoff PR, ${method}`, origin, join(dir, 'team'), home)
    try {
      team.git('fetch', '--prune')
      expect(team.git('branch', '--remotes', '--list', `origin/${branch}`)).toBe('')
      expect(team.git('rev-parse', '--abbrev-ref', 'HEAD')).toBe(base)
      await team.checks(slug)

      team.git('switch', '--quiet', '-c', branch, `origin/${base}`)
      await team.plan(slug)
      if (deliver) {
        await team.deliver(slug, branch)
        await team.checks(slug)
      }
      team.git('push', '--quiet', 'origin', branch)
      return team
    } catch (error) {
      log(team.steps)
      throw error
    }
  })
}

/**
 * Mission branch: the team checks out the PR's branch and does the whole mission there
 * (spec-kitty's merge lands the work package into it); the PR is merged at the end and the
 * team sees the finished mission on main.
 */
export function missionBranch(): Promise<void> {
  return withBotMission('mission-branch', async (bot, dir, home) => {
    const { slug, branch, base, pullNumber, origin } = bot
    const team = Team.clone('mission branch', origin, join(dir, 'team'), home)
    try {
      team.git('switch', '--quiet', branch)
      await team.checks(slug)
      await team.plan(slug)
      await team.deliver(slug, branch)
      team.git('push', '--quiet', 'origin', branch)

      mergePull(
        origin,
        { number: pullNumber, title: titleOf(bot), head: branch, base },
        'merge',
        dir
      )
      team.git('switch', '--quiet', base)
      team.git('pull', '--quiet', '--prune')
      expect(team.git('show', `${base}:src/auth.ts`)).toContain('signIn')
      await team.checks(slug)
      return team
    } catch (error) {
      log(team.steps)
      throw error
    }
  })
}
