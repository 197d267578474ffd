/**
 * Shared plumbing of the integration tests: each test runs the built `dist/index.js` as a
 * separate process through `sandbox/scenario.ts`, against fresh sandbox servers.
 */
import { existsSync } from 'node:fs'
import { join } from 'node:path'
import type { IssueCommentPayload } from '../../sandbox/events.js'
import type { RunResult } from '../../sandbox/runner.js'
import { PROJECT_ROOT } from '../../sandbox/runner.js'
import { startScenario } from '../../sandbox/scenario.js'
import type { Scenario, ScenarioOptions } from '../../sandbox/scenario.js'

/** The SaaS issue-search path. */
export const SEARCH = '/api/v1/tracker/issue-search/'
/** The SaaS bind path. */
export const BIND = '/api/v1/tracker/mission-origin/bind/'

/** Starts a scenario on the built bundle; fails with how to fix it when dist/ is missing. */
export async function startBundleScenario(options: ScenarioOptions = {}): Promise<Scenario> {
  if (!existsSync(join(PROJECT_ROOT, 'dist', 'index.js'))) {
    throw new Error('dist/index.js is missing: run `npm run build` before the integration tests.')
  }
  return startScenario(options)
}

/** One turn of the conversation: the comment's event and what the run did. */
export interface Turn {
  payload: IssueCommentPayload
  run: RunResult
}

/** Posts `body` as `login` on the scenario's issue and runs the bundle for that comment. */
export async function say(
  scenario: Scenario,
  login: string,
  body: string,
  inputs: Record<string, string> = {}
): Promise<Turn> {
  const payload = scenario.postComment(login, body)
  return { payload, run: await scenario.run('issue_comment', payload, inputs) }
}

/** The `result` output, parsed. */
export function resultOf(run: RunResult): Record<string, unknown> {
  return JSON.parse(run.outputs.result ?? 'null') as Record<string, unknown>
}

/** The mission branches (`kitty-origin/…`) of the scenario's repository. */
export function missionBranches(scenario: Scenario): string[] {
  return [...scenario.github.repo(scenario.repository).refs.keys()].filter(ref =>
    ref.startsWith('refs/heads/kitty-origin/')
  )
}

/** The reactions on a comment, in the order they were added. */
export function reactions(scenario: Scenario, commentId: number): string[] {
  const comment = scenario.github.repo(scenario.repository).comments.get(commentId)
  return comment?.reactions.map(reaction => reaction.content) ?? []
}

/** How many requests the sandbox SaaS saw on a path. */
export function saasCalls(scenario: Scenario, path: string): number {
  return scenario.saas.requests.filter(request => request.path === path).length
}

/** The bodies of the bot's comments on the scenario's issue, oldest first. */
export function botBodies(scenario: Scenario): string[] {
  return scenario.botComments().map(comment => comment.body)
}
