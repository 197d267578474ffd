import * as core from '@actions/core'
import { readFileSync } from 'node:fs'
import { OUTPUTS } from './action-names.js'
import { KittyError, toKittyError } from './errors.js'
import { readInputs } from './inputs.js'
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

async function publish(report: RunReport): Promise<void> {
  const outputs = outputsOf(report)
  for (const name of OUTPUTS) core.setOutput(name, outputs[name])
  try {
    await core.summary.addRaw(summaryMarkdown(report)).write()
  } catch (error) {
    core.warning(`The job summary could not be written: ${toKittyError(error).message}`)
  }
  if (report.state === 'failed') core.setFailed(report.error?.message ?? 'kitty-origin failed.')
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
      const { runBot } = await import('./bot.js')
      report = await runBot(inputs, trigger, env)
    }
  } catch (thrown) {
    const error = toKittyError(thrown)
    if (error.detail !== undefined) core.debug(error.detail)
    report = { state: 'failed', dryRun, error: { code: error.code, message: error.message } }
  }
  await publish(report)
}
