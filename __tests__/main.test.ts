import { afterEach, beforeEach, describe, expect, it, jest } from '@jest/globals'
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { run } from '../src/main.js'
import { issueCommentEvent } from '../sandbox/events.js'
import { startScenario } from '../sandbox/scenario.js'
import { parseCommandLine, parseFileCommand } from '../sandbox/workflow-commands.js'

let dir: string
const saved = { ...process.env }
/** `core.summary` resolves its file once per process (a runner gives a step one), so one per file. */
const summaryPath = join(mkdtempSync(join(tmpdir(), 'kitty-summary-')), 'summary')

function setInputs(inputs: Record<string, string>): void {
  for (const [name, value] of Object.entries(inputs))
    process.env[`INPUT_${name.toUpperCase()}`] = value
}

function outputs(): Record<string, string> {
  return parseFileCommand(readFileSync(join(dir, 'output'), 'utf8'))
}

beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'kitty-main-'))
  for (const file of ['output', 'state', 'env', 'path']) writeFileSync(join(dir, file), '')
  rmSync(summaryPath, { recursive: true, force: true })
  writeFileSync(summaryPath, '')
  Object.assign(process.env, {
    GITHUB_OUTPUT: join(dir, 'output'),
    GITHUB_STEP_SUMMARY: summaryPath,
    GITHUB_STATE: join(dir, 'state'),
    GITHUB_ENV: join(dir, 'env'),
    GITHUB_PATH: join(dir, 'path')
  })
  setInputs({
    'saas-url': 'http://127.0.0.1:9',
    'saas-token': 'saas-secret-token',
    'github-token': 'ghs_x'
  })
})

afterEach(() => {
  process.env = { ...saved }
  process.exitCode = undefined
  rmSync(dir, { recursive: true, force: true })
})

/** Collects what the run writes to stdout (the runner's log) until `restore`. */
function captureStdout(): { text(): string; restore(): void } {
  const written: string[] = []
  const spy = jest.spyOn(process.stdout, 'write').mockImplementation(chunk => {
    written.push(String(chunk))
    return true
  })
  return {
    text: () => written.join(''),
    restore: () => {
      spy.mockRestore()
    }
  }
}

/** The titles of the log groups in a log, checking that each is closed before the next opens. */
function groups(log: string): string[] {
  const titles: string[] = []
  let open = false
  for (const command of log.split('\n').map(line => parseCommandLine(line))) {
    if (command?.name === 'group') {
      expect(open).toBe(false)
      titles.push(command.data)
      open = true
    } else if (command?.name === 'endgroup') {
      open = false
    }
  }
  expect(open).toBe(false)
  return titles
}

function eventFile(payload: unknown): string {
  const path = join(dir, 'event.json')
  writeFileSync(path, JSON.stringify(payload))
  return path
}

describe('run', () => {
  it('ends an ignored event with state ignored, outputs and a summary, and no failure', async () => {
    const log = captureStdout()
    const payload = issueCommentEvent({
      owner: 'acme',
      repo: 'webapp',
      defaultBranch: 'main',
      issueNumber: 1,
      commentCount: 1,
      commentId: 1,
      body: 'thanks!',
      login: 'ana'
    })
    await run({
      GITHUB_EVENT_NAME: 'issue_comment',
      GITHUB_EVENT_PATH: eventFile(payload),
      GITHUB_ACTOR: 'ana'
    })
    log.restore()
    expect(groups(log.text())).toEqual(['kitty-origin: outputs and job summary'])
    expect(outputs()).toMatchObject({ state: 'ignored', candidates: '[]' })
    expect(JSON.parse(outputs().result!)).toMatchObject({
      version: 1,
      state: 'ignored',
      reason: 'the comment holds no /kitty command'
    })
    expect(readFileSync(summaryPath, 'utf8')).toContain('Nothing to do')
    expect(process.exitCode).toBeUndefined()
  })

  it('fails the run with one sentence when an input is invalid, losing nothing else', async () => {
    setInputs({ 'candidate-limit': '500' })
    await run({ GITHUB_EVENT_NAME: 'push' })
    expect(outputs()).toMatchObject({ state: 'failed' })
    expect(JSON.parse(outputs().result!)).toMatchObject({
      error: { code: 'input-invalid', message: 'Input `candidate-limit` must be from 1 to 50.' }
    })
    expect(process.exitCode).toBe(1)
  })

  it('fails clearly when the event file cannot be read', async () => {
    await run({ GITHUB_EVENT_NAME: 'issue_comment', GITHUB_EVENT_PATH: join(dir, 'missing.json') })
    expect(JSON.parse(outputs().result!)).toMatchObject({
      state: 'failed',
      error: { code: 'internal' }
    })
  })

  it('treats a run without an event as ignored', async () => {
    await run({})
    expect(outputs().state).toBe('ignored')
  })

  it('runs a command through the bot and reports its state', async () => {
    const scenario = await startScenario()
    try {
      setInputs({
        'saas-url': scenario.saas.url,
        'saas-token': scenario.saas.token,
        'github-token': scenario.github.token,
        'team-slug': 'acme'
      })
      const payload = scenario.postComment('ana', '/kitty help')
      const log = captureStdout()
      try {
        await run({
          GITHUB_EVENT_NAME: 'issue_comment',
          GITHUB_EVENT_PATH: eventFile(payload),
          GITHUB_API_URL: scenario.github.url,
          GITHUB_ACTOR: 'ana'
        })
      } finally {
        log.restore()
      }
      expect(outputs().state).toBe('help')
      expect(groups(log.text())).toEqual([
        `kitty-origin: help on #${payload.issue.number} by @ana`,
        'kitty-origin: outputs and job summary'
      ])
      expect(scenario.botComments().at(-1)?.body).toContain('kitty-origin commands')
    } finally {
      await scenario.close()
    }
  })

  it('warns instead of failing when the job summary cannot be written', async () => {
    rmSync(summaryPath)
    mkdirSync(summaryPath)
    const written: string[] = []
    const spy = jest.spyOn(process.stdout, 'write').mockImplementation(chunk => {
      written.push(String(chunk))
      return true
    })
    try {
      await run({ GITHUB_EVENT_NAME: 'push' })
    } finally {
      spy.mockRestore()
    }
    expect(outputs().state).toBe('ignored')
    expect(process.exitCode).toBeUndefined()
    expect(written.join('')).toMatch(/::warning::The job summary could not be written: .*EISDIR/)
  })
})
