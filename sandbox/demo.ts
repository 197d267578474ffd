/**
 * `npm run demo`: a whole kitty-origin conversation on a fresh sandbox. It runs the built
 * `dist/index.js` as a runner would, for a search that lists several tickets, a confirm by
 * someone who did not ask (refused), and the requester's confirm, and prints what a person would
 * see: the comments, the list's final state, the pull request, the mission's `meta.json` and
 * `spec.md`. Exits non-zero when a step does not end as expected.
 */
import { existsSync } from 'node:fs'
import { resolve } from 'node:path'
import { DEMO_STEPS, playDemo } from './demo-conversation.js'
import type { CommentSnapshot, DemoStep, MissionFile, Turn } from './demo-conversation.js'
import { commentBlock, DemoFailure, header, reactionLine, runLine } from './demo-report.js'
import { indent, plainText } from './plain-text.js'
import { PROJECT_ROOT } from './runner.js'
import type { Scenario } from './scenario.js'
import { startScenario } from './scenario.js'

const ENTRY = 'dist/index.js'

const TITLES: Readonly<Record<DemoStep, string>> = {
  search: 'Ask for tickets about Clerk auth',
  refusal: 'Someone else tries to confirm the list',
  confirm: 'The requester confirms row 1'
}

function printTurn(step: DemoStep, index: number, turn: Turn): void {
  console.log(header(String(index + 1), TITLES[step]))
  console.log(`  @${turn.command.user} commented: ${DEMO_STEPS[step].body}`)
  console.log(runLine(turn.run))
  console.log(`  reactions on @${turn.command.user}'s comment: ${reactionLine(turn.command)}`)
  for (const reply of turn.replies) console.log(commentBlock(reply))
}

function printFile(step: string, file: MissionFile, head: string): void {
  console.log(header(step, `${file.path} on ${head}`))
  console.log(indent(file.text.trimEnd(), 2))
}

function printList(step: string, list: CommentSnapshot): void {
  console.log(header(step, 'The candidate list now'))
  console.log(commentBlock(list))
}

async function play(scenario: Scenario): Promise<void> {
  const issue = scenario.github.repo(scenario.repository).issues.get(scenario.issueNumber)
  console.log('kitty-origin demo: the built action, run as a GitHub runner would, on a sandbox')
  const trackers = scenario.saas.state.resources
    .map(resource => `${resource.provider} ${resource.project_slug ?? resource.resource_id}`)
    .join(', ')
  console.log(`  sandbox SaaS:   ${scenario.saas.url} (${trackers})`)
  console.log(`  sandbox GitHub: ${scenario.github.url}`)
  console.log(
    `  ${scenario.repository}#${scenario.issueNumber} "${issue?.title ?? ''}" opened by @${issue?.user ?? ''}`
  )

  let index = 0
  const conversation = await playDemo(scenario, (step, turn) => {
    printTurn(step, index++, turn)
  })
  const { pull } = conversation
  printList('4', conversation.finalList)
  console.log(header('5', `Pull request #${pull.number}`))
  console.log(`  title:  ${pull.title}`)
  console.log(`  branch: ${pull.head} → ${pull.base}${pull.draft ? ' (draft)' : ''}`)
  if (pull.labels.length > 0) console.log(`  labels: ${pull.labels.join(', ')}`)
  console.log(`  body:\n${indent(plainText(pull.body), 6)}`)
  printFile('6', conversation.meta, pull.head)
  const meta = JSON.parse(conversation.meta.text) as Record<string, unknown>
  if (meta.origin_ticket === null || typeof meta.origin_ticket !== 'object') {
    throw new DemoFailure(`${conversation.meta.path} has no origin_ticket.`)
  }
  printFile('7', conversation.spec, pull.head)
  console.log(
    '\nDemo finished: candidates posted, a confirm by someone else refused, mission created, ' +
      'pull request opened.'
  )
}

async function main(): Promise<number> {
  if (!existsSync(resolve(PROJECT_ROOT, ENTRY))) {
    console.error(
      `${ENTRY} does not exist yet: run \`npm run build\` first, then \`npm run demo\`.`
    )
    return 1
  }
  const scenario = await startScenario({ entry: ENTRY })
  try {
    await play(scenario)
    return 0
  } catch (error) {
    const message = error instanceof DemoFailure ? error.message : String(error)
    console.error(`\nDemo failed: ${message}`)
    return 1
  } finally {
    await scenario.close()
  }
}

process.exitCode = await main()
