/**
 * The composition root: the one place that reads the runner's environment for the clients, binds
 * the `Log` port to the runner, and builds the proxy, the GitHub client, the SaaS client and the
 * ports of every flow. Nothing else builds a client or touches `@actions/core` (except main.ts,
 * which owns the step's inputs and outputs).
 */
import * as core from '@actions/core'
import { ulid } from 'ulid'
import { deriveStateKey } from './chatops/state.js'
import { createMissionEventEmitter } from './events/emitter.js'
import type { BotContext } from './flows/context.js'
import { createGitHubClient } from './github/client.js'
import type { GitHub } from './github/client.js'
import { createGitHubOutboxStore } from './github/outbox-store.js'
import { listPullRequestFiles, MAX_LISTED_PULL_FILES } from './github/pull-files.js'
import { gitHubConversation, gitHubRepository } from './github/ports.js'
import { getBranchHead } from './github/refs.js'
import { readTextFile } from './github/repo.js'
import { listTreeEntries, listTreeRecursive, treeEntryAt } from './github/trees.js'
import type { Inputs } from './inputs.js'
import { requireSaasInputs } from './inputs.js'
import type { Log } from './log.js'
import { proxyNetwork } from './net/proxy.js'
import type { ProxyNetwork } from './net/proxy.js'
import { createSaasClient, normaliseBaseUrl } from './saas/client.js'
import type { SaasClient } from './saas/client.js'
import type { Trigger } from './trigger.js'
import { USER_AGENT } from './version.js'
import type { AnnotationSink, VerifyPorts } from './verify/ports.js'

/** The runner's log, as every module that takes the `Log` port receives it. */
const runnerLog: Log = {
  debug: core.debug,
  info: core.info,
  warning: core.warning,
  error: core.error
}

/**
 * What a test may swap: the fetch Octokit uses (jest's globals differ; it wins over the proxy's),
 * the clock, and where the pull request check's annotations go.
 */
export interface WiringOptions {
  fetch?: typeof globalThis.fetch
  nowMs?: () => number
  annotations?: AnnotationSink
}

/** The trigger of a run that does something. */
type ActiveTrigger = Exclude<Trigger, { kind: 'ignored' }>

/** The outgoing network of one run: the proxy (if any) and the GitHub client over it. */
interface Network {
  proxy: ProxyNetwork | undefined
  github: GitHub
}

function network(inputs: Inputs, env: NodeJS.ProcessEnv, options: WiringOptions): Network {
  const proxy = proxyNetwork(env)
  const github = createGitHubClient({
    token: inputs.githubToken,
    baseUrl: env.GITHUB_API_URL ?? 'https://api.github.com',
    userAgent: USER_AGENT,
    logger: runnerLog,
    // No pause between writes: with the throttling plugin's default spacing (1 s between writes,
    // 3 s between writes that notify people) a confirm's reply came after 9.4 s instead of
    // 1.1 to 2.4 s in `npm run bench` (Node 24). A run makes about ten writes, far below GitHub's
    // secondary limits, and a secondary limit GitHub does report is still waited out and retried.
    writeIntervalMs: 0,
    fetch: options.fetch ?? proxy?.fetch
  })
  return { proxy, github }
}

function saasClient(
  saas: { saasUrl: string; saasToken: string; teamSlug: string | undefined },
  proxy: ProxyNetwork | undefined
): SaasClient {
  return createSaasClient({
    baseUrl: saas.saasUrl,
    token: saas.saasToken,
    ...(saas.teamSlug === undefined ? {} : { teamSlug: saas.teamSlug }),
    userAgent: USER_AGENT,
    fetch: proxy?.fetch
  })
}

/**
 * The flows' context for a comment command or a dispatch: GitHub, the SaaS, events, clock. Notes
 * for the job summary (an event dropped or not sent) are pushed to `notes`.
 */
