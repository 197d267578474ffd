import { existsSync } from 'node:fs'
import { afterEach, beforeEach, describe, expect, it } from '@jest/globals'
import { issueCommentEvent, pullRequestEvent, workflowDispatchEvent } from '../../sandbox/events.js'
import { runnerContext } from '../../sandbox/runner-context.js'
import { inputVariable, runAction } from '../../sandbox/runner.js'
import type { RunActionOptions } from '../../sandbox/runner.js'

const STAND_IN = '__fixtures__/runner/stand-in.js'
const target = { owner: 'acme', repo: 'webapp', defaultBranch: 'main' }
const comment = issueCommentEvent({
  ...target,
  issueNumber: 42,
  commentCount: 1,
  commentId: 1_000_123,
  body: '/kitty start-from WEB-123',
  login: 'ana'
})

function standIn(
  overrides: Partial<RunActionOptions> = {}
): Promise<Awaited<ReturnType<typeof runAction>>> {
  return runAction({
    entry: STAND_IN,
    eventName: 'issue_comment',
    payload: comment,
    inputs: { 'saas-url': 'http://127.0.0.1:9', 'saas-token': 'sk-secret-1', 'team slug': 'acme' },
    ...overrides
  })
}

function childEnv(outputs: Record<string, string>): Record<string, string> {
  return JSON.parse(outputs.env ?? '{}') as Record<string, string>
}

describe('inputVariable', () => {
  it.each([
    ['saas-url', 'INPUT_SAAS-URL'],
    ['github-token', 'INPUT_GITHUB-TOKEN'],
    ['team slug', 'INPUT_TEAM_SLUG'],
    ['Query', 'INPUT_QUERY'],
    ['issue-number', 'INPUT_ISSUE-NUMBER']
  ])('names input %j as %s, like the runner', (name, variable) => {
    expect(inputVariable(name)).toBe(variable)
  })
})

describe('runnerContext', () => {
  it('takes repository, actor and the default branch ref from an issue_comment payload', () => {
    const context = runnerContext('issue_comment', comment)
    expect(context).toMatchObject({
      repository: 'acme/webapp',
      actor: 'ana',
      ref: 'refs/heads/main',
      apiUrl: 'https://api.github.com',
      graphqlUrl: 'https://api.github.com/graphql'
    })
  })

  it('uses the merge ref and head sha of a pull_request payload', () => {
    const payload = pullRequestEvent({ ...target, number: 43, login: 'ben', head: 'feature' })
    const context = runnerContext('pull_request', payload)
    expect(context.ref).toBe('refs/pull/43/merge')
    expect(context.sha).toBe(payload.pull_request.head.sha)
    expect(context.actor).toBe('ben')
  })

  it('uses the ref of a workflow_dispatch payload', () => {
    const payload = workflowDispatchEvent({
      ...target,
      login: 'ana',
      inputs: {},
      ref: 'refs/heads/dev'
    })
    expect(runnerContext('workflow_dispatch', payload).ref).toBe('refs/heads/dev')
  })

  it('lets given values win, ignores undefined ones and derives the GraphQL URL from the API URL', () => {
    const context = runnerContext('issue_comment', comment, {
      apiUrl: 'http://127.0.0.1:5000',
      sha: 'a'.repeat(40),
      actor: undefined
    })
    expect(context).toMatchObject({
      apiUrl: 'http://127.0.0.1:5000',
      graphqlUrl: 'http://127.0.0.1:5000/graphql',
      sha: 'a'.repeat(40),
      actor: 'ana'
    })
  })

  it('falls back to defaults for a payload without a repository', () => {
    expect(runnerContext('push', 'not an object')).toMatchObject({
      repository: 'octo-org/octo-repo',
      ref: 'refs/heads/main',
      sha: '0'.repeat(40)
    })
  })
})

