import * as core from './runner-io.js'
import { ulid } from 'ulid'
import { deriveStateKey } from './chatops/state.js'
import type { BotContext } from './flows/context.js'
import { handleCommand } from './flows/command.js'
import { handleDispatch } from './flows/dispatch.js'
import { dryRunContext } from './flows/dry-run.js'
import type { Log } from './flows/ports.js'
import { createMissionEventEmitter } from './events/emitter.js'
import { createGitHubClient } from './github/client.js'
import { gitHubConversation, gitHubRepository } from './github/ports.js'
import { proxyNetwork } from './net/proxy.js'
import type { Inputs } from './inputs.js'
import { requireSaasInputs } from './inputs.js'
import type { RunReport } from './report.js'
import { createSaasClient, normaliseBaseUrl } from './saas/client.js'
import type { Trigger } from './trigger.js'
import { USER_AGENT } from './version.js'
import { runVerify } from './verify/run.js'

const log: Log = { info: core.info, warning: core.warning, debug: core.debug }

/**
 * What a test may swap: the fetch Octokit uses (jest's globals differ; it wins over the proxy
 * fetch) and the clock.
 */
export interface BotOptions {
  fetch?: typeof globalThis.fetch
  nowMs?: () => number
}

/**
 * Builds the GitHub and SaaS clients and the flows' context for one run; notes for the job
 * summary (an event dropped or not sent) are pushed to `notes`.
 */
export function botContext(
  inputs: Inputs,
  trigger: Exclude<Trigger, { kind: 'ignored' }>,
  env: NodeJS.ProcessEnv,
  options: BotOptions = {},
  notes: string[] = []
): BotContext {
  const repo = { owner: trigger.source.owner, repo: trigger.source.repo }
  const { saasUrl, saasToken } = requireSaasInputs(inputs)
  const proxy = proxyNetwork(env)
  const github = createGitHubClient({
    token: inputs.githubToken,
    baseUrl: env.GITHUB_API_URL ?? 'https://api.github.com',
    userAgent: USER_AGENT,
    logger: { debug: core.debug, warning: core.warning },
    writeIntervalMs: 0,
    fetch: options.fetch ?? proxy?.fetch
  })
  const saas = createSaasClient({
    baseUrl: saasUrl,
    token: saasToken,
    teamSlug: inputs.teamSlug,
    userAgent: USER_AGENT,
    fetch: proxy?.fetch
  })
  const serverUrl = env.GITHUB_SERVER_URL ?? 'https://github.com'
  const nowMs = options.nowMs ?? Date.now
  // Events are opt-in, as in spec-kitty: without `emit-events` nothing is sent or drained.
  const events = inputs.emitEvents
    ? createMissionEventEmitter({
        github,
        repo,
        saas,
        saasOrigin: normaliseBaseUrl(saasUrl),
        log: { info: core.info, warning: core.warning, error: core.error },
        note: text => notes.push(text),
        nowMs
      })
    : undefined
  return {
    inputs,
    source: trigger.source,
    conversation: gitHubConversation(github, repo),
    repository: gitHubRepository(github, repo, message => {
      core.warning(`Permission check failed, so access is denied: ${message}`)
    }),
    saas,
    stateKey: deriveStateKey({
      saasToken,
      ...(inputs.stateSecret === undefined ? {} : { stateSecret: inputs.stateSecret })
    }),
    nowMs,
    newUlid: () => ulid(),
    runUrl: `${serverUrl}/${repo.owner}/${repo.repo}/actions/runs/${env.GITHUB_RUN_ID ?? ''}`,
    log,
    emitEvent: async (mission, project) => (await events?.emit(mission, project)) ?? false,
    drainEvents: async () => events?.drain()
  }
}

/** The report with the run's notes added after its own. */
function withNotes(report: RunReport, notes: readonly string[]): RunReport {
  if (notes.length === 0) return report
  return { ...report, notes: [...(report.notes ?? []), ...notes] }
}

/** Runs the flow the trigger asks for. */
export async function runBot(
  inputs: Inputs,
  trigger: Exclude<Trigger, { kind: 'ignored' }>,
  env: NodeJS.ProcessEnv,
  options: BotOptions = {}
): Promise<RunReport> {
  if (trigger.kind === 'verify') return runVerify(inputs, trigger, env, options)
  const notes: string[] = []
  const real = botContext(inputs, trigger, env, options, notes)
  // A dry run runs the same flows over ports that read for real and only record their writes.
  const dry = inputs.dryRun ? dryRunContext(real) : undefined
  const context = dry?.context ?? real
  const finish = (report: RunReport): RunReport => withNotes(dry?.finish(report) ?? report, notes)
  // Events earlier runs could not deliver go first, alongside this run's own reads.
  const drained = inputs.dryRun ? Promise.resolve() : context.drainEvents()
  try {
    if (trigger.kind === 'command') return finish(await handleCommand(context, trigger))
    return finish(await handleDispatch(context))
  } finally {
    await drained
  }
}
