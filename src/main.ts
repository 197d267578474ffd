import * as core from '@actions/core'
import { readFileSync } from 'node:fs'
import { OUTPUTS } from './action-names.js'
import { KittyError, toKittyError } from './errors.js'
import { readInputs } from './inputs.js'
import { outputsOf } from './report.js'
import type { RunReport } from './report.js'
import { summaryMarkdown } from './summary.js'
import { readTrigger } from './trigger.js'
import type { Trigger } from './trigger.js'

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

/** The title of the log group a flow runs in, e.g. "kitty-origin: start-from on #42 by @ana". */
function flowTitle(trigger: Exclude<Trigger, { kind: 'ignored' }>): string {
  const by = `by @${trigger.source.actor}`
  if (trigger.kind === 'command')
    return `kitty-origin: ${trigger.command.verb} on #${trigger.issueNumber} ${by}`
  if (trigger.kind === 'dispatch') return `kitty-origin: workflow_dispatch ${by}`
  return `kitty-origin: provenance check of pull request #${trigger.pullNumber}`
}

/** Sets every output and writes the job summary (a summary that cannot be written is a warning). */
async function publish(report: RunReport, env: NodeJS.ProcessEnv): Promise<void> {
  const repository = env.GITHUB_REPOSITORY
  const repositoryUrl =
    repository === undefined || repository === ''
      ? undefined
      : `${env.GITHUB_SERVER_URL ?? 'https://github.com'}/${repository}`
  await core.group('kitty-origin: outputs and job summary', async () => {
    const outputs = outputsOf(report)
    for (const name of OUTPUTS) core.setOutput(name, outputs[name])
    core.info(`state: ${report.state}`)
    try {
      await core.summary.addRaw(summaryMarkdown(report, { repositoryUrl })).write()
    } catch (error) {
      core.summary.emptyBuffer()
      const reason = error instanceof Error ? error.message : String(error)
      core.warning(`The job summary could not be written: ${reason}`)
    }
  })
  if (report.state === 'failed' || report.state === 'verify-failed')
    core.setFailed(report.error.message)
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
      report = await core.group(flowTitle(trigger), () => runBot(inputs, trigger, env))
    }
  } catch (thrown) {
    const error = toKittyError(thrown)
    if (error.detail !== undefined) core.debug(error.detail)
    report = { state: 'failed', dryRun, error: { code: error.code, message: error.message } }
  }
  await publish(report, env)
}
