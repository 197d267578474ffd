import { readFileSync } from 'node:fs'
import { OUTPUTS } from './action-names.js'
import { KittyError, toKittyError } from './errors.js'
import { readInputs } from './inputs.js'
import * as core from './runner-io.js'
import { outputsOf } from './report.js'
import type { RunReport } from './report.js'
import { summaryMarkdown } from './summary.js'
import { readTrigger } from './trigger.js'

function readEventPayload(path: string | undefined): unknown {
  if (path === undefined || path === '') return {}
  try {
    return JSON.parse(readFileSync(path, 'utf8')) as unknown
  } catch (error) {
    throw new KittyError(
      'internal',
      'The event payload could not be read.',
      toKittyError(error).detail
    )
  }
}

function publish(report: RunReport, env: NodeJS.ProcessEnv): void {
  const outputs = outputsOf(report)
  for (const name of OUTPUTS) core.setOutput(name, outputs[name])
  const repository = env.GITHUB_REPOSITORY
  const repositoryUrl =
    repository === undefined || repository === ''
      ? undefined
      : `${env.GITHUB_SERVER_URL ?? 'https://github.com'}/${repository}`
  try {
    core.appendSummary(summaryMarkdown(report, { repositoryUrl }))
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error)
    core.warning(`The job summary could not be written: ${reason}`)
  }
  if (report.state === 'failed' || report.state === 'verify-failed')
    core.setFailed(report.error?.message ?? 'kitty-origin failed.')
}

/**
 * undici parses HTTP with llhttp, compiled to WebAssembly. After a few requests V8 recompiles
 * llhttp's hot functions with its optimising compiler, which costs 20 to 35 MB of peak memory
 * and a busy core, to speed up the few dozen requests of a run by nothing measurable. A tiering
 * budget no run exhausts keeps the baseline code. It must be set before any WebAssembly is
 * compiled, so before the clients are loaded.
 */
async function keepWebAssemblyBaseline(): Promise<void> {
  const { setFlagsFromString } = await import('node:v8')
  setFlagsFromString('--wasm-tiering-budget=2000000000')
}

/**
 * The action: inputs → trigger → flow → outputs and job summary. An ignored event stops here,
 * before the GitHub and SaaS clients are even loaded; any error becomes `state: failed`.
 */
export async function run(env: NodeJS.ProcessEnv = process.env): Promise<void> {
  let report: RunReport
  let dryRun = false
  try {
    const inputs = readInputs(core)
    dryRun = inputs.dryRun
    const trigger = readTrigger(
      env.GITHUB_EVENT_NAME ?? '',
      readEventPayload(env.GITHUB_EVENT_PATH),
      inputs.commandPrefix,
      env.GITHUB_ACTOR ?? ''
    )
    if (trigger.kind === 'ignored') {
      core.info(`Ignored: ${trigger.reason}.`)
      report = { state: 'ignored', dryRun, reason: trigger.reason }
    } else {
      await keepWebAssemblyBaseline()
      const { runBot } = await import('./bot.js')
      report = await runBot(inputs, trigger, env)
    }
  } catch (thrown) {
    const error = toKittyError(thrown)
    if (error.detail !== undefined) core.debug(error.detail)
    report = { state: 'failed', dryRun, error: { code: error.code, message: error.message } }
  }
  publish(report, env)
}
