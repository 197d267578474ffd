import { KittyError } from '../errors.js'
import type { IssueSearchRequest } from '../saas/wire.js'
import { resolveResource, resolveTrackerBinding, routingOf } from './binding.js'
import type { BindingOverrides } from './binding.js'
import type { OriginCandidate, Provider, SearchOriginResult, TrackerBinding } from './models.js'
import type { ReadTrackerConfig, SaasPort } from './ports.js'
import { TICKET_KEY } from './ticket-key.js'

/** What to search for: a ticket key or free text, optionally naming the provider. */
export interface OriginQuery {
  query: string
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

/** Builds the issue-search body: a key query sends `query_key` and the key as `query_text`. */
export function issueSearchRequest(
  binding: TrackerBinding,
  query: string,
  limit: number
): IssueSearchRequest {
  const text = query.trim()
  return {
    provider: binding.provider,
    limit,
    ...routingOf(binding),
    ...(TICKET_KEY.test(text) ? { query_key: text } : {}),
    query_text: text
  }
}

/**
 * Resolves the tracker binding, then asks the SaaS for tickets matching the query.
 * Refuses what the contract refuses (no binding, another provider) before any request is made.
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
  const body = issueSearchRequest(binding, request.query, request.limit)
  const response = await ports.saas.searchIssues(body)
  const resource = resolveResource(binding, response)
  return {
    binding,
    result: {
      candidates: response.candidates.slice(0, request.limit),
      provider: binding.provider,
      ...resource,
      query_used: body.query_text
    }
  }
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
  const response = await saas.searchIssues(issueSearchRequest(binding, key, 10))
  const candidate = response.candidates.find(
    found => found.external_issue_key.toUpperCase() === key.toUpperCase()
  )
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
  return { candidate, resource: resolveResource(binding, response) }
}

/** The tracker's display name. */
export function providerName(provider: Provider): string {
  return provider === 'jira' ? 'Jira' : 'Linear'
}
