/**
 * The one way tests build a SaaS client for the sandbox SaaS (over real sockets, on a fake
 * clock), and the hooks that run a sandbox SaaS for a test file.
 */
import { createSaasClient } from '../../src/saas/client.js'
import type { SaasClient, SaasClientOptions } from '../../src/saas/client.js'
import { startSandboxSaas } from '../../sandbox/saas/server.js'
import type { SandboxSaas, SandboxSaasOptions } from '../../sandbox/saas/server.js'
import { useFresh, useShared } from './hooks.js'

/** The SaaS issue-search path. */
export const SEARCH = '/api/v1/tracker/issue-search/'
/** The SaaS bind path. */
export const BIND = '/api/v1/tracker/mission-origin/bind/'
/** The SaaS events batch path. */
export const EVENTS = '/api/v1/events/batch/'

/** The User-Agent the tests give the client. */
export const USER_AGENT = 'kitty-origin/0.1.0-test'

/** A clock whose sleep advances time instantly and records every wait. */
export interface FakeClock {
  now: () => number
  sleep: (ms: number) => Promise<void>
  random: () => number
  sleeps: number[]
}

/** A fake clock starting at a fixed instant, with jitter pinned to its middle (×1). */
export function fakeClock(): FakeClock {
  let time = Date.UTC(2026, 3, 1, 12, 0, 0)
  const sleeps: number[] = []
  return {
    now: () => time,
    sleep: ms => {
      sleeps.push(ms)
      time += ms
      return Promise.resolve()
    },
    random: () => 0.5,
    sleeps
  }
}

/** A client for a running sandbox SaaS, on a fake clock unless the overrides bring one. */
export function saasClientFor(
  sandbox: SandboxSaas,
  overrides: Partial<SaasClientOptions> = {}
): SaasClient {
  const clock = fakeClock()
  return createSaasClient({
    baseUrl: sandbox.url,
    token: sandbox.token,
    teamSlug: sandbox.teamSlug ?? undefined,
    userAgent: USER_AGENT,
    now: clock.now,
    sleep: clock.sleep,
    random: clock.random,
    ...overrides
  })
}

/** Clears what one test did to a shared sandbox SaaS: faults, requests and received events. */
function clearSaas(saas: SandboxSaas): void {
  saas.faults.clear()
  saas.requests.length = 0
  saas.state.events.clear()
}

/**
 * A sandbox SaaS for the test file: one for the whole file, cleared before each test (links
 * and idempotency records stay), or with `fresh` a new one for every test.
 */
export function useSandboxSaas(options: SandboxSaasOptions = {}, fresh = false): SandboxSaas {
  const start = () => startSandboxSaas(options)
  return fresh
    ? useFresh('The sandbox SaaS', start)
    : useShared('The sandbox SaaS', start, clearSaas)
}
