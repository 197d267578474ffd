import { beforeEach, describe, expect, it } from '@jest/globals'
import { readFileSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { run } from '../../src/main.js'
import { pullRequestEvent } from '../../sandbox/events.js'
import { startScenario } from '../../sandbox/scenario.js'
import { openPullRequest } from '../../src/github/pulls.js'
import { gitHubClientFor } from '../../__fixtures__/sandbox/github.js'
import { useFresh } from '../../__fixtures__/sandbox/hooks.js'
import { captureStdout, useRunnerStep } from '../../__fixtures__/runner/step.js'
import type { CapturedStdout } from '../../__fixtures__/runner/step.js'
import { metaText, MISSION_SLUG } from './fixtures.js'

const step = useRunnerStep()
const scenario = useFresh('The sandboxes', () => startScenario())
let stdout: CapturedStdout
beforeEach(() => {
  step.setInputs({ 'github-token': scenario.github.token })
  stdout = captureStdout()
})

/** Pushes a branch with `files`, opens its pull request and writes the `opened` event file. */
async function pullRequestEventFile(
  branch: string,
  files: Record<string, string>
): Promise<string> {
  scenario.github.pushFiles('acme/webapp', branch, files)
  const pull = await openPullRequest(
    gitHubClientFor(scenario.github),
    { owner: 'acme', repo: 'webapp' },
    { head: branch, base: 'main', title: branch, body: '', draft: false, labels: [] }
  )
  const payload = pullRequestEvent({
    owner: 'acme',
    repo: 'webapp',
    defaultBranch: 'main',
    number: pull.number,
    login: 'ana',
    head: branch,
    headSha: scenario.github.branchHead('acme/webapp', branch)
  })
  const path = join(step.dir, 'event.json')
  writeFileSync(path, JSON.stringify(payload))
  return path
}

describe('run on a pull_request event', () => {
  it('fails the run with one sentence and an error annotation on the file and line', async () => {
    const path = await pullRequestEventFile('feature/bad', {
      'kitty-specs/web-123-01JFK3Q8/meta.json': '{"slug": '
    })
    await run({
      GITHUB_EVENT_NAME: 'pull_request',
      GITHUB_EVENT_PATH: path,
      GITHUB_API_URL: scenario.github.url
    })
    expect(step.outputs().state).toBe('verify-failed')
    expect(process.exitCode).toBe(1)
    const written = stdout.text()
    expect(written).toContain(
      '::error title=kitty-origin%3A mission provenance,file=kitty-specs/web-123-01JFK3Q8/meta.json,line=1::kitty-specs/web-123-01JFK3Q8/: meta.json is not valid JSON.'
    )
    expect(written).toMatch(
      /::error::Pull request #\d+ has 1 mission whose provenance failed verification/
    )
    expect(readFileSync(step.summaryPath, 'utf8')).toContain(
      '## kitty-origin: Mission provenance check failed'
    )
  })

  it('passes without any SaaS input, writing a notice for a mission without origin', async () => {
    const path = await pullRequestEventFile(`kitty/mission-${MISSION_SLUG}`, {
      [`kitty-specs/${MISSION_SLUG}/meta.json`]: metaText(meta => delete meta.origin_ticket)
    })
    await run({
      GITHUB_EVENT_NAME: 'pull_request',
      GITHUB_EVENT_PATH: path,
      GITHUB_API_URL: scenario.github.url
    })
    expect(step.outputs().state).toBe('verified')
    expect(process.exitCode).toBeUndefined()
    expect(stdout.text()).toContain(
      `::notice title=kitty-origin%3A mission provenance,file=kitty-specs/${MISSION_SLUG}/meta.json,line=1::`
    )
    const summary = readFileSync(step.summaryPath, 'utf8')
    expect(summary).toContain('## kitty-origin: Mission provenance verified')
    expect(summary).toContain(`#### ➖ No origin ticket: \`kitty-specs/${MISSION_SLUG}\``)
  })
})

describe('run on a comment without the SaaS inputs', () => {
  it('fails naming the saas-url input, which comment commands need', async () => {
    const payload = scenario.postComment('ana', '/kitty help')
    const path = join(step.dir, 'event.json')
    writeFileSync(path, JSON.stringify(payload))
    await run({
      GITHUB_EVENT_NAME: 'issue_comment',
      GITHUB_EVENT_PATH: path,
      GITHUB_API_URL: scenario.github.url
    })
    expect(JSON.parse(step.outputs().result!)).toMatchObject({
      state: 'failed',
      error: {
        code: 'input-invalid',
        message:
          'Input `saas-url` is required for comment commands and workflow_dispatch but was empty.'
      }
    })
    expect(scenario.botComments()).toEqual([])
  })
})
