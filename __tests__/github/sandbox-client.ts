import { fetch as undiciFetch } from 'undici'
import { createGitHubClient } from '../../src/github/client.js'
import type { GitHub, GitHubClientOptions } from '../../src/github/client.js'
import { startSandboxGitHub } from '../../sandbox/github/server.js'
import type { SandboxGitHub, SandboxGitHubOptions } from '../../sandbox/github/server.js'

/** A running sandbox GitHub, a client talking to it over real sockets, and the client's log. */
export interface SandboxClient {
  gh: SandboxGitHub
  client: GitHub
  log: string[]
  /** The requests the sandbox saw for method and a pathname pattern. */
  seen(method: string, path: RegExp): number
}

/** undici's fetch: jest's globals differ from Node's, so Octokit gets this one explicitly. */
export const testFetch = undiciFetch

/** A fast client (no write spacing, 1 ms retry unit) with any options overridden. */
export function clientFor(
  gh: SandboxGitHub,
  log: string[],
  options: Partial<GitHubClientOptions> = {}
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

/** Starts a sandbox and a client for it. */
export async function startSandboxClient(
  options: Partial<GitHubClientOptions> = {},
  sandbox: SandboxGitHubOptions = {}
): Promise<SandboxClient> {
  const gh = await startSandboxGitHub(sandbox)
  const log: string[] = []
  return {
    gh,
    client: clientFor(gh, log, options),
    log,
    seen: (method, path) =>
      gh.requests.filter(r => r.method === method && path.test(r.path.split('?')[0] ?? '')).length
  }
}

/** acme/webapp, the default sandbox repository. */
export const WEBAPP = { owner: 'acme', repo: 'webapp' }
