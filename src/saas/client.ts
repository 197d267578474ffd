import { setTimeout as delay } from 'node:timers/promises'
import { KittyError } from '../errors.js'
import { bindMissionOrigin, bindRequestBody } from './bind.js'
import { sendEvents } from './events.js'
import { bindIdempotencyKey } from './idempotency.js'
import type { Clock } from './retry.js'
import { issueSearchBody, searchIssues } from './search.js'
import { collaborativeTeam, fetchTeams, privateTeamspace } from './team.js'
import type { SaasTransport } from './transport.js'
import type { EventResult, OutgoingEvent, SaasTeam, TrackerCalls } from './types.js'
import { normaliseBaseUrl } from './url.js'

export { normaliseBaseUrl } from './url.js'

/** How to reach the SaaS and how long each step may take. */
export interface SaasClientOptions {
  /** Normalised to scheme + host[:port]. */
  baseUrl: string
  /** The `saas-token` secret. */
  token: string
  /** The team id sent as X-Team-Slug; when empty, looked up once with `GET /api/v1/me`. */
  teamSlug?: string | undefined
  /** e.g. `kitty-origin/0.1.0`, built by the caller from its version constant. */
  userAgent: string
  /** The fetch to send with (the proxy's, a test's); the global one when absent. */
  fetch?: typeof globalThis.fetch | undefined
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

/** The SaaS calls of kitty-origin, in the domain's terms; the client builds the wire. */
export interface SaasClient extends TrackerCalls {
  /** One batch; a retryable KittyError means "keep the events queued". */
  sendEvents(events: readonly OutgoingEvent[]): Promise<EventResult[]>
  /** The id of the token user's private teamspace, or null when it cannot be told. */
  privateTeamspaceId(): Promise<string | null>
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

/** Where and as whom: auth and User-Agent on every call; X-Team-Slug is added per tracker call. */
function baseTransport(options: SaasClientOptions): SaasTransport {
  const token = checkedToken(options.token)
  return {
    baseUrl: normaliseBaseUrl(options.baseUrl),
    headers: { Authorization: `Bearer ${token}`, 'User-Agent': options.userAgent },
    fetch: options.fetch,
    secret: token
  }
}

/** Runs `load` once, on first use; a failure is remembered too (one lookup per run). */
function once<T>(load: () => Promise<T>): () => Promise<T> {
  let result: Promise<T> | undefined
  return () => (result ??= load())
}

/** A SaaS client over fetch; the options are checked once, here. */
export function createSaasClient(options: SaasClientOptions): SaasClient {
  const base = baseTransport(options)
  const clock: Clock = {
    now: options.now ?? Date.now,
    sleep: options.sleep ?? (ms => delay(ms)),
    random: options.random ?? Math.random
  }
  const searchMs = options.searchDeadlineMs ?? DEFAULT_DEADLINES.searchMs
  const bindMs = options.bindDeadlineMs ?? DEFAULT_DEADLINES.bindMs
  const eventsMs = options.eventsDeadlineMs ?? DEFAULT_DEADLINES.eventsMs
  const teams = once<SaasTeam[]>(() => fetchTeams(base, searchMs))
  const given = options.teamSlug?.trim() ?? ''
  const team = once(async () => (given !== '' ? given : collaborativeTeam(await teams())))
  const tracker = async (): Promise<SaasTransport> => ({
    ...base,
    headers: { ...base.headers, 'X-Team-Slug': await team() }
  })
  return {
    searchIssues: async (route, query, limit) =>
      searchIssues(await tracker(), clock, searchMs, issueSearchBody(route, query, limit)),
    bindMissionOrigin: async (route, mission, ticket) =>
      bindMissionOrigin(
        await tracker(),
        clock,
        bindMs,
        bindRequestBody(route, mission, ticket),
        bindIdempotencyKey({
          repo: mission.repo,
          missionId: mission.missionId,
          externalIssueId: ticket.external_issue_id
        })
      ),
    sendEvents: events => sendEvents(base, eventsMs, events),
    privateTeamspaceId: async () => {
      try {
        return privateTeamspace(await teams())
      } catch {
        return null
      }
    }
  }
}
