import { describe, expect, it } from '@jest/globals'
import { RequestError } from '@octokit/request-error'
import { z } from 'zod'
import { KittyError } from '../../src/errors.js'
import {
  ACTIONS_PR_SETTING,
  attempt,
  isGitHubFailure,
  parseAnswer,
  toGitHubError
} from '../../src/github/errors.js'
import { GitHubTimeoutError } from '../../src/github/client.js'

const SECRET = 'ghs_secretTokenValue0000000000000000'
const call = { action: 'open the pull request', permission: 'pull-requests: write' }

/** A RequestError as Octokit throws it for an HTTP answer. */
function answered(status: number, data: unknown): RequestError {
  return new RequestError(`boom ${SECRET}`, status, {
    request: {
      method: 'POST',
      url: 'https://api.github.com/repos/acme/webapp/pulls',
      headers: { authorization: `token ${SECRET}` }
    },
    response: {
      status,
      url: 'https://api.github.com/repos/acme/webapp/pulls',
      headers: { 'x-github-request-id': 'ABC', 'set-cookie': SECRET },
      data
    }
  })
}

/** A RequestError as Octokit throws it when fetch itself failed. */
function unanswered(cause: Error): RequestError {
  return new RequestError(cause.message, 500, {
    request: { method: 'GET', url: 'https://api.github.com/x', headers: {} },
    cause
  })
}

const body = (message: string): Record<string, string> => ({
  message,
  documentation_url: 'https://docs.github.com/rest',
  status: '0'
})

const cases: { name: string; error: unknown; sentence: string; retryable: boolean }[] = [
  {
    name: 'Actions may not open pull requests',
    error: answered(
      403,
      body('GitHub Actions is not permitted to create or approve pull requests.')
    ),
    sentence: `GitHub Actions may not open pull requests in this repository; turn on ${ACTIONS_PR_SETTING}, then re-run the job.`,
    retryable: false
  },
  {
    name: 'a token without the permission',
    error: answered(403, body('Resource not accessible by integration')),
    sentence:
      "The workflow's token may not open the pull request; add `pull-requests: write` under `permissions:` in the workflow file.",
    retryable: false
  },
  {
    name: 'a secondary rate limit',
    error: answered(403, body('You have exceeded a secondary rate limit.')),
    sentence:
      "GitHub's rate limit blocked kitty-origin's request to open the pull request; re-run the job later.",
    retryable: true
  },
  {
    name: 'a 429',
    error: answered(429, body('API rate limit exceeded')),
    sentence:
      "GitHub's rate limit blocked kitty-origin's request to open the pull request; re-run the job later.",
    retryable: true
  },
  {
    name: 'another 403',
    error: answered(403, body('Repository rule violations found')),
    sentence:
      "GitHub refused access when kitty-origin tried to open the pull request; check the token's permissions and the repository's rules.",
    retryable: false
  },
  {
    name: 'a bad token',
    error: answered(401, body('Bad credentials')),
    sentence:
      'GitHub rejected the token when kitty-origin tried to open the pull request; check the token the workflow gives kitty-origin.',
    retryable: false
  },
  {
    name: 'a 404',
    error: answered(404, body('Not Found')),
    sentence:
      'GitHub found nothing when kitty-origin tried to open the pull request; check that it exists and that the token can see it.',
    retryable: false
  },
  {
    name: 'a 409',
    error: answered(409, body('Git Repository is empty.')),
    sentence:
      'GitHub reported a conflict when kitty-origin tried to open the pull request; re-run the job.',
    retryable: false
  },
  {
    name: 'a 422',
    error: answered(422, { ...body('Validation Failed'), errors: [{ code: 'custom' }] }),
    sentence:
      'GitHub refused the request when kitty-origin tried to open the pull request (validation failed); see the run log.',
    retryable: false
  },
  {
    name: 'a 502 with an HTML page',
    error: answered(502, `<html><body>${SECRET}</body></html>`),
    sentence:
      'GitHub failed (502) when kitty-origin tried to open the pull request; re-run the job later.',
    retryable: true
  },
  {
    name: 'an unusual status',
    error: answered(418, body("I'm a teapot")),
    sentence:
      'GitHub answered 418 when kitty-origin tried to open the pull request; see the run log.',
    retryable: false
  },
  {
    name: 'a timeout',
    error: unanswered(new GitHubTimeoutError('GitHub did not answer within 15000 ms')),
    sentence:
      'GitHub did not answer in time when kitty-origin tried to open the pull request; re-run the job later.',
    retryable: true
  },
  {
    name: 'a refused connection',
    error: unanswered(new TypeError('fetch failed')),
    sentence:
      'GitHub could not be reached when kitty-origin tried to open the pull request; re-run the job later.',
    retryable: true
  },
  {
    name: 'something that is not an HTTP failure',
    error: new Error(`parser exploded ${SECRET}`),
    sentence: 'kitty-origin could not open the pull request on GitHub; see the run log.',
    retryable: false
  },
  {
    name: 'a thrown string',
    error: 'oops',
    sentence: 'kitty-origin could not open the pull request on GitHub; see the run log.',
    retryable: false
  }
]

