import { fetch as undiciFetch } from 'undici'
import { createGitHubClient } from '../../src/github/client.js'
import type { GitHub, GitHubApi } from '../../src/github/client.js'
import { createSaasClient } from '../../src/saas/client.js'
import type { SaasClient } from '../../src/saas/client.js'
import type { SandboxGitHub } from '../../sandbox/github/server.js'
import type { SandboxSaas } from '../../sandbox/saas/server.js'

/** acme/webapp, the default sandbox repository. */
export const WEBAPP = { owner: 'acme', repo: 'webapp' }

/** An Octokit client for the sandbox GitHub over real sockets: no write spacing, 1 ms retries. */
export function gitHubClientFor(gh: SandboxGitHub): GitHub {
  return createGitHubClient({
    token: gh.token,
    baseUrl: gh.url,
    userAgent: 'kitty-origin-events-tests',
    logger: { debug: () => undefined, warning: () => undefined },
    fetch: undiciFetch,
    requestTimeoutMs: 2_000,
    retryUnitMs: 1,
    writeIntervalMs: 0
  })
}

/** A SaaS client for the sandbox SaaS over real sockets. */
export function saasClientFor(saas: SandboxSaas): SaasClient {
  return createSaasClient({
    baseUrl: saas.url,
    token: saas.token,
    teamSlug: saas.teamSlug ?? undefined,
    userAgent: 'kitty-origin-events-tests'
  })
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

/** The requests the sandbox saw whose method and path (query left out) match. */
export function seen(gh: SandboxGitHub, method: string, path: RegExp): number {
  return gh.requests.filter(
    request => request.method === method && path.test(request.path.split('?')[0] ?? '')
  ).length
}
