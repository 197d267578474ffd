/**
 * The one way tests build a GitHub client for the sandbox GitHub (over real sockets), and the
 * hook that runs a sandbox for a test file.
 */
import { fetch as undiciFetch } from 'undici'
import { createGitHubClient } from '../../src/github/client.js'
import type { GitHub, GitHubApi, GitHubClientOptions } from '../../src/github/client.js'
import { startSandboxGitHub } from '../../sandbox/github/server.js'
import type { SandboxGitHub, SandboxGitHubOptions } from '../../sandbox/github/server.js'
import { useShared } from './hooks.js'

/** undici's fetch: jest's globals differ from Node's, so Octokit gets this one explicitly. */
export const testFetch = undiciFetch

/** acme/webapp, the default sandbox repository. */
export const WEBAPP = { owner: 'acme', repo: 'webapp' }

/**
 * A fast client for the sandbox (no write spacing, 1 ms retry unit) with any options overridden;
 * its debug and warning lines go to `log`.
 */
export function gitHubClientFor(
  gh: SandboxGitHub,
  options: Partial<GitHubClientOptions> = {},
  log: string[] = []
): GitHub {
  return createGitHubClient({
    token: gh.token,
    baseUrl: gh.url,
    userAgent: 'kitty-origin-tests',
    logger: {
      debug: message => log.push(`debug: ${message}`),
      warning: message => log.push(`warning: ${message}`)
    },
    fetch: testFetch,
    requestTimeoutMs: 2_000,
    retryUnitMs: 1,
    writeIntervalMs: 0,
    ...options
  })
}

/** How many requests the sandbox saw whose method and path (query left out) match. */
export function seen(gh: SandboxGitHub, method: string, path: RegExp): number {
  return gh.requests.filter(
    request => request.method === method && path.test(request.path.split('?')[0] ?? '')
  ).length
}

/** A request as the wrapper sees it: the route (`PATCH /repos/…`) and its parameters. */
export type Intercept = (route: string, params: Record<string, unknown>) => Promise<void>

/** A client that runs `before` ahead of every request (to stage a concurrent writer). */
export function intercepted(client: GitHub, before: Intercept): GitHubApi {
  const request = async (route: string, params: Record<string, unknown> = {}) => {
    await before(route, params)
    return client.request(route, params)
  }
  return { request: request as unknown as GitHub['request'] }
}

/** A running sandbox GitHub, a client talking to it, and the client's log. */
export interface SandboxClient {
  gh: SandboxGitHub
  client: GitHub
  log: string[]
  /** The requests the sandbox saw for method and a pathname pattern. */
  seen(method: string, path: RegExp): number
  close(): Promise<void>
}

/** How a test file's sandbox GitHub and its client start. */
export interface SandboxClientOptions {
  client?: Partial<GitHubClientOptions>
  sandbox?: SandboxGitHubOptions
}

/** Starts a sandbox GitHub and a client for it. */
export async function startSandboxClient(
  options: SandboxClientOptions = {}
): Promise<SandboxClient> {
  const gh = await startSandboxGitHub(options.sandbox)
  const log: string[] = []
  return {
    gh,
    client: gitHubClientFor(gh, options.client, log),
    log,
    seen: (method, path) => seen(gh, method, path),
    close: () => gh.close()
  }
}

/**
 * One sandbox GitHub and client for the whole test file; before each test its faults, request
 * record and client log are cleared (the repositories keep what earlier tests wrote).
 */
export function useSandboxGitHub(options: SandboxClientOptions = {}): SandboxClient {
  return useShared(
    'The sandbox GitHub',
    () => startSandboxClient(options),
    sandbox => {
      sandbox.gh.faults.clear()
      sandbox.gh.requests.length = 0
      sandbox.log.length = 0
    }
  )
}
