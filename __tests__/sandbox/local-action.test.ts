import { afterEach, describe, expect, it } from '@jest/globals'
import { execFile } from 'node:child_process'
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { dirname, join } from 'node:path'
import { promisify } from 'node:util'
import { INPUTS } from '../../src/action-names.js'
import {
  ENV_EXAMPLE_PATH,
  EXAMPLE_EVENT_PATH,
  parseEnvFile,
  sandboxValues,
  startExampleSandboxes,
  withValues
} from '../../sandbox/local-action.js'
import type { ExampleSandboxes } from '../../sandbox/local-action.js'
import { inputVariable, PROJECT_ROOT, runAction } from '../../sandbox/runner.js'

const envExample = readFileSync(join(PROJECT_ROOT, ENV_EXAMPLE_PATH), 'utf8')

let sandboxes: ExampleSandboxes | undefined
afterEach(async () => {
  await sandboxes?.scenario.close()
  sandboxes = undefined
})

describe('.env.example', () => {
  const values = parseEnvFile(envExample)

  it('lists every input as the runner names it', () => {
    const inputs = Object.keys(values).filter(key => key.startsWith('INPUT_'))
    expect(inputs.sort()).toEqual(Object.keys(INPUTS).map(inputVariable).sort())
  })

  it('lists the GitHub variables the action reads', () => {
    for (const name of [
      'GITHUB_EVENT_NAME',
      'GITHUB_EVENT_PATH',
      'GITHUB_ACTOR',
      'GITHUB_REPOSITORY',
      'GITHUB_RUN_ID',
      'GITHUB_API_URL',
      'GITHUB_SERVER_URL',
      'GITHUB_OUTPUT',
      'GITHUB_STEP_SUMMARY',
      'HTTPS_PROXY',
      'HTTP_PROXY',
      'NO_PROXY'
    ]) {
      expect(values).toHaveProperty([name])
    }
  })

  it('points at the sample event, whose commenter is GITHUB_ACTOR', () => {
    expect(values.GITHUB_EVENT_PATH).toBe(EXAMPLE_EVENT_PATH)
    const event = JSON.parse(readFileSync(join(PROJECT_ROOT, EXAMPLE_EVENT_PATH), 'utf8')) as {
      comment: { body: string; user: { login: string } }
    }
    expect(event.comment.user.login).toBe(values.GITHUB_ACTOR)
    expect(event.comment.body).toBe('/kitty start-from WEB-123')
  })

  it('keeps the sample event equal to the one sandbox/events.ts generates', async () => {
    sandboxes = await startExampleSandboxes()
    const file = readFileSync(join(PROJECT_ROOT, EXAMPLE_EVENT_PATH), 'utf8')
    expect(JSON.parse(file)).toEqual(sandboxes.event)
  })
})

describe('parseEnvFile', () => {
  it.each([
    ['a pair', 'A=1', { A: '1' }],
    [
      'dashes and blanks around the value',
      'INPUT_SAAS-URL=  http://x  ',
      { 'INPUT_SAAS-URL': 'http://x' }
    ],
    ['an empty value', 'B=', { B: '' }],
    ['comments and blank lines', '# A=1\n\n  \nC=3', { C: '3' }],
    ['CRLF line ends', 'A=1\r\nB=2\r\n', { A: '1', B: '2' }],
    ['a value with =', 'A=x=y', { A: 'x=y' }]
  ])('reads %s', (_case, text, expected) => {
    expect(parseEnvFile(text)).toEqual(expected)
  })
})

describe('withValues', () => {
  it('sets values on their lines and keeps comments and order', () => {
    expect(withValues('# c\nA=1\nB=\n', { B: '2' })).toBe('# c\nA=1\nB=2\n')
  })

  it('appends the keys the template lacks', () => {
    expect(withValues('A=1\n', { C: '3' })).toBe('A=1\nC=3\n')
  })

  it('leaves a commented-out key alone', () => {
    expect(withValues('# A=1\n', { A: '2' })).toBe('# A=1\nA=2\n')
  })
})

describe('a local run against the sandboxes', () => {
  it('posts the candidates for the sample event with the .env.example settings', async () => {
    sandboxes = await startExampleSandboxes()
    const { scenario } = sandboxes
    const env = parseEnvFile(withValues(envExample, sandboxValues(scenario)))
    delete env.GITHUB_OUTPUT
    delete env.GITHUB_STEP_SUMMARY
    expect(existsSync(join(PROJECT_ROOT, 'dist/index.js'))).toBe(true)
    // The runner's own event file stays empty: the sample must come through GITHUB_EVENT_PATH.
    const result = await runAction({
      eventName: 'issue_comment',
      payload: {},
      inputs: {},
      env,
      cwd: PROJECT_ROOT
    })
    expect(result.outputs.state).toBe('candidates-posted')
    expect(scenario.botComments().at(-1)?.body).toContain('Tickets matching WEB-123')
    const sample = scenario.github
      .comments('acme/webapp', 42)
      .find(comment => comment.id === sandboxes?.event.comment.id)
    expect(sample?.reactions.map(reaction => reaction.content)).toContain('eyes')
  })
})

describe('npm run local-action', () => {
  it('shows the outputs and writes the job summary of a run against the sandboxes', async () => {
    sandboxes = await startExampleSandboxes()
    const dir = mkdtempSync(join(tmpdir(), 'kitty-local-action-'))
    try {
      const summary = join(dir, 'summary.md')
      const envFile = join(dir, 'local-action.env')
      writeFileSync(summary, '')
      writeFileSync(
        envFile,
        withValues(envExample, {
          ...sandboxValues(sandboxes.scenario),
          GITHUB_STEP_SUMMARY: summary
        })
      )
      // local-action loads src/main.ts with its own stand-ins for @actions/core's runner side.
      const { stdout } = await promisify(execFile)(
        process.execPath,
        [join(PROJECT_ROOT, 'node_modules/.bin/local-action'), '.', 'src/main.ts', envFile],
        {
          cwd: PROJECT_ROOT,
          env: { PATH: `${dirname(process.execPath)}:/usr/bin:/bin`, HOME: dir },
          timeout: 150_000
        }
      )
      // No warning: GitHub's 404 for the absent outbox is recognised as "no outbox" here too.
      expect(stdout).not.toContain('::warning::')
      const outputs = stdout.slice(stdout.indexOf('Action Outputs'))
      expect(outputs).toMatch(/'state'\s*│\s*'candidates-posted'/)
      expect(outputs).toMatch(/'candidates'\s*│\s*'\[\{"external_issue_id"/)
      expect(readFileSync(summary, 'utf8')).toContain('## kitty-origin: Candidates posted')
    } finally {
      rmSync(dir, { recursive: true, force: true })
    }
  }, 180_000)
})
