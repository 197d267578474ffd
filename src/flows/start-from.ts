import type { ParsedQuery } from '../chatops/grammar.js'
import { renderCandidateComment } from '../chatops/render.js'
import { createNonce, encodeStateMarker, stateCandidate } from '../chatops/state.js'
import type { CandidateState } from '../chatops/state.js'
import { TRACKER_CONFIG_PATH, routingOf } from '../origin/binding.js'
import { searchOriginCandidates } from '../origin/search.js'
import type { SearchOutcome } from '../origin/search.js'
import type { LeftOutCandidate } from '../origin/models.js'
import type { RunReport } from '../report.js'
import type { BotContext } from './context.js'
import { baseBranchOf, repoSlug } from './context.js'

/** Where a candidate list goes and who asked for it. */
export interface ListTarget {
  issueNumber: number
  requester: string
}

/** Searches the SaaS for a query under the repository's tracker binding (read on the base branch). */
export function searchForQuery(
  context: BotContext,
  query: ParsedQuery,
  config: Promise<string | null>
): Promise<SearchOutcome> {
  return searchOriginCandidates(
    {
      query: query.kind === 'key' ? { kind: 'key', key: query.key } : query,
      provider: query.kind === 'key' ? query.provider : undefined,
      limit: context.inputs.candidateLimit
    },
    {
      readTrackerConfig: () => config,
      saas: context.saas,
      overrides: {
        provider: context.inputs.provider,
        projectSlug: context.inputs.projectSlug,
        bindingRef: context.inputs.bindingRef
      }
    }
  )
}

/** Reads `.kittify/config.yaml` on the base branch; started early, awaited when needed. */
export function readTrackerConfig(context: BotContext): Promise<string | null> {
  const config = context.repository.readFile(TRACKER_CONFIG_PATH, baseBranchOf(context))
  config.catch(() => undefined)
  return config
}

/** What makes a candidate list unique and names its missions: a nonce and its lifetime. */
export type ListIdentity = Pick<CandidateState, 'nonce' | 'created_at' | 'expires_at'>

/** The identity of a list made now. */
export function newListIdentity(context: BotContext): ListIdentity {
  const now = context.nowMs()
  return {
    nonce: createNonce(),
    created_at: now,
    expires_at: now + context.inputs.stateTtlHours * 3_600_000
  }
}

/** The signed state of a new candidate list. */
export function newCandidateState(
  context: BotContext,
  target: ListTarget,
  outcome: SearchOutcome
): CandidateState {
  const { result, binding } = outcome
  return {
    v: 1,
    repo: repoSlug(context.source),
    issue: target.issueNumber,
    requester: target.requester,
    query: result.query_used,
    provider: result.provider,
    routing: routingOf(binding),
    resource_type: result.resource_type,
    resource_id: result.resource_id,
    candidates: result.candidates.map(stateCandidate),
    ...newListIdentity(context),
    status: 'open'
  }
}

/** How the search scope reads in a comment, e.g. `team acme-web`. */
export function scopeLabel(
  state: Pick<CandidateState, 'routing' | 'provider' | 'resource_id'>
): string {
  const noun = state.provider === 'jira' ? 'project' : 'team'
  // A binding reference is an opaque id; the tracker's own resource id reads better.
  const name =
    'project_slug' in state.routing
      ? state.routing.project_slug
      : state.resource_id || state.routing.binding_ref
  return `${noun} ${name}`
}

/** The candidate-list comment for a search outcome, signed with the state key. */
export function candidateComment(
  context: BotContext,
  state: CandidateState,
  leftOut: readonly LeftOutCandidate[] = []
): string {
  return renderCandidateComment({
    state,
    marker: encodeStateMarker(state, context.stateKey),
    prefix: context.inputs.commandPrefix,
    scopeLabel: scopeLabel(state),
    limit: context.inputs.candidateLimit,
    leftOut
  })
}

/** One sentence per ticket the SaaS sent that cannot be an origin, for the log and summary. */
export function leftOutNotes(leftOut: readonly LeftOutCandidate[]): string[] {
  return leftOut.map(
    left => `${left.key} was left out of the candidates: ${left.reason}; it cannot be bound.`
  )
}

/**
 * `start-from`: search the SaaS (after the permission gate) and post the candidates with their
 * signed state, so the conversation continues with `confirm`.
 */
export async function startFromFlow(
  context: BotContext,
  query: ParsedQuery,
  where: ListTarget,
  config: Promise<string | null>
): Promise<RunReport> {
  const outcome = await searchForQuery(context, query, config)
  const state = newCandidateState(context, where, outcome)
  const { leftOut } = outcome.result
  await context.conversation.createComment(
    where.issueNumber,
    candidateComment(context, state, leftOut)
  )
  const notes = leftOutNotes(leftOut)
  for (const note of notes) context.log.warning(note)
  context.log.info(
    `Posted ${state.candidates.length} candidate(s) for "${state.query}" on #${where.issueNumber}.`
  )
  return {
    state: 'candidates-posted',
    dryRun: context.inputs.dryRun,
    query: outcome.result.query_used,
    candidates: outcome.result.candidates,
    issueNumber: where.issueNumber,
    ...(notes.length === 0 ? {} : { notes })
  }
}
