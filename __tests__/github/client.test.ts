import { describe, expect, it } from '@jest/globals'
import { KittyError } from '../../src/errors.js'
import {
  createGitHubClient,
  MAX_RATE_LIMIT_WAIT_SECONDS,
  RATE_LIMIT_RETRIES,
  timedFetch
} from '../../src/github/client.js'
import { addReaction } from '../../src/github/comments.js'
import { getBranchHead } from '../../src/github/refs.js'
import type { GitHubApi, RepoRef } from '../../src/github/client.js'
import { attempt } from '../../src/github/errors.js'
import {
  gitHubClientFor,
  testFetch,
  useSandboxGitHub,
  WEBAPP
} from '../../__fixtures__/sandbox/github.js'

const sandbox = useSandboxGitHub()

const REPO_PATH = '/repos/acme/webapp'
const repoRequests = (): number => sandbox.seen('GET', /^\/repos\/acme\/webapp$/)

const SECONDARY = {
  message:
    'You have exceeded a secondary rate limit. Please wait a few minutes before you try again.',
  documentation_url: 'https://docs.github.com/rest/overview/rate-limits-for-the-rest-api',
  status: '403'
}

/** The probe of these tests: one GET of the repository through the adapter's error mapping. */
async function getRepository(api: GitHubApi, repo: RepoRef): Promise<{ defaultBranch: string }> {
  const call = { action: 'read the repository settings', permission: 'contents: read' }
  const { data } = await attempt(call, () =>
    api.request('GET /repos/{owner}/{repo}', { owner: repo.owner, repo: repo.repo })
  )
  return { defaultBranch: data.default_branch }
}

async function failure(promise: Promise<unknown>): Promise<KittyError> {
  const error = await promise.then(
    () => undefined,
    (thrown: unknown) => thrown
  )
  if (!(error instanceof KittyError)) throw new Error(`expected a KittyError, got ${String(error)}`)
  return error
}

describe('createGitHubClient: retries', () => {
  it('retries a 502 and then succeeds', async () => {
    sandbox.gh.faults.add({ path: REPO_PATH, status: 502, body: 'Bad gateway', times: 2 })
    const repository = await getRepository(sandbox.client, WEBAPP)
    expect(repository.defaultBranch).toBe('main')
    expect(repoRequests()).toBe(3)
  })

  it('retries a connection reset and then succeeds', async () => {
    sandbox.gh.faults.add({ path: REPO_PATH, reset: true })
    await expect(getRepository(sandbox.client, WEBAPP)).resolves.toMatchObject({
      defaultBranch: 'main'
    })
    expect(repoRequests()).toBe(2)
  })

  it('stops after the configured number of retries with a retryable error', async () => {
    const client = gitHubClientFor(sandbox.gh, { retries: 1 }, sandbox.log)
    sandbox.gh.faults.add({ path: REPO_PATH, status: 503, body: {}, times: 5 })
    const error = await failure(getRepository(client, WEBAPP))
    expect(error.retryable).toBe(true)
    expect(error.message).toContain('GitHub failed (503)')
    expect(repoRequests()).toBe(2)
  })
})

