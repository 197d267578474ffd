import { beforeEach, describe, expect, it } from '@jest/globals'
import { RequestError } from '@octokit/request-error'
import type { GitHubApi } from '../../src/github/client.js'
import { ACTIONS_PR_SETTING } from '../../src/github/errors.js'
import {
  findOpenPullRequestsByHeadPrefix,
  findPullRequestForBranch,
  LABEL_RETRY_DELAYS_MS,
  openPullRequest
} from '../../src/github/pulls.js'
import type { PullRequestRequest } from '../../src/github/pulls.js'
import { deleteBranch } from '../../src/github/refs.js'
import { gitHubClientFor, useSandboxGitHub, WEBAPP } from '../../__fixtures__/sandbox/github.js'

const sandbox = useSandboxGitHub()
beforeEach(() => {
  const settings = sandbox.gh.repo().settings
  settings.actionsCanCreatePullRequests = true
  settings.labelLagAfterPullCreate = 0
})

const FAST = [1, 1, 1]

/** A mission branch with one commit on top of main, and the request to open its PR. */
function missionBranch(name: string, labels: string[] = ['kitty-origin']): PullRequestRequest {
  sandbox.gh.pushFiles('acme/webapp', name, { [`kitty-specs/${name}/meta.json`]: '{}\n' })
  return {
    head: name,
    base: 'main',
    title: `Start mission ${name}`,
    body: 'Provenance card',
    draft: false,
    labels
  }
}

describe('findPullRequestForBranch', () => {
  it('answers null when the branch has no pull request', async () => {
    await expect(findPullRequestForBranch(sandbox.client, WEBAPP, 'kitty/none')).resolves.toBeNull()
  })

  it('asks GitHub for owner:branch in every state', async () => {
    await findPullRequestForBranch(sandbox.client, WEBAPP, 'kitty/none')
    const list = sandbox.gh.requests
      .filter(r => r.path.startsWith('/repos/acme/webapp/pulls?'))
      .pop()
    const query = new URL(list!.path, 'http://x').searchParams
    expect(query.get('head')).toBe('acme:kitty/none')
    expect(query.get('state')).toBe('all')
  })

  it('finds a closed pull request too (its head branch was deleted)', async () => {
    const opened = await openPullRequest(
      sandbox.client,
      WEBAPP,
      missionBranch('kitty/closed'),
      FAST
    )
    await deleteBranch(sandbox.client, WEBAPP, 'kitty/closed')
    await expect(findPullRequestForBranch(sandbox.client, WEBAPP, 'kitty/closed')).resolves.toEqual(
      {
        number: opened.number,
        url: opened.url,
        state: 'closed',
        draft: false
      }
    )
  })

  it('prefers an open pull request over closed ones of the same branch', async () => {
    const first = await openPullRequest(sandbox.client, WEBAPP, missionBranch('kitty/again'), FAST)
    await deleteBranch(sandbox.client, WEBAPP, 'kitty/again')
    const second = await openPullRequest(sandbox.client, WEBAPP, missionBranch('kitty/again'), FAST)
    expect(second.number).not.toBe(first.number)
    await expect(
      findPullRequestForBranch(sandbox.client, WEBAPP, 'kitty/again')
    ).resolves.toMatchObject({
      number: second.number,
      state: 'open'
    })
  })

  it('reports a merged pull request as merged', async () => {
    const answer = [
      {
        number: 3,
        html_url: 'https://github.com/acme/webapp/pull/3',
        state: 'closed',
        merged_at: '2026-01-01T00:00:00Z'
      }
    ]
    const api: GitHubApi = {
      request: (() =>
        Promise.resolve({
          data: answer,
          headers: {},
          status: 200,
          url: ''
        })) as unknown as GitHubApi['request']
    }
    await expect(findPullRequestForBranch(api, WEBAPP, 'kitty/merged')).resolves.toEqual({
      number: 3,
      url: 'https://github.com/acme/webapp/pull/3',
      state: 'merged',
      draft: false
    })
  })
})