describe('toGitHubError', () => {
  it.each(cases)('explains $name in one sentence', ({ error, sentence, retryable }) => {
    const mapped = toGitHubError(error, call)
    expect(mapped.code).toBe('github-error')
    expect(mapped.message).toBe(sentence)
    expect(mapped.retryable).toBe(retryable)
    expect(mapped.cause).toBe(error)
  })

  it.each(cases)(
    'never puts tokens, headers or raw bodies in the sentence ($name)',
    ({ error }) => {
      const mapped = toGitHubError(error, call)
      expect(mapped.message).not.toContain(SECRET)
      expect(mapped.message).not.toMatch(/<html>|x-github-request-id|documentation_url/)
    }
  )

  it("keeps GitHub's status and message for the log, without headers", () => {
    const mapped = toGitHubError(answered(422, body('Reference already exists')), call)
    expect(mapped.detail).toBe('GitHub answered 422: Reference already exists')
  })

  it('keeps a body that is not GitHub JSON (an HTML page) out of the log detail', () => {
    const mapped = toGitHubError(answered(502, `<html>${SECRET}</html>`), call)
    expect(mapped.detail).toBe('GitHub answered 502: a body without a JSON message')
  })

  it('cuts a long GitHub message in the log detail', () => {
    const mapped = toGitHubError(answered(422, body('x'.repeat(1_000))), call)
    expect(mapped.detail?.length).toBeLessThan(340)
  })

  it('says in the log detail why no answer came', () => {
    const mapped = toGitHubError(unanswered(new TypeError('connect ECONNREFUSED')), call)
    expect(mapped.detail).toBe('No answer from GitHub: connect ECONNREFUSED')
  })

  it('keeps a KittyError as it is', () => {
    const error = new KittyError('github-error', 'Already explained.')
    expect(toGitHubError(error, call)).toBe(error)
  })
})

describe('isGitHubFailure', () => {
  it('recognises an answered failure by status and message', () => {
    const error = answered(422, body('Reference already exists'))
    expect(isGitHubFailure(error, 422)).toBe(true)
    expect(isGitHubFailure(error, 422, /already exists/)).toBe(true)
    expect(isGitHubFailure(error, 422, /fast forward/)).toBe(false)
    expect(isGitHubFailure(error, 404)).toBe(false)
  })

  it('does not take a failure without an answer, or anything else, for an answered one', () => {
    const error = unanswered(new TypeError('fetch failed'))
    expect(isGitHubFailure(error, 500)).toBe(false)
    expect(isGitHubFailure(Object.assign(new Error('x'), { status: 422, response: {} }), 422)).toBe(
      false
    )
    expect(isGitHubFailure(answered(422, 'text'), 422, /anything/)).toBe(false)
  })
})

describe('attempt', () => {
  it('returns what the call returns', async () => {
    await expect(attempt(call, () => Promise.resolve(7))).resolves.toBe(7)
  })

  it('returns what recover makes of a failure it knows', async () => {
    const run = (): Promise<string> => Promise.reject(answered(404, body('Not Found')))
    await expect(attempt(call, run, () => 'absent')).resolves.toBe('absent')
  })

  it('maps a failure recover does not know', async () => {
    const run = (): Promise<string> => Promise.reject(answered(404, body('Not Found')))
    await expect(attempt(call, run, () => undefined)).rejects.toMatchObject({
      code: 'github-error',
      message: expect.stringContaining('GitHub found nothing')
    })
  })
})

describe('parseAnswer', () => {
  it('returns the parsed answer', () => {
    expect(parseAnswer(z.object({ a: z.number() }), { a: 1, b: 2 }, call)).toEqual({ a: 1 })
  })

  it('refuses an answer of an unexpected shape, with the problem in the log detail only', () => {
    let thrown: unknown
    try {
      parseAnswer(z.object({ number: z.number() }), { number: 'x' }, call)
    } catch (error) {
      thrown = error
    }
    expect(thrown).toBeInstanceOf(KittyError)
    expect((thrown as KittyError).message).toBe(
      "GitHub's answer when kitty-origin tried to open the pull request was not what it expected; see the run log."
    )
    expect((thrown as KittyError).detail).toContain('number')
  })
})
