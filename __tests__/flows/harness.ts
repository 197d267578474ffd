import { fetch as undiciFetch } from 'undici'
import { runBot } from '../../src/bot.js'
import { readInputs } from '../../src/inputs.js'
import type { RunReport } from '../../src/report.js'
import { readTrigger } from '../../src/trigger.js'
import { startScenario } from '../../sandbox/scenario.js'
import type { Scenario, ScenarioOptions } from '../../sandbox/scenario.js'

/** The bot run in-process against both sandboxes over real sockets. */
export interface BotHarness extends Scenario {
  /** Posts `body` as `login` on the issue and runs the bot for that comment. */
  say(login: string, body: string, inputs?: Record<string, string>): Promise<RunReport>
  /** Runs the bot again for an event already posted (a re-run of the same job). */
  rerun(payload: unknown, login: string, inputs?: Record<string, string>): Promise<RunReport>
  /** The bot's comments on the issue, newest last. */
  botBodies(): string[]
  /** Reactions the bot left on a comment. */
  reactions(commentId: number): string[]
  /** Requests the sandbox SaaS saw on a path. */
  saasCalls(path: string): number
  lastPayload: unknown
  now: { ms: number }
}

const testFetch = undiciFetch as unknown as typeof globalThis.fetch

/** Starts both sandboxes and an issue to talk on. */
export async function startBot(
  options: ScenarioOptions & { inputs?: Record<string, string> } = {}
): Promise<BotHarness> {
  const scenario = await startScenario(options)
  const now = { ms: Date.now() }
  const harness: BotHarness = Object.assign(Object.create(null) as object, scenario, {
    lastPayload: undefined,
    now,
    async say(login: string, body: string, inputs: Record<string, string> = {}) {
      const payload = scenario.postComment(login, body)
      harness.lastPayload = payload
      return harness.rerun(payload, login, inputs)
    },
    async rerun(
      payload: unknown,
      login: string,
      inputs: Record<string, string> = {}
    ): Promise<RunReport> {
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
      const trigger = readTrigger('issue_comment', payload, parsed.commandPrefix, login)
      if (trigger.kind === 'ignored')
        return { state: 'ignored', dryRun: parsed.dryRun, reason: trigger.reason }
      return runBot(
        parsed,
        trigger,
        {
          GITHUB_API_URL: scenario.github.url,
          GITHUB_SERVER_URL: 'https://github.com',
          GITHUB_RUN_ID: '1'
        },
        { fetch: testFetch, nowMs: () => now.ms }
      )
    },
    botBodies: () => scenario.botComments().map(comment => comment.body),
    reactions: (commentId: number) =>
      scenario.github
        .repo(scenario.repository)
        .comments.get(commentId)
        ?.reactions.map(reaction => reaction.content) ?? [],
    saasCalls: (path: string) =>
      scenario.saas.requests.filter(request => request.path === path).length
  })
  return harness
}
