/**
 * The sandboxes for a `@github/local-action` run. `npx tsx sandbox/local-action.ts` starts the
 * sandbox SaaS and GitHub, posts the comment of `examples/events/issue_comment.json` on
 * acme/webapp#42 (so the event's comment exists there), writes `tmp/local-action.env` (the
 * `.env.example` lines with the sandboxes' URLs and tokens) and runs until Ctrl-C. Meanwhile, in
 * a second terminal: `npx local-action . src/main.ts tmp/local-action.env`.
 * `npx tsx sandbox/local-action.ts --write-event` rewrites the example event instead.
 */
import { mkdir, readFile, writeFile } from 'node:fs/promises'
import { dirname, join } from 'node:path'
import { pathToFileURL } from 'node:url'
import type { IssueCommentPayload } from './events.js'
import { PROJECT_ROOT } from './runner.js'
import { startScenario } from './scenario.js'
import type { Scenario } from './scenario.js'

/** The sample event `.env.example` points at, relative to the project root. */
export const EXAMPLE_EVENT_PATH = 'examples/events/issue_comment.json'
/** The template of a local run's environment, relative to the project root. */
export const ENV_EXAMPLE_PATH = '.env.example'
/** Where the sandbox variant of `.env.example` is written (git-ignored). */
export const SANDBOX_ENV_PATH = 'tmp/local-action.env'
/** The job summary of a sandbox run (git-ignored). */
export const SANDBOX_SUMMARY_PATH = 'tmp/local-action-summary.md'
/** The comment of the sample event, posted by ana on acme/webapp#42. */
export const EXAMPLE_COMMENT = '/kitty start-from WEB-123'

/** The sandbox clock, fixed so the sample event's timestamps never change. */
const EXAMPLE_TIME = new Date('2026-01-15T10:00:00Z')

/** Running sandboxes with the sample comment posted, and the event GitHub sends for it. */
export interface ExampleSandboxes {
  scenario: Scenario
  event: IssueCommentPayload
}

/** Starts both sandboxes and posts the sample comment; ids are the same on every start. */
export async function startExampleSandboxes(): Promise<ExampleSandboxes> {
  const scenario = await startScenario({ github: { now: () => EXAMPLE_TIME } })
  return { scenario, event: scenario.postComment('ana', EXAMPLE_COMMENT) }
}

/** The variables that point a local run at the sandboxes (for real: the sandbox has no dry run). */
export function sandboxValues(scenario: Scenario): Record<string, string> {
  return {
    'INPUT_GITHUB-TOKEN': scenario.github.token,
    'INPUT_SAAS-URL': scenario.saas.url,
    'INPUT_SAAS-TOKEN': scenario.saas.token,
    'INPUT_TEAM-SLUG': scenario.saas.teamSlug ?? '',
    'INPUT_DRY-RUN': 'false',
    GITHUB_API_URL: scenario.github.url
  }
}

const LINE = /^([\w.-]+)=(.*)$/

/** The `KEY=value` pairs of a dotenv text (comments and blank lines skipped, values trimmed). */
export function parseEnvFile(text: string): Record<string, string> {
  const values: Record<string, string> = {}
  for (const line of text.split(/\r?\n/)) {
    const match = LINE.exec(line.trim())
    if (match !== null) values[match[1] ?? ''] = (match[2] ?? '').trim()
  }
  return values
}

/** The dotenv text with `values` set on their lines; keys it lacks are appended at the end. */
export function withValues(template: string, values: Record<string, string>): string {
  const missing = new Set(Object.keys(values))
  const lines = template.split('\n').map(line => {
    const key = LINE.exec(line.trim())?.[1]
    if (key === undefined || !(key in values)) return line
    missing.delete(key)
    return `${key}=${values[key]}`
  })
  const tail = [...missing].map(key => `${key}=${values[key]}`)
  return [...lines.slice(0, lines.at(-1) === '' ? -1 : undefined), ...tail, ''].join('\n')
}

async function writeProjectFile(path: string, text: string): Promise<void> {
  const target = join(PROJECT_ROOT, path)
  await mkdir(dirname(target), { recursive: true })
  await writeFile(target, text)
}

async function main(): Promise<void> {
  const { scenario, event } = await startExampleSandboxes()
  if (process.argv.includes('--write-event')) {
    await writeProjectFile(EXAMPLE_EVENT_PATH, `${JSON.stringify(event, null, 2)}\n`)
    await scenario.close()
    console.log(`Wrote ${EXAMPLE_EVENT_PATH}.`)
    return
  }
  const template = await readFile(join(PROJECT_ROOT, ENV_EXAMPLE_PATH), 'utf8')
  await writeProjectFile(SANDBOX_SUMMARY_PATH, '')
  await writeProjectFile(
    SANDBOX_ENV_PATH,
    withValues(template, {
      ...sandboxValues(scenario),
      GITHUB_STEP_SUMMARY: join(PROJECT_ROOT, SANDBOX_SUMMARY_PATH)
    })
  )
  console.log(`Sandbox GitHub: ${scenario.github.url}  Sandbox SaaS: ${scenario.saas.url}`)
  console.log(`Wrote ${SANDBOX_ENV_PATH}. In another terminal, run:`)
  console.log(`  npx local-action . src/main.ts ${SANDBOX_ENV_PATH}`)
  console.log(`The job summary goes to ${SANDBOX_SUMMARY_PATH}.`)
  console.log('Press Ctrl-C to stop the sandboxes.')
  const stop = (): void => {
    const replies = scenario.botComments().map(comment => comment.body)
    console.log(`\nThe bot posted ${replies.length} comment(s) on acme/webapp#42.`)
    for (const reply of replies) console.log(`---\n${reply}`)
    void scenario.close()
  }
  process.once('SIGINT', stop)
  process.once('SIGTERM', stop)
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) await main()
