import { retry } from '@octokit/plugin-retry'
import { throttling } from '@octokit/plugin-throttling'
import { Octokit } from '@octokit/rest'
import Bottleneck from 'bottleneck/light.js'
import type { Log } from '../log.js'

/**
 * Octokit's REST client (endpoint methods and `paginate`) with the retry and throttling plugins.
 * Not `@actions/github`'s `getOctokit`: that one reads the event file and the proxy variables when
 * it is imported, and `@github/local-action` swaps it for an Octokit whose `RequestError` is
 * another class, so a 404 would no longer be recognised as one.
 */
const KittyOctokit = Octokit.plugin(retry, throttling)

/** The Octokit client kitty-origin uses. */
export type GitHub = InstanceType<typeof KittyOctokit>
/** The narrow client most adapter functions take; tests may pass any object with `request`. */
export type GitHubApi = Pick<GitHub, 'request'>
/** The client of an adapter that walks pages with `paginate`. */
export type GitHubPager = Pick<GitHub, 'request' | 'paginate'>

/** Which repository a call is about. */
export interface RepoRef {
  owner: string
  repo: string
}

/** Where the client reports retries and rate limits. */
export type GitHubLogger = Pick<Log, 'debug' | 'warning'>

/** How often a rate-limited request is tried again before the error surfaces. */
export const RATE_LIMIT_RETRIES = 2
/** A rate limit that would make the job wait longer than this (seconds) fails instead. */
export const MAX_RATE_LIMIT_WAIT_SECONDS = 60

/** How to build the client; the caller reads the environment (e.g. `GITHUB_API_URL`). */
export interface GitHubClientOptions {
  token: string
  /** API root: `https://api.github.com`, or `https://ghes.example/api/v3`. */
  baseUrl: string
  userAgent: string
  logger: GitHubLogger
  /** The fetch to send requests with (default: the global fetch; the caller passes a proxy's). */
  fetch?: typeof globalThis.fetch
  /** Every single request is aborted after this long. */
  requestTimeoutMs?: number
  /** Retries of 5xx answers and network failures (timeouts included). */
  retries?: number
  /**
   * Milliseconds per unit of the retry backoff and of `retry-after` seconds (1000; tests shrink it).
   */
  retryUnitMs?: number
  /**
   * Minimum pause between two writes. Left out, the throttling plugin's defaults apply (1 s
   * between writes, 3 s between writes that notify people).
   */
  writeIntervalMs?: number
}

/** Thrown by the timed fetch when a request took longer than allowed. */
export class GitHubTimeoutError extends Error {
  override readonly name = 'TimeoutError'
}

/** Wraps a fetch so every request is aborted after `timeoutMs` (and still on the caller's signal). */
export function timedFetch(
  base: typeof globalThis.fetch,
  timeoutMs: number
): typeof globalThis.fetch {
  return async (input, init) => {
    const timeout = AbortSignal.timeout(timeoutMs)
    const signal = init?.signal ? AbortSignal.any([init.signal, timeout]) : timeout
    try {
      return await base(input, { ...init, signal })
    } catch (error) {
      if (timeout.aborted && init?.signal?.aborted !== true) {
        throw new GitHubTimeoutError(`GitHub did not answer within ${timeoutMs} ms`)
      }
      throw error
    }
  }
}

/** The throttling plugin's retry decision: a bounded number of bounded waits. */
function onLimit(logger: GitHubLogger, kind: string) {
  return (
    retryAfter: number,
    options: { method: string; url: string },
    _octokit: unknown,
    retryCount: number
  ): boolean => {
    const again = retryCount < RATE_LIMIT_RETRIES && retryAfter <= MAX_RATE_LIMIT_WAIT_SECONDS
    logger.warning(
      `GitHub's ${kind} was hit on ${options.method} ${options.url}; ` +
        (again ? `retrying in ${retryAfter} s.` : 'giving up.')
    )
    return again
  }
}

/**
 * Octokit's four log levels on the logger's two. Octokit warns of deprecations; its `error` level
 * only carries the request log's line for a failed request, which is debug detail: the caller
 * either expects the failure (a 404 for "absent") or turns it into the run's own error.
 */
function octokitLog(
  logger: GitHubLogger
): Record<'debug' | 'info' | 'warn' | 'error', (message: string) => void> {
  const debug = (message: string): void => {
    logger.debug(message)
  }
  const warning = (message: string): void => {
    logger.warning(message)
  }
  return { debug, info: debug, warn: warning, error: debug }
}

/**
 * The Octokit client: the token as `authorization: token …`, the given API root and fetch, a
 * timeout on every request, and retries and rate-limit waits reported to `logger`.
 */
export function createGitHubClient(options: GitHubClientOptions): GitHub {
  const { logger } = options
  const log = octokitLog(logger)
  const unit = options.retryUnitMs ?? 1000
  const spacing =
    options.writeIntervalMs === undefined
      ? {}
      : {
          write: new Bottleneck.Group({ maxConcurrent: 1, minTime: options.writeIntervalMs }),
          notifications: new Bottleneck.Group({
            maxConcurrent: 1,
            minTime: options.writeIntervalMs
          })
        }
  return new KittyOctokit({
    auth: options.token,
    baseUrl: options.baseUrl,
    userAgent: options.userAgent,
    request: {
      fetch: timedFetch(options.fetch ?? globalThis.fetch, options.requestTimeoutMs ?? 15_000),
      log
    },
    retry: { retries: options.retries ?? 3, retryAfterBaseValue: unit },
    throttle: {
      retryAfterBaseValue: unit,
      onRateLimit: onLimit(logger, 'rate limit'),
      onSecondaryRateLimit: onLimit(logger, 'secondary rate limit'),
      ...spacing
    },
    log
  })
}
