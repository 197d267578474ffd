import type { FileSeed } from '../../sandbox/github/helpers.js'
import { readInputs } from '../../src/inputs.js'
import { openPullRequest } from '../../src/github/pulls.js'
import type { RunReport } from '../../src/report.js'
import { readTrigger } from '../../src/trigger.js'
import type { Annotation } from '../../src/verify/render.js'
import { runBot } from '../../src/bot.js'
import { pullRequestEvent } from '../../sandbox/events.js'
import { startBot } from '../../__fixtures__/sandbox/bot.js'
import type { BotHarness } from '../../__fixtures__/sandbox/bot.js'
import { gitHubClientFor, testFetch } from '../../__fixtures__/sandbox/github.js'
import { useFresh } from '../../__fixtures__/sandbox/hooks.js'

/** The bot and both sandboxes, plus pull requests to verify in-process over real sockets. */
export interface VerifyHarness {
  bot: BotHarness
  /** Every annotation the verifications wrote, in order. */
  annotations: Annotation[]
  /** Pushes a commit of `files` to a new branch off main and opens a pull request for it. */
  openPull(branch: string, files: Record<string, FileSeed>): Promise<number>
  /**
   * Verifies a pull request at its head for a recorded `pull_request` event, with the sandbox
   * SaaS unless `inputs` blank its inputs. With `env` (e.g. proxy variables) the run builds its
   * own fetch from it, as in production, instead of taking the harness's.
   */
  verify(
    pullNumber: number,
    inputs?: Record<string, string>,
    action?: 'opened' | 'synchronize',
    env?: Record<string, string>
  ): Promise<RunReport>
  close(): Promise<void>
}

/** A fresh bot, sandboxes and annotation record for every test of the file. */
export function useVerify(): VerifyHarness {
  return useFresh('The verification harness', startVerify)
}

/** Starts the sandboxes for verification tests. */
export async function startVerify(): Promise<VerifyHarness> {
  const bot = await startBot()
  const client = gitHubClientFor(bot.github)
  const [owner = '', repo = ''] = bot.repository.split('/')
  const annotations: Annotation[] = []
  return {
    bot,
    annotations,
    async openPull(branch, files) {
      bot.github.pushFiles(bot.repository, branch, files, `Change ${branch}`)
      const pull = await openPullRequest(
        client,
        { owner, repo },
        {
          head: branch,
          base: bot.defaultBranch,
          title: `Change ${branch}`,
          body: '',
          draft: false,
          labels: []
        }
      )
      return pull.number
    },
    async verify(pullNumber, inputs = {}, action = 'opened', env) {
      const pull = bot.pullRequest(pullNumber)
      if (pull === undefined) throw new Error(`The sandbox has no pull request #${pullNumber}.`)
      const values: Record<string, string> = {
        'github-token': bot.github.token,
        'saas-url': bot.saas.url,
        'saas-token': bot.saas.token,
        ...(bot.saas.teamSlug === null ? {} : { 'team-slug': bot.saas.teamSlug }),
        ...inputs
      }
      const parsed = readInputs({
        getInput: name => values[name] ?? '',
        setSecret: () => undefined
      })
      const payload = pullRequestEvent({
        owner,
        repo,
        defaultBranch: bot.defaultBranch,
        action,
        number: pullNumber,
        login: 'ana',
        head: pull.head,
        headSha: bot.github.branchHead(bot.repository, pull.head),
        base: pull.base
      })
      const trigger = readTrigger('pull_request', payload, parsed.commandPrefix, 'ana')
      if (trigger.kind !== 'verify') throw new Error(`Not a verify trigger: ${trigger.kind}`)
      return runBot(
        parsed,
        trigger,
        { GITHUB_API_URL: bot.github.url, ...env },
        {
          ...(env === undefined ? { fetch: testFetch } : {}),
          annotations: {
            error: (message, properties) =>
              annotations.push({ level: 'error', message, properties }),
            notice: (message, properties) =>
              annotations.push({ level: 'notice', message, properties })
          }
        }
      )
    },
    close: () => bot.close()
  }
}