export function botContext(
  inputs: Inputs,
  trigger: Exclude<ActiveTrigger, { kind: 'verify' }>,
  env: NodeJS.ProcessEnv,
  options: WiringOptions,
  notes: string[]
): BotContext {
  const repo = { owner: trigger.source.owner, repo: trigger.source.repo }
  const { saasUrl, saasToken } = requireSaasInputs(inputs)
  const { proxy, github } = network(inputs, env, options)
  const saas = saasClient({ saasUrl, saasToken, teamSlug: inputs.teamSlug }, proxy)
  const serverUrl = env.GITHUB_SERVER_URL ?? 'https://github.com'
  const nowMs = options.nowMs ?? Date.now
  // Events are opt-in, as in spec-kitty: without `emit-events` nothing is sent or drained.
  const events = inputs.emitEvents
    ? createMissionEventEmitter({
        repoSlug: `${repo.owner}/${repo.repo}`,
        store: createGitHubOutboxStore(github, repo, { log: runnerLog }),
        branchHead: branch => getBranchHead(github, repo, branch),
        saas,
        saasOrigin: normaliseBaseUrl(saasUrl),
        log: runnerLog,
        note: text => notes.push(text),
        nowMs
      })
    : undefined
  return {
    inputs,
    source: trigger.source,
    conversation: gitHubConversation(github, repo),
    repository: gitHubRepository(github, repo, message => {
      runnerLog.warning(`Permission check failed, so access is denied: ${message}`)
    }),
    saas,
    stateKey: deriveStateKey({
      saasToken,
      ...(inputs.stateSecret === undefined ? {} : { stateSecret: inputs.stateSecret })
    }),
    nowMs,
    newUlid: () => ulid(),
    runId: env.GITHUB_RUN_ID ?? '',
    runUrl: `${serverUrl}/${repo.owner}/${repo.repo}/actions/runs/${env.GITHUB_RUN_ID ?? ''}`,
    log: runnerLog,
    emitEvent: async (mission, project) => (await events?.emit(mission, project)) ?? false,
    drainEvents: async () => events?.drain()
  }
}

/**
 * The pull request check's ports: GitHub, the runner's annotations, and the SaaS when both of its
 * inputs are set (with a warning when only one is: GitHub gives no secrets to pull requests from
 * forks, so typically the token is missing).
 */
export function verifyPorts(
  inputs: Inputs,
  trigger: Extract<Trigger, { kind: 'verify' }>,
  env: NodeJS.ProcessEnv,
  options: WiringOptions = {}
): VerifyPorts {
  const repo = { owner: trigger.source.owner, repo: trigger.source.repo }
  const { proxy, github } = network(inputs, env, options)
  const { saasUrl, saasToken, teamSlug } = inputs
  if ((saasUrl === undefined) !== (saasToken === undefined)) {
    const empty = saasUrl === undefined ? 'saas-url' : 'saas-token'
    runnerLog.warning(
      `Input \`${empty}\` is empty, so origin tickets are not re-checked at the Spec Kitty SaaS (GitHub gives no secrets to pull requests from forks).`
    )
  }
  const saas =
    saasUrl === undefined || saasToken === undefined
      ? undefined
      : saasClient({ saasUrl, saasToken, teamSlug }, proxy)
  return {
    async listChangedFiles(pullNumber) {
      const files = await listPullRequestFiles(github, repo, pullNumber)
      return { files, complete: files.length < MAX_LISTED_PULL_FILES }
    },
    readFile: (path, ref) => readTextFile(github, repo, path, ref),
    entryAt: (ref, path) => treeEntryAt(github, repo, ref, path),
    listTree: (sha, recursive) =>
      recursive
        ? listTreeRecursive(github, repo, sha).then(tree => tree?.items ?? null)
        : listTreeEntries(github, repo, sha),
    ...(saas === undefined ? {} : { saas }),
    annotations: options.annotations ?? { error: core.error, notice: core.notice },
    log: runnerLog
  }
}
