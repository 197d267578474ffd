import { beforeEach, describe, expect, it } from '@jest/globals'
import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { run } from '../src/main.js'
import { issueCommentEvent } from '../sandbox/events.js'
import { startScenario } from '../sandbox/scenario.js'
import { parseCommandLine } from '../sandbox/workflow-commands.js'
import { captureStdout, useRunnerStep } from '../__fixtures__/runner/step.js'

const step = useRunnerStep()
beforeEach(() => {
  step.setInputs({
    'saas-url': 'http://127.0.0.1:9',
    'saas-token': 'saas-secret-token',
    'github-token': 'ghs_x'
  })
})

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
  const path = join(step.dir, 'event.json')
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
    expect(step.outputs()).toMatchObject({ state: 'ignored', candidates: '[]' })
    expect(JSON.parse(step.outputs().result!)).toMatchObject({
      version: 1,
      state: 'ignored',
      reason: 'the comment holds no /kitty command'
    })
    expect(readFileSync(step.summaryPath, 'utf8')).toContain('Nothing to do')
    expect(process.exitCode).toBeUndefined()
  })

  it('fails the run with one sentence when an input is invalid, losing nothing else', async () => {
    step.setInputs({ 'candidate-limit': '500' })
    await run({ GITHUB_EVENT_NAME: 'push' })
    expect(step.outputs()).toMatchObject({ state: 'failed' })
    expect(JSON.parse(step.outputs().result!)).toMatchObject({
      error: { code: 'input-invalid', message: 'Input `candidate-limit` must be from 1 to 50.' }
    })
    expect(process.exitCode).toBe(1)
  })

  it('fails clearly when the event file cannot be read', async () => {
    await run({
      GITHUB_EVENT_NAME: 'issue_comment',
      GITHUB_EVENT_PATH: join(step.dir, 'missing.json')
    })
    expect(JSON.parse(step.outputs().result!)).toMatchObject({
      state: 'failed',
      error: { code: 'internal' }
    })
  })

  it('treats a run without an event as ignored', async () => {
    await run({})
    expect(step.outputs().state).toBe('ignored')
  })

  it('runs a command through the bot and reports its state', async () => {
    const scenario = await startScenario()
    try {
      step.setInputs({
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
      expect(step.outputs().state).toBe('help')
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
    rmSync(step.summaryPath)
    mkdirSync(step.summaryPath)
    const log = captureStdout()
    try {
      await run({ GITHUB_EVENT_NAME: 'push' })
    } finally {
      log.restore()
    }
    expect(step.outputs().state).toBe('ignored')
    expect(process.exitCode).toBeUndefined()
    expect(log.text()).toMatch(/::warning::The job summary could not be written: .*EISDIR/)
  })
})
