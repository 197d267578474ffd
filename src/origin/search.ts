import { KittyError } from '../errors.js'
import { oneLine } from '../text/one-line.js'
import { resolveResource, resolveTrackerBinding } from './binding.js'
import type { BindingOverrides } from './binding.js'
import { providerName } from './models.js'
import type { OriginCandidate, Provider, SearchOriginResult, TrackerBinding } from './models.js'
import type { OriginQueryText, ReadTrackerConfig, SaasPort } from './ports.js'

/** What to search for: a ticket key or free text as parsed from the command, and how many. */
export interface OriginQuery {
  /** Carried unchanged to the SaaS: a key is sent as a key, text as text (quotes mean words). */
  query: OriginQueryText
  limit: number
  provider?: Provider | undefined
}

/** What a search needs from the outside world. */
export interface SearchPorts {
  readTrackerConfig: ReadTrackerConfig
  saas: Pick<SaasPort, 'searchIssues'>
  overrides: BindingOverrides
}

/** The candidates, plus the binding they were searched under (the caller needs it to bind). */
export interface SearchOutcome {
  result: SearchOriginResult
  binding: TrackerBinding
}

/**
 * Resolves the tracker binding, then asks the SaaS for tickets matching the query.
 * Refuses what the contract refuses (no binding, egress refused, another provider) before any
 * request is made.
 */
export async function searchOriginCandidates(
  request: OriginQuery,
  ports: SearchPorts
): Promise<SearchOutcome> {
  const binding = resolveTrackerBinding(await ports.readTrackerConfig(), ports.overrides)
  if (request.provider !== undefined && request.provider !== binding.provider) {
    throw new KittyError(
      'tracker-provider-unsupported',
      `This repository is bound to ${providerName(binding.provider)}, so it cannot start from a ${providerName(request.provider)} ticket.`
    )
  }
  const answer = await ports.saas.searchIssues(binding, request.query, request.limit)
  const resource = resolveResource(binding, {
    resource_type: answer.resourceType,
    resource_id: answer.resourceId
  })
  const asked = request.query.kind === 'key' ? request.query.key : request.query.text
  return {
    binding,
    result: {
      candidates: answer.candidates.slice(0, request.limit),
      leftOut: answer.leftOut,
      provider: binding.provider,
      ...resource,
      query_used: asked.trim()
    }
  }
}

/** The candidate whose key is `key` (case-insensitive), if any. */
export function candidateByKey<T extends { external_issue_key: string }>(
  candidates: readonly T[],
  key: string
): T | undefined {
  return candidates.find(
    candidate => candidate.external_issue_key.toUpperCase() === key.toUpperCase()
  )
}

/**
 * Fetches one ticket again by key before a write and checks it is the same ticket that was
 * confirmed (same `external_issue_id`). Fresh title, status and URL win over what was shown.
 */
export async function refetchCandidate(
  binding: TrackerBinding,
  chosen: Pick<OriginCandidate, 'external_issue_key' | 'external_issue_id'>,
  saas: Pick<SaasPort, 'searchIssues'>
): Promise<{
  candidate: OriginCandidate
  resource: { resource_type: string; resource_id: string }
}> {
  const key = chosen.external_issue_key
  const response = await saas.searchIssues(binding, { kind: 'key', key }, 10)
  const candidate = candidateByKey(response.candidates, key)
  const refused = response.leftOut.find(left => left.key.toUpperCase() === key.toUpperCase())
  if (candidate === undefined && refused !== undefined) {
    throw new KittyError(
      'ticket-refused',
      `${oneLine(key, 40)} cannot be a mission's origin: ${refused.reason}. Nothing was bound or written.`
    )
  }
  if (candidate === undefined) {
    throw new KittyError(
      'ticket-not-found',
      `${key} is no longer found in ${providerName(binding.provider)}; start again with a new search.`
    )
  }
  if (candidate.external_issue_id !== chosen.external_issue_id) {
    throw new KittyError(
      'ticket-changed',
      `${key} now names a different ${providerName(binding.provider)} ticket than the one listed; start again with a new search.`
    )
  }
  return {
    candidate,
    resource: resolveResource(binding, {
      resource_type: response.resourceType,
      resource_id: response.resourceId
    })
  }
}
