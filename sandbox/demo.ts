/**
 * `npm run demo`: a whole kitty-origin conversation on a fresh sandbox. It runs the built
 * `dist/index.js` as a runner would, once for `/kitty start-from WEB-123` and once for the
 * confirming reply, and prints what a person would see. Exits non-zero when a step fails.
 */
import { existsSync } from 'node:fs'
import { resolve } from 'node:path'
import {
  commentBlock,
  DemoFailure,
  expectRun,
  header,
  reactionLine,
  runLine
} from './demo-report.js'
import { indent, plainText } from './plain-text.js'
import { PROJECT_ROOT } from './runner.js'
import type { RunResult } from './runner.js'
import { startScenario } from './scenario.js'
import type { Scenario } from './scenario.js'

const ENTRY = 'dist/index.js'

/** Posts `body` as ana, runs the action for it and prints the run and the bot's new comments. */
async function converse(scenario: Scenario, body: string): Promise<RunResult> {
  const before = new Set(scenario.botComments().map(comment => comment.id))
  const payload = scenario.postComment('ana', body)
  console.log(`  @ana commented: ${body}`)
  const result = await scenario.run('issue_comment', payload)
  console.log(runLine(result))
  const own = scenario.github
    .comments(scenario.repository, scenario.issueNumber)
    .find(comment => comment.id === payload.comment.id)
  console.log(`  reactions on @ana's comment: ${own === undefined ? 'none' : reactionLine(own)}`)
  for (const comment of scenario.botComments().filter(comment => !before.has(comment.id))) {
    console.log(commentBlock(comment))
  }
  return result
}

/** The `kitty-specs/<dir>/meta.json` files the pull request's head adds to its base. */
function addedMetaFiles(scenario: Scenario, head: string, base: string): string[] {
  const repo = scenario.github.repo(scenario.repository)
  const files = (branch: string): Set<string> => {
    const tree = repo.git.commit(repo.refs.get(`refs/heads/${branch}`) ?? '')?.tree
    return new Set(tree === undefined ? [] : repo.git.flatten(tree).keys())
  }
  const onBase = files(base)
  return [...files(head)].filter(
    path => /^kitty-specs\/[^/]+\/meta\.json$/.test(path) && !onBase.has(path)
  )
}

function printPullRequest(scenario: Scenario, result: RunResult): { head: string; base: string } {
  const number = Number(result.outputs['pull-request-number'])
  const pull = scenario.pullRequest(number)
  if (pull === undefined) {
    throw new DemoFailure(
      `The confirm run names pull request ${result.outputs['pull-request-number'] ?? '(none)'}, which the sandbox does not have.`
    )
  }
  console.log(header('3', `Pull request #${number}`))
  console.log(`  title:  ${pull.title}`)
  console.log(`  branch: ${pull.head} → ${pull.base}${pull.draft ? ' (draft)' : ''}`)
  if (pull.labels.length > 0) console.log(`  labels: ${pull.labels.join(', ')}`)
  console.log(`  body:\n${indent(plainText(pull.body), 6)}`)
  return pull
}

function printMeta(scenario: Scenario, result: RunResult, head: string, base: string): void {
  const added = addedMetaFiles(scenario, head, base)
  const dir = result.outputs['mission-dir']
  const path = dir === undefined || dir === '' ? added[0] : `${dir}/meta.json`
  if (path === undefined || !added.includes(path)) {
    throw new DemoFailure(
      `The pull request's branch ${head} adds no ${path ?? 'kitty-specs/<mission>/meta.json'}.`
    )
  }
  const text = scenario.github.readFile(scenario.repository, head, path) ?? ''
  console.log(header('4', `${path} on ${head}`))
  console.log(indent(text.trimEnd(), 2))
  const meta = JSON.parse(text) as Record<string, unknown>
  const origin = meta.origin_ticket
  if (origin === null || typeof origin !== 'object') {
    throw new DemoFailure(`${path} has no origin_ticket.`)
  }
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

  console.log(header('1', 'Ask for a ticket'))
  const search = await converse(scenario, '/kitty start-from WEB-123')
  expectRun('The start-from run', search, 'candidates-posted')

  console.log(header('2', 'Confirm the candidate'))
  const confirm = await converse(scenario, '/kitty confirm 1')
  expectRun('The confirm run', confirm, 'mission-created')

  const pull = printPullRequest(scenario, confirm)
  printMeta(scenario, confirm, pull.head, pull.base)
  console.log('\nDemo finished: candidates posted, mission created, pull request opened.')
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
