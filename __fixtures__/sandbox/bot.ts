/**
 * The bot run in-process against both sandboxes over real sockets, and the hooks that start it
 * for a test file: the flows, network and verification tests.
 */
import { runBot } from '../../src/bot.js'
import { readInputs } from '../../src/inputs.js'
import type { RunReport } from '../../src/report.js'
import { readTrigger } from '../../src/trigger.js'
import { startScenario } from '../../sandbox/scenario.js'
import type { Scenario, ScenarioOptions } from '../../sandbox/scenario.js'
import { testFetch } from './github.js'
import { useFresh, useStarts } from './hooks.js'
import type { Starter } from './hooks.js'
import { botBodies, reactions, saasCalls } from './views.js'

/** The bot run in-process against both sandboxes over real sockets. */
export interface BotHarness extends Omit<Scenario, 'dispatch'> {
  /** Posts `body` as `login` on the issue and runs the bot for that comment. */
  say(login: string, body: string, inputs?: Record<string, string>): Promise<RunReport>
  /** Runs the bot again for an event already posted (a re-run of the same job). */
  rerun(payload: unknown, login: string, inputs?: Record<string, string>): Promise<RunReport>
  /**
   * Runs the bot for `login` dispatching the workflow with `workflowInputs`, which the workflow
   * hands on to the action as its inputs (as the README's workflow does), plus `inputs`.
   */
  dispatch(
    login: string,
    workflowInputs: Record<string, string>,
    inputs?: Record<string, string>,
    env?: Record<string, string>
  ): Promise<RunReport>
  /** The bot's comments on the issue, newest last. */
  botBodies(): string[]
  /** Reactions the bot left on a comment. */
  reactions(commentId: number): string[]
  /** Requests the sandbox SaaS saw on a path. */
  saasCalls(path: string): number
  lastPayload: unknown
  now: { ms: number }
}

/** How the harness starts. */
export interface BotHarnessOptions extends ScenarioOptions {
  /** Inputs of every run (a run's own inputs win). */
  inputs?: Record<string, string>
  /**
   * Extra environment of every run (e.g. proxy variables). When given, the bot builds its own
   * fetch from it, as in production, instead of taking the harness's.
   */
  env?: Record<string, string>
}

/** Starts both sandboxes and an issue to talk on. */
export async function startBot(options: BotHarnessOptions = {}): Promise<BotHarness> {
  const scenario = await startScenario(options)
  const now = { ms: Date.now() }
  const runFor = async (
    eventName: string,
    payload: unknown,
    login: string,
    inputs: Record<string, string>,
    runEnv: Record<string, string> = {}
  ): Promise<RunReport> => {
    const values: Record<string, string> = {
      'github-token': scenario.github.token,
      'saas-url': scenario.saas.url,
      'saas-token': scenario.saas.token,
      ...(scenario.saas.teamSlug === null ? {} : { 'team-slug': scenario.saas.teamSlug }),
      ...options.inputs,
      ...inputs
    }
    const parsed = readInputs({
      getInput: name => values[name] ?? '',
      setSecret: () => undefined
    })
    const trigger = readTrigger(eventName, payload, parsed.commandPrefix, login)
    if (trigger.kind === 'ignored')
      return { state: 'ignored', dryRun: parsed.dryRun, reason: trigger.reason }
    return runBot(
      parsed,
      trigger,
      {
        GITHUB_API_URL: scenario.github.url,
        GITHUB_SERVER_URL: 'https://github.com',
        GITHUB_RUN_ID: '1',
        ...options.env,
        ...runEnv
      },
      options.env === undefined
        ? { fetch: testFetch, nowMs: () => now.ms }
        : { nowMs: () => now.ms }
    )
  }
  const harness: BotHarness = Object.assign(Object.create(null) as object, scenario, {
    lastPayload: undefined,
    now,
    async say(login: string, body: string, inputs: Record<string, string> = {}) {
      const payload = scenario.postComment(login, body)
      harness.lastPayload = payload
      return harness.rerun(payload, login, inputs)
    },
    rerun: (payload: unknown, login: string, inputs: Record<string, string> = {}) =>
      runFor('issue_comment', payload, login, inputs),
    dispatch: (
      login: string,
      workflowInputs: Record<string, string>,
      inputs: Record<string, string> = {},
      env: Record<string, string> = {}
    ) =>
      runFor(
        'workflow_dispatch',
        scenario.dispatch(login, workflowInputs),
        login,
        { ...workflowInputs, ...inputs },
        env
      ),
    botBodies: () => botBodies(scenario),
    reactions: (commentId: number) => reactions(scenario, commentId),
    saasCalls: (path: string) => saasCalls(scenario, path)
  })
  return harness
}

/** A fresh bot and sandboxes for every test of the file, started with `options`. */
export function useBot(options: BotHarnessOptions = {}): BotHarness {
  return useFresh('The bot', () => startBot(options))
}

/** Lets each test start bots with its own options (`bots.start(options)`), closed after it. */
export function useBots(): Starter<BotHarnessOptions, BotHarness> {
  return useStarts(startBot)
}
