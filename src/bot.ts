import * as core from '@actions/core'
import { ulid } from 'ulid'
import { deriveStateKey } from './chatops/state.js'
import { toKittyError } from './errors.js'
import type { BotContext } from './flows/context.js'
import { handleCommand } from './flows/command.js'
import type { Log } from './flows/ports.js'
import { createMissionEventEmitter } from './events/emitter.js'
import { createGitHubClient } from './github/client.js'
import { gitHubConversation, gitHubRepository } from './github/ports.js'
import type { Inputs } from './inputs.js'
import type { RunReport } from './report.js'
import { createSaasClient } from './saas/client.js'
import type { Trigger } from './trigger.js'
import { USER_AGENT } from './version.js'
import { KittyError } from './errors.js'

const log: Log = { info: core.info, warning: core.warning, debug: core.debug }

/** What a test may swap: the fetch Octokit uses (jest's globals differ) and the clock. */
export interface BotOptions {
  fetch?: typeof globalThis.fetch
  nowMs?: () => number
}

/** Builds the GitHub and SaaS clients and the flows' context for one run. */
export function botContext(
  inputs: Inputs,
  trigger: Exclude<Trigger, { kind: 'ignored' }>,
  env: NodeJS.ProcessEnv,
  options: BotOptions = {}
): BotContext {
  const repo = { owner: trigger.source.owner, repo: trigger.source.repo }
  const github = createGitHubClient({
    token: inputs.githubToken,
    baseUrl: env.GITHUB_API_URL ?? 'https://api.github.com',
    userAgent: USER_AGENT,
    logger: { debug: core.debug, warning: core.warning },
    writeIntervalMs: 0,
    ...(options.fetch === undefined ? {} : { fetch: options.fetch })
  })
  const saas = createSaasClient({
    baseUrl: inputs.saasUrl,
    token: inputs.saasToken,
    ...(inputs.teamSlug === undefined ? {} : { teamSlug: inputs.teamSlug }),
    userAgent: USER_AGENT
  })
  const serverUrl = env.GITHUB_SERVER_URL ?? 'https://github.com'
  const nowMs = options.nowMs ?? Date.now
  const events = createMissionEventEmitter({
    github,
    repo,
    saas,
    log: { info: core.info, warning: core.warning, error: core.error },
    nowMs,
    newUlid: () => ulid()
  })
  return {
    inputs,
    source: trigger.source,
    conversation: gitHubConversation(github, repo),
    repository: gitHubRepository(github, repo, message => {
      core.warning(`Permission check failed, so access is denied: ${message}`)
    }),
    saas,
    stateKey: deriveStateKey({
      saasToken: inputs.saasToken,
      ...(inputs.stateSecret === undefined ? {} : { stateSecret: inputs.stateSecret })
    }),
    nowMs,
    newUlid: () => ulid(),
    runUrl: `${serverUrl}/${repo.owner}/${repo.repo}/actions/runs/${env.GITHUB_RUN_ID ?? ''}`,
    log,
    emitEvent: (mission, project) => events.emit(mission, project),
    drainEvents: () => events.drain()
  }
}

/** Runs the flow the trigger asks for. */
export async function runBot(
  inputs: Inputs,
  trigger: Exclude<Trigger, { kind: 'ignored' }>,
  env: NodeJS.ProcessEnv,
  options: BotOptions = {}
): Promise<RunReport> {
  const context = botContext(inputs, trigger, env, options)
  // Events earlier runs could not deliver go first, alongside this run's own reads.
  const drained = inputs.dryRun ? Promise.resolve() : context.drainEvents()
  try {
    if (trigger.kind === 'command') return await handleCommand(context, trigger)
  } finally {
    await drained
  }
  const error = new KittyError('input-invalid', 'workflow_dispatch is not supported yet.')
  return {
    state: 'failed',
    dryRun: inputs.dryRun,
    error: { code: error.code, message: toKittyError(error).message }
  }
}
