import { setTimeout as delay } from 'node:timers/promises'
import { KittyError } from '../errors.js'
import { bindMissionOrigin } from './bind.js'
import { sendEvents } from './events.js'
import type { Clock } from './retry.js'
import { searchIssues } from './search.js'
import type { SaasTransport } from './transport.js'
import { normaliseBaseUrl } from './url.js'
import type {
  BindRequest,
  BindResponse,
  EventEnvelope,
  EventResult,
  IssueSearchRequest,
  IssueSearchResponse
} from './wire.js'

export { normaliseBaseUrl } from './url.js'
export { bindIdempotencyKey } from './idempotency.js'

/** How to reach the SaaS and how long each step may take. */
export interface SaasClientOptions {
  /** Normalised to scheme + host[:port]. */
  baseUrl: string
  /** The `saas-token` secret. */
  token: string
  /** Sent as X-Team-Slug when set. */
  teamSlug?: string
  /** e.g. `kitty-origin/0.1.0`, built by the caller from its version constant. */
  userAgent: string
  /** The fetch to send with (the proxy's, a test's); the global one when absent. */
  fetch?: typeof globalThis.fetch
  now?: () => number
  sleep?: (ms: number) => Promise<void>
  random?: () => number
  /** Issue search, retries and waits included (default 10 s). */
  searchDeadlineMs?: number
  /** Bind, retries and polling included (default 30 s). */
  bindDeadlineMs?: number
  /** One events batch (default 10 s). */
  eventsDeadlineMs?: number
}

/** The three SaaS calls of kitty-origin. */
export interface SaasClient {
  /** Candidates for a query; fails with a clear KittyError within the search deadline. */
  searchIssues(body: IssueSearchRequest): Promise<IssueSearchResponse>
  /** The authoritative write; a same-origin re-bind answers `already_bound: true`. */
  bindMissionOrigin(body: BindRequest, idempotencyKey: string): Promise<BindResponse>
  /** One batch; a retryable KittyError means "keep the events queued". */
  sendEvents(events: EventEnvelope[]): Promise<EventResult[]>
}

/** Default deadlines of the contract. */
export const DEFAULT_DEADLINES = { searchMs: 10_000, bindMs: 30_000, eventsMs: 10_000 } as const

function checkedToken(raw: string): string {
  const token = raw.trim()
  if (token === '') {
    throw new KittyError(
      'input-invalid',
      'The `saas-token` input is empty; set it to a Spec Kitty SaaS token.'
    )
  }
  if (/[\s\p{Cc}]/u.test(token)) {
    throw new KittyError(
      'input-invalid',
      'The `saas-token` input contains spaces or line breaks; paste the token alone.'
    )
  }
  return token
}

function transportFor(options: SaasClientOptions): SaasTransport {
  const token = checkedToken(options.token)
  const headers: Record<string, string> = {
    Authorization: `Bearer ${token}`,
    'User-Agent': options.userAgent
  }
  const teamSlug = options.teamSlug?.trim() ?? ''
  if (teamSlug !== '') headers['X-Team-Slug'] = teamSlug
  return {
    baseUrl: normaliseBaseUrl(options.baseUrl),
    headers,
    fetch: options.fetch,
    secret: token
  }
}

/** A SaaS client over fetch; the options are checked once, here. */
export function createSaasClient(options: SaasClientOptions): SaasClient {
  const transport = transportFor(options)
  const clock: Clock = {
    now: options.now ?? Date.now,
    sleep: options.sleep ?? (ms => delay(ms)),
    random: options.random ?? Math.random
  }
  const searchMs = options.searchDeadlineMs ?? DEFAULT_DEADLINES.searchMs
  const bindMs = options.bindDeadlineMs ?? DEFAULT_DEADLINES.bindMs
  const eventsMs = options.eventsDeadlineMs ?? DEFAULT_DEADLINES.eventsMs
  return {
    searchIssues: body => searchIssues(transport, clock, searchMs, body),
    bindMissionOrigin: (body, key) => bindMissionOrigin(transport, clock, bindMs, body, key),
    sendEvents: events => sendEvents(transport, eventsMs, events)
  }
}
