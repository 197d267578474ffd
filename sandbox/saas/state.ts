import type { BindBody } from './schemas.js'
import type { SaasSeed, SeedResource, SeedTicket } from './seed.js'

/** A mission's origin link as the sandbox SaaS records it. */
export interface OriginLink {
  origin_link_id: string
  bound_at: string
  mission_id: string
  provider: 'jira' | 'linear'
  external_issue_id: string
  external_issue_key: string
  resource_id: string
}

/** A stored answer to a write, replayed for the same Idempotency-Key. */
export interface StoredReply {
  fingerprint: string
  status: number
  body: unknown
}

/** An asynchronous bind waiting for its polls. */
export interface Operation {
  id: string
  polls: number
  pollsNeeded: number
  outcome: 'completed' | 'failed'
  message: string
  bind: BindBody
  resource: SeedResource
  result?: unknown
}

/** How an asynchronous bind behaves: done on the `polls`-th poll, completed or failed. */
export interface AsyncBindMode {
  polls: number
  outcome?: 'completed' | 'failed'
  message?: string
}

/** The sandbox SaaS's whole in-memory state, open for tests to inspect. */
export interface SaasState {
  resources: SeedResource[]
  links: Map<string, OriginLink>
  events: Map<string, unknown>
  idempotency: Map<string, StoredReply>
  operations: Map<string, Operation>
  counter: number
}

/** A fresh state from a seed (the seed is copied, never shared). */
export function createState(seed: SaasSeed): SaasState {
  return {
    resources: structuredClone(seed.resources),
    links: new Map(),
    events: new Map(),
    idempotency: new Map(),
    operations: new Map(),
    counter: 0
  }
}

/** A new id with a prefix, e.g. `oml_000001`. */
export function nextId(state: SaasState, prefix: string): string {
  state.counter += 1
  return `${prefix}_${String(state.counter).padStart(6, '0')}`
}

/** The resource a routing key reaches for a provider, if any. */
export function resolveResource(
  state: SaasState,
  route: { provider: string; project_slug?: string; binding_ref?: string }
): SeedResource | undefined {
  return state.resources.find(
    resource =>
      resource.provider === route.provider &&
      (route.binding_ref === undefined
        ? resource.project_slug === route.project_slug
        : resource.binding_ref === route.binding_ref)
  )
}

/** A candidate on the wire. */
export interface WireCandidate {
  external_issue_id: string
  external_issue_key: string
  title: string
  status: string
  url: string
  match_type: 'exact' | 'text'
  body?: string
}

function fold(value: string): string {
  return value.normalize('NFKD').replace(/\p{M}/gu, '').toLowerCase()
}

function words(query: string): string[] {
  const tokens = fold(query)
    .split(/[^\p{L}\p{N}]+/u)
    .filter(word => word.length >= 2)
  return [...new Set(tokens)]
}

function toWire(ticket: SeedTicket, match_type: 'exact' | 'text'): WireCandidate {
  return { ...ticket, match_type }
}

/**
 * Key search first (exact, case-insensitive), then text matches ranked by how many query words
 * appear in title or body, then by how many appear in the title, then by seed order.
 */
export function searchTickets(
  resource: SeedResource,
  query: { query_key?: string; query_text?: string },
  limit: number
): WireCandidate[] {
  const key = query.query_key?.toUpperCase()
  const exact = resource.tickets.filter(ticket => ticket.external_issue_key.toUpperCase() === key)
  const queryWords = words(query.query_text ?? '')
  const scored = resource.tickets
    .filter(ticket => !exact.includes(ticket))
    .map((ticket, index) => {
      const title = fold(ticket.title)
      const all = `${title} ${fold(ticket.body ?? '')}`
      return {
        ticket,
        index,
        hits: queryWords.filter(word => all.includes(word)).length,
        titleHits: queryWords.filter(word => title.includes(word)).length
      }
    })
    .filter(entry => entry.hits > 0)
    .sort((a, b) => b.hits - a.hits || b.titleHits - a.titleHits || a.index - b.index)
  return [
    ...exact.map(ticket => toWire(ticket, 'exact')),
    ...scored.map(entry => toWire(entry.ticket, 'text'))
  ].slice(0, limit)
}