describe('createGitHubClient: rate limits', () => {
  it('waits out a secondary rate limit (403 with retry-after) and tries again', async () => {
    sandbox.gh.faults.add({
      path: REPO_PATH,
      status: 403,
      body: SECONDARY,
      headers: { 'retry-after': '1' }
    })
    await expect(getRepository(sandbox.client, WEBAPP)).resolves.toMatchObject({
      defaultBranch: 'main'
    })
    expect(repoRequests()).toBe(2)
    expect(sandbox.log).toContainEqual(
      expect.stringMatching(/secondary rate limit was hit on GET .*retrying in 1 s/)
    )
  })

  it('gives up on a secondary rate limit after a bounded number of retries', async () => {
    sandbox.gh.faults.add({
      path: REPO_PATH,
      status: 403,
      body: SECONDARY,
      headers: { 'retry-after': '1' },
      times: 10
    })
    const error = await failure(getRepository(sandbox.client, WEBAPP))
    expect(error.message).toContain("GitHub's rate limit blocked kitty-origin's request")
    expect(error.retryable).toBe(true)
    expect(repoRequests()).toBe(RATE_LIMIT_RETRIES + 1)
    expect(sandbox.log).toContainEqual(expect.stringContaining('giving up'))
  })

  it('does not wait for a rate limit that resets later than the job should wait', async () => {
    sandbox.gh.faults.add({
      path: REPO_PATH,
      status: 403,
      body: SECONDARY,
      headers: { 'retry-after': String(MAX_RATE_LIMIT_WAIT_SECONDS + 1) }
    })
    await failure(getRepository(sandbox.client, WEBAPP))
    expect(repoRequests()).toBe(1)
  })

  it('waits out the primary rate limit (x-ratelimit-remaining 0) and tries again', async () => {
    sandbox.gh.faults.add({
      path: REPO_PATH,
      status: 403,
      body: { message: 'API rate limit exceeded for installation ID 1.', status: '403' },
      headers: {
        'x-ratelimit-remaining': '0',
        'x-ratelimit-reset': String(Math.floor(Date.now() / 1000))
      }
    })
    await expect(getRepository(sandbox.client, WEBAPP)).resolves.toBeDefined()
    expect(repoRequests()).toBe(2)
    expect(sandbox.log).toContainEqual(expect.stringMatching(/GitHub's rate limit was hit/))
  })
})

describe('createGitHubClient: timeouts', () => {
  it('aborts a request that hangs and reports a retryable timeout', async () => {
    const client = gitHubClientFor(sandbox.gh, { requestTimeoutMs: 100, retries: 0 }, sandbox.log)
    sandbox.gh.faults.add({ path: REPO_PATH, hang: true })
    const started = Date.now()
    const error = await failure(getRepository(client, WEBAPP))
    expect(Date.now() - started).toBeLessThan(1_500)
    expect(error.message).toBe(
      'GitHub did not answer in time when kitty-origin tried to read the repository settings; re-run the job later.'
    )
    expect(error.retryable).toBe(true)
  })

  it('retries a request that hung once', async () => {
    const client = gitHubClientFor(sandbox.gh, { requestTimeoutMs: 100, retries: 1 }, sandbox.log)
    sandbox.gh.faults.add({ path: REPO_PATH, hang: true })
    await expect(getRepository(client, WEBAPP)).resolves.toMatchObject({ defaultBranch: 'main' })
    expect(repoRequests()).toBe(2)
  })

  it("keeps the caller's own abort an abort, not a timeout", async () => {
    const fetch = timedFetch(testFetch, 5_000)
    const controller = new AbortController()
    controller.abort()
    const error = await fetch(`${sandbox.gh.url}/repos/acme/webapp`, {
      signal: controller.signal
    }).catch((thrown: unknown) => thrown)
    expect((error as Error).name).toBe('AbortError')
  })

  it('passes other network failures through unchanged', async () => {
    const fetch = timedFetch(testFetch, 5_000)
    const error = await fetch('http://127.0.0.1:9/').catch((thrown: unknown) => thrown)
    expect((error as Error).name).toBe('TypeError')
  })
})

describe('createGitHubClient: requests', () => {
  it('sends the token and the user agent', async () => {
    await getRepository(sandbox.client, WEBAPP)
    const [request] = sandbox.gh.requests
    expect(request?.headers.authorization).toBe(`token ${sandbox.gh.token}`)
    expect(request?.headers['user-agent']).toContain('kitty-origin-tests')
  })

  it("uses the global fetch and GitHub's write spacing by default", async () => {
    const client = createGitHubClient({
      token: sandbox.gh.token,
      baseUrl: sandbox.gh.url,
      userAgent: 'kitty-origin-tests',
      logger: { debug: () => undefined, warning: () => undefined }
    })
    await expect(getRepository(client, WEBAPP)).resolves.toMatchObject({ defaultBranch: 'main' })
    const comment = sandbox.gh.addComments('acme/webapp', 42, [{ user: 'ana', body: 'hi' }])[0]!
    await addReaction(client, WEBAPP, comment.id, 'eyes')
    expect(comment.reactions.map(reaction => reaction.content)).toEqual(['eyes'])
  })

  it("maps Octokit's four log levels onto debug and warning, failed requests onto debug", () => {
    sandbox.client.log.debug('d')
    sandbox.client.log.info('i')
    sandbox.client.log.warn('w')
    sandbox.client.log.error('e')
    expect(sandbox.log).toEqual(['debug: d', 'debug: i', 'warning: w', 'debug: e'])
  })

  it('logs a request GitHub refused, and that the caller expected, as debug only', async () => {
    await expect(getBranchHead(sandbox.client, WEBAPP, 'no-such-branch')).resolves.toBeNull()
    expect(sandbox.log).toContainEqual(expect.stringMatching(/^debug: GET .*no-such-branch - 404/))
    expect(sandbox.log.filter(line => line.startsWith('warning:'))).toEqual([])
  })

  it("logs Octokit's own warnings through the logger", async () => {
    sandbox.gh.faults.add({
      path: REPO_PATH,
      status: 200,
      body: { default_branch: 'main', private: true, html_url: 'https://github.com/acme/webapp' },
      headers: { deprecation: 'true', sunset: 'tomorrow' }
    })
    await getRepository(sandbox.client, WEBAPP)
    expect(sandbox.log).toContainEqual(expect.stringMatching(/^warning: .*is deprecated/))
  })
})