describe('openPullRequest', () => {
  it('opens a pull request from the branch into the base, with its labels', async () => {
    const opened = await openPullRequest(sandbox.client, WEBAPP, missionBranch('kitty/open'), FAST)
    expect(opened).toMatchObject({ state: 'open', draft: false, labelled: true, existed: false })
    expect(opened.url).toBe(`https://github.com/acme/webapp/pull/${opened.number}`)
    const issue = sandbox.gh.repo().issues.get(opened.number)
    expect(issue?.title).toBe('Start mission kitty/open')
    expect(issue?.body).toBe('Provenance card')
    expect(issue?.labels).toEqual(['kitty-origin'])
    expect(sandbox.gh.repo().pulls.get(opened.number)).toMatchObject({
      head: 'kitty/open',
      base: 'main'
    })
  })

  it('opens a draft when asked', async () => {
    const request = { ...missionBranch('kitty/draft'), draft: true }
    await expect(openPullRequest(sandbox.client, WEBAPP, request, FAST)).resolves.toMatchObject({
      draft: true
    })
  })

  it('finds the existing pull request on a re-run instead of failing', async () => {
    const request = missionBranch('kitty/rerun')
    const first = await openPullRequest(sandbox.client, WEBAPP, request, FAST)
    const again = await openPullRequest(sandbox.client, WEBAPP, request, FAST)
    expect(again).toMatchObject({ number: first.number, existed: true, labelled: true })
    expect(
      [...sandbox.gh.repo().pulls.values()].filter(pull => pull.head === 'kitty/rerun')
    ).toHaveLength(1)
  })

  it('retries labels GitHub refuses with 422 right after creating the pull request', async () => {
    sandbox.gh.repo().settings.labelLagAfterPullCreate = 2
    sandbox.gh.requests.length = 0
    const opened = await openPullRequest(sandbox.client, WEBAPP, missionBranch('kitty/lag'), FAST)
    expect(opened.labelled).toBe(true)
    expect(sandbox.gh.repo().issues.get(opened.number)?.labels).toEqual(['kitty-origin'])
    expect(sandbox.seen('POST', /\/issues\/\d+\/labels$/)).toBe(3)
  })

  it('waits a short backoff between label retries by default', async () => {
    sandbox.gh.repo().settings.labelLagAfterPullCreate = 1
    const started = Date.now()
    const opened = await openPullRequest(sandbox.client, WEBAPP, missionBranch('kitty/backoff'))
    expect(opened.labelled).toBe(true)
    expect(Date.now() - started).toBeGreaterThanOrEqual(LABEL_RETRY_DELAYS_MS[0]!)
  })

  it('gives up on labels after a few tries but keeps the pull request', async () => {
    sandbox.gh.repo().settings.labelLagAfterPullCreate = 10
    const opened = await openPullRequest(
      sandbox.client,
      WEBAPP,
      missionBranch('kitty/nolabels'),
      [1]
    )
    expect(opened.labelled).toBe(false)
    expect(sandbox.gh.repo().pulls.has(opened.number)).toBe(true)
  })

  it('sends no label request when there are no labels', async () => {
    sandbox.gh.requests.length = 0
    const opened = await openPullRequest(
      sandbox.client,
      WEBAPP,
      missionBranch('kitty/plain', []),
      FAST
    )
    expect(opened.labelled).toBe(true)
    expect(sandbox.seen('POST', /\/labels$/)).toBe(0)
  })

  it('names the repository setting when Actions may not open pull requests', async () => {
    sandbox.gh.repo().settings.actionsCanCreatePullRequests = false
    await expect(
      openPullRequest(sandbox.client, WEBAPP, missionBranch('kitty/denied'), FAST)
    ).rejects.toMatchObject({
      code: 'github-error',
      message: expect.stringContaining(ACTIONS_PR_SETTING)
    })
    expect(ACTIONS_PR_SETTING).toBe(
      'Settings → Actions → General → Workflow permissions → Allow GitHub Actions to create and approve pull requests'
    )
  })

  it('names the permissions line when the token may not write pull requests', async () => {
    sandbox.gh.addToken('ghs_noPulls', { permissions: { pull_requests: 'read' } })
    const client = gitHubClientFor(sandbox.gh, { token: 'ghs_noPulls' })
    await expect(
      openPullRequest(client, WEBAPP, missionBranch('kitty/noscope'), FAST)
    ).rejects.toMatchObject({
      message:
        "The workflow's token may not open the pull request; add `pull-requests: write` under `permissions:` in the workflow file."
    })
  })

  it('reports a label failure other than 422', async () => {
    sandbox.gh.faults.add({
      method: 'POST',
      path: /\/labels$/,
      status: 404,
      body: { message: 'Not Found' }
    })
    await expect(
      openPullRequest(sandbox.client, WEBAPP, missionBranch('kitty/labels404'), FAST)
    ).rejects.toMatchObject({ message: expect.stringContaining('tried to label #') })
  })

  it('reports a refusal that is not about an existing pull request', async () => {
    const request = { ...missionBranch('kitty/badbase'), base: 'no-such-base' }
    await expect(openPullRequest(sandbox.client, WEBAPP, request, FAST)).rejects.toMatchObject({
      message: expect.stringContaining('(validation failed)')
    })
  })

  it('fails clearly when GitHub says the pull request exists but does not list it', async () => {
    const exists = new RequestError('Validation Failed', 422, {
      request: {
        method: 'POST',
        url: 'https://api.github.com/repos/acme/webapp/pulls',
        headers: {}
      },
      response: {
        status: 422,
        url: 'https://api.github.com/repos/acme/webapp/pulls',
        headers: {},
        data: {
          message: 'Validation Failed',
          errors: [{ message: 'A pull request already exists for acme:x.' }]
        }
      }
    })
    const request = ((route: string) =>
      route.startsWith('POST')
        ? Promise.reject(exists)
        : Promise.resolve({
            data: [],
            headers: {},
            status: 200,
            url: ''
          })) as unknown as GitHubApi['request']
    await expect(
      openPullRequest({ request }, WEBAPP, { ...missionBranch('kitty/ghost'), head: 'x' }, FAST)
    ).rejects.toMatchObject({
      retryable: true,
      message: expect.stringContaining('did not list it')
    })
  })
})

describe('findOpenPullRequestsByHeadPrefix', () => {
  it('lists only the open pull requests whose head starts with the prefix', async () => {
    const first = await openPullRequest(
      sandbox.client,
      WEBAPP,
      missionBranch('kitty/mission-web-5-AAAAAAAA'),
      FAST
    )
    const second = await openPullRequest(
      sandbox.client,
      WEBAPP,
      missionBranch('kitty/mission-web-5-BBBBBBBB'),
      FAST
    )
    await openPullRequest(
      sandbox.client,
      WEBAPP,
      missionBranch('kitty/mission-web-55-CCCCCCCC'),
      FAST
    )
    await deleteBranch(sandbox.client, WEBAPP, 'kitty/mission-web-5-AAAAAAAA')
    const found = await findOpenPullRequestsByHeadPrefix(
      sandbox.client,
      WEBAPP,
      'kitty/mission-web-5-'
    )
    expect(found.map(pull => pull.number)).toEqual([second.number])
    expect(found.map(pull => pull.number)).not.toContain(first.number)
  })
})
