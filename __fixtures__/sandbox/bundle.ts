/**
 * Runs the built `dist/index.js` as a separate process through `sandbox/scenario.ts`, against
 * fresh sandbox servers: the integration tests and the interop suite.
 */
import { existsSync } from 'node:fs'
import { join } from 'node:path'
import type { IssueCommentPayload } from '../../sandbox/events.js'
import type { RunResult } from '../../sandbox/runner.js'
import { PROJECT_ROOT } from '../../sandbox/runner.js'
import { startScenario } from '../../sandbox/scenario.js'
import type { Scenario, ScenarioOptions } from '../../sandbox/scenario.js'
import { useStarts } from './hooks.js'
import type { Starter } from './hooks.js'

/** Starts a scenario on the built bundle; fails with how to fix it when dist/ is missing. */
export async function startBundleScenario(options: ScenarioOptions = {}): Promise<Scenario> {
  if (!existsSync(join(PROJECT_ROOT, 'dist', 'index.js'))) {
    throw new Error('dist/index.js is missing: run `npm run build` before the integration tests.')
  }
  return startScenario(options)
}

/** Lets each test start bundle scenarios (`scenario.start(options)`), closed after the test. */
export function useScenario(): Starter<ScenarioOptions, Scenario> {
  return useStarts(startBundleScenario)
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
