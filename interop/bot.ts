/**
 * The bot's part of an interop run: the built bundle (`dist/index.js`) starts a mission from
 * WEB-123 on the sandbox servers (`/kitty start-from WEB-123`, then `/kitty confirm 1`), and
 * the repository the sandbox GitHub then holds is exported as a real git repository.
 */
import { expect } from '@jest/globals'
import { join } from 'node:path'
import { exportRepository } from '../sandbox/github/git-export.js'
import type { RepoSeed } from '../sandbox/github/seed.js'
import type { Scenario } from '../sandbox/scenario.js'
import { say, startBundleScenario } from '../__fixtures__/sandbox/bundle.js'

/** The mission the bundle started, as its outputs and the sandbox tell it. */
export interface BotMission {
  scenario: Scenario
  /** `<slug>-<mid8>`: the directory under `kitty-specs/` and `mission_slug`. */
  slug: string
  /** The PR's head branch. */
  branch: string
  /** The PR's base branch. */
  base: string
  pullNumber: number
  /** The bare repository the sandbox repository was exported to. */
  origin: string
}

/**
 * Runs `/kitty start-from WEB-123` and `/kitty confirm 1` through the bundle on a sandbox
 * seeded with `seed`, checks both runs succeeded, and exports the repository under `dir`.
 * The caller closes `scenario`.
 */
export async function startMissionWithBot(seed: RepoSeed, dir: string): Promise<BotMission> {
  const scenario = await startBundleScenario({ github: { seed: [seed] }, timeoutMs: 60_000 })
  try {
    const search = await say(scenario, 'ana', '/kitty start-from WEB-123')
    expect(search.run.outputs.state).toBe('candidates-posted')
    const confirm = await say(scenario, 'ana', '/kitty confirm 1')
    expect({ exitCode: confirm.run.exitCode, state: confirm.run.outputs.state }).toEqual({
      exitCode: 0,
      state: 'mission-created'
    })
    const pullNumber = Number(confirm.run.outputs['pull-request-number'])
    const pull = scenario.pullRequest(pullNumber)
    if (pull === undefined)
      throw new Error(`The bundle reported PR #${pullNumber}, which is missing.`)
    const origin = join(dir, 'origin.git')
    exportRepository(scenario.github.repo(scenario.repository), origin)
    return {
      scenario,
      slug: confirm.run.outputs['mission-slug'] ?? '',
      branch: pull.head,
      base: pull.base,
      pullNumber,
      origin
    }
  } catch (error) {
    await scenario.close()
    throw error
  }
}