describe('runAction with a stand-in action', () => {
  const saved = { ...process.env }
  beforeEach(() => {
    process.env.KITTY_PARENT_ONLY = 'leak'
    process.env.HTTPS_PROXY = 'http://proxy.invalid:3128'
    process.env.https_proxy = 'http://proxy.invalid:3128'
    process.env.GITHUB_TOKEN = 'ghp_parent'
  })
  afterEach(() => {
    process.env = { ...saved }
  })

  it('passes inputs under the runner names and reads them back as outputs', async () => {
    const result = await standIn()
    expect(result.exitCode).toBe(0)
    expect(result.outputs['saas-url']).toBe('http://127.0.0.1:9')
    expect(result.outputs['spaced input']).toBe('acme')
    const env = childEnv(result.outputs)
    expect(env['INPUT_SAAS-URL']).toBe('http://127.0.0.1:9')
    expect(env['INPUT_SAAS-TOKEN']).toBe('sk-secret-1')
    expect(env.INPUT_TEAM_SLUG).toBe('acme')
  })

  it('parses multi-line outputs, saved state and the job summary', async () => {
    const result = await standIn()
    expect(result.outputs['multi-line']).toBe('first\nsecond\n')
    expect(result.state).toEqual({ phase: 'main' })
    expect(result.summary).toBe('<h1>Stand-in</h1>\nran fine\n')
  })

  it('hands the payload over in the event file', async () => {
    const result = await standIn()
    expect(result.outputs['event-action']).toBe('created')
    expect(childEnv(result.outputs).GITHUB_EVENT_NAME).toBe('issue_comment')
  })

  it('collects annotations with their properties, and masks', async () => {
    const result = await standIn({
      inputs: { 'saas-url': 'http://x', 'saas-token': 'sk-1', mode: 'fail' }
    })
    expect(result.exitCode).toBe(1)
    expect(result.annotations).toEqual([
      {
        level: 'warning',
        message: 'careful: 50% done',
        properties: { title: 'Heads up', file: 'src/a.ts', line: '3' }
      },
      { level: 'notice', message: 'just so you know', properties: {} },
      { level: 'error', message: 'it broke\non two lines', properties: {} }
    ])
    expect(result.masks).toEqual(['sk-1'])
  })

  it('gives the child a runner environment and none of the parent variables', async () => {
    const result = await standIn({
      github: { apiUrl: 'http://127.0.0.1:7', sha: 'b'.repeat(40), runId: '99' }
    })
    const env = childEnv(result.outputs)
    expect(env).toMatchObject({
      CI: 'true',
      GITHUB_ACTIONS: 'true',
      GITHUB_REPOSITORY: 'acme/webapp',
      GITHUB_REPOSITORY_OWNER: 'acme',
      GITHUB_ACTOR: 'ana',
      GITHUB_API_URL: 'http://127.0.0.1:7',
      GITHUB_GRAPHQL_URL: 'http://127.0.0.1:7/graphql',
      GITHUB_SERVER_URL: 'https://github.com',
      GITHUB_SHA: 'b'.repeat(40),
      GITHUB_REF: 'refs/heads/main',
      GITHUB_RUN_ID: '99',
      GITHUB_RUN_ATTEMPT: '1'
    })
    for (const name of [
      'GITHUB_OUTPUT',
      'GITHUB_STEP_SUMMARY',
      'GITHUB_STATE',
      'RUNNER_TEMP',
      'HOME'
    ]) {
      expect(env[name]).toEqual(expect.any(String))
    }
    expect(result.outputs.cwd).toBe(env.GITHUB_WORKSPACE)
    for (const name of [
      'KITTY_PARENT_ONLY',
      'HTTPS_PROXY',
      'https_proxy',
      'GITHUB_TOKEN',
      'NODE_OPTIONS',
      'RUNNER_DEBUG'
    ]) {
      expect(env).not.toHaveProperty([name])
    }
  })

  it('adds the step env and debug switch when asked', async () => {
    const result = await standIn({ env: { HTTPS_PROXY: 'http://proxy.test:8080' }, debug: true })
    const env = childEnv(result.outputs)
    expect(env.HTTPS_PROXY).toBe('http://proxy.test:8080')
    expect(env.RUNNER_DEBUG).toBe('1')
  })

  it('removes its temporary files after the run', async () => {
    const result = await standIn()
    const env = childEnv(result.outputs)
    expect(env.GITHUB_EVENT_PATH).toBeDefined()
    expect(existsSync(env.GITHUB_EVENT_PATH!)).toBe(false)
    expect(existsSync(env.GITHUB_OUTPUT!)).toBe(false)
  })

  it('kills a hanging action at the timeout and says so', async () => {
    const started = Date.now()
    // Long enough for Node and @actions/core to load on a busy machine, so the log line is out.
    const result = await standIn({ inputs: { mode: 'hang' }, timeoutMs: 2_000 })
    expect(result.timedOut).toBe(true)
    expect(result.exitCode).toBeNull()
    expect(result.stdout).toContain('hanging')
    expect(result.stderr).toContain('killed after 2000 ms')
    expect(Date.now() - started).toBeLessThan(10_000)
  })

  it('rejects when the action leaves a malformed GITHUB_OUTPUT, as the runner fails the step', async () => {
    await expect(
      standIn({ inputs: { 'saas-url': 'http://x', mode: 'bad-output' } })
    ).rejects.toThrow("malformed GITHUB_OUTPUT file: Error: Invalid format 'no delimiter here'")
  })

  it('reports a missing entry as a failed run, like node does', async () => {
    const result = await standIn({ entry: '__fixtures__/runner/missing.js' })
    expect(result.exitCode).toBe(1)
    expect(result.timedOut).toBe(false)
    expect(result.stderr).toContain('Cannot find module')
  })
})
