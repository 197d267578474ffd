/**
 * `npm run screenshots`: plays the demo conversation with the built action on a sandbox (plus a
 * failure an owner must fix), renders what GitHub would show — the candidate list, a refusal, the
 * confirm reply, the used list, the pull request, the failure and the job summary — as
 * GitHub-flavoured markdown in headless Chromium, and writes the PNGs to `docs/images/`.
 *
 * Needs `dist/index.js` (`npm run build`), Debian's `chromium` and, for the emoji,
 * `fonts-noto-color-emoji` (`apt-get install -y chromium fonts-noto-color-emoji`). Set CHROMIUM
 * to use another executable. Not part of `npm test`: CI has no browser.
 */
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs'
import { createRequire } from 'node:module'
import { join, resolve } from 'node:path'
import { converse, playDemo } from '../sandbox/demo-conversation.js'
import type { CommentSnapshot, DemoConversation, Turn } from '../sandbox/demo-conversation.js'
import { DemoFailure, expectRun } from '../sandbox/demo-report.js'
import { PROJECT_ROOT } from '../sandbox/runner.js'
import { startScenario } from '../sandbox/scenario.js'
import type { Scenario } from '../sandbox/scenario.js'
import { launchBrowser } from './screenshots/chromium.js'
import { pageHtml } from './screenshots/html.js'
import type { Frame } from './screenshots/html.js'

const ENTRY = 'dist/index.js'
const OUT_DIR = join(PROJECT_ROOT, 'docs', 'images')
const WIDTH = 860
const SEARCH = '/api/v1/tracker/issue-search/'

const EMOJI: Readonly<Record<string, string>> = {
  '+1': '👍',
  '-1': '👎',
  confused: '😕',
  rocket: '🚀',
  eyes: '👀',
  hooray: '🎉',
  heart: '❤️',
  laugh: '😄'
}

function comment(snapshot: CommentSnapshot, withReactions = false): Frame {
  return {
    kind: 'comment',
    author: snapshot.user,
    bot: snapshot.user.endsWith('[bot]'),
    markdown: snapshot.body,
    ...(withReactions
      ? { reactions: snapshot.reactions.map(reaction => EMOJI[reaction.content] ?? '❔') }
      : {})
  }
}

/** The person's command with the bot's reactions, then the bot's replies. */
function turnFrames(turn: Turn): Frame[] {
  return [comment(turn.command, true), ...turn.replies.map(reply => comment(reply))]
}

/** What an owner sees when the SaaS rejects the token: a failure, a red run. */
async function failureTurn(scenario: Scenario): Promise<Turn> {
  scenario.saas.faults.add({
    path: SEARCH,
    status: 401,
    body: { error_code: 'token_expired', message: 'Token expired.' }
  })
  const turn = await converse(scenario, 'ana', '/kitty start-from WEB-123')
  if (turn.run.outputs.state !== 'failed' || turn.run.exitCode !== 1) {
    expectRun('The failing run', turn.run, 'failed')
  }
  return turn
}

/** Every screenshot: its file name and its frames. */
function shots(conversation: DemoConversation, failure: Turn): [string, Frame[]][] {
  const { pull } = conversation
  return [
    ['candidate-list.png', turnFrames(conversation.search)],
    ['refusal.png', turnFrames(conversation.refusal)],
    ['mission-started.png', turnFrames(conversation.confirm)],
    ['list-used.png', [comment(conversation.finalList)]],
    [
      'pull-request.png',
      [
        {
          kind: 'pull-request',
          number: pull.number,
          title: pull.title,
          author: 'github-actions[bot]',
          head: pull.head,
          base: pull.base,
          markdown: pull.body
        }
      ]
    ],
    ['failure.png', turnFrames(failure)],
    [
      'job-summary.png',
      [
        {
          kind: 'summary',
          title: 'kitty-origin summary',
          markdown: conversation.confirm.run.summary
        }
      ]
    ]
  ]
}

async function main(): Promise<number> {
  if (!existsSync(resolve(PROJECT_ROOT, ENTRY))) {
    console.error(`${ENTRY} does not exist yet: run \`npm run build\` first.`)
    return 1
  }
  const require = createRequire(import.meta.url)
  const css = readFileSync(require.resolve('github-markdown-css/github-markdown-light.css'), 'utf8')
  const scenario = await startScenario({ entry: ENTRY })
  try {
    const conversation = await playDemo(scenario)
    const failure = await failureTurn(scenario)
    const browser = await launchBrowser(process.env.CHROMIUM ?? 'chromium')
    try {
      mkdirSync(OUT_DIR, { recursive: true })
      for (const [name, frames] of shots(conversation, failure)) {
        const png = await browser.screenshot(pageHtml(frames, css, WIDTH), WIDTH)
        writeFileSync(join(OUT_DIR, name), png)
        console.log(`docs/images/${name} (${Math.round(png.length / 1024)} kB)`)
      }
    } finally {
      await browser.close()
    }
    return 0
  } catch (error) {
    const message = error instanceof DemoFailure ? error.message : String(error)
    console.error(`Screenshots failed: ${message}`)
    return 1
  } finally {
    await scenario.close()
  }
}

process.exitCode = await main()
