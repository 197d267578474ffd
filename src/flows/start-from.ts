import { bindingOverrides } from '../inputs.js'
import type { ParsedQuery } from '../chatops/grammar.js'
import { createNonce, stateCandidate } from '../chatops/state.js'
import type { CandidateState } from '../chatops/state.js'
import { TRACKER_CONFIG_PATH, routingOf } from '../origin/binding.js'
import { searchOriginCandidates } from '../origin/search.js'
import type { SearchOutcome } from '../origin/search.js'
import type { LeftOutCandidate } from '../origin/models.js'
import type { RunReport } from '../report.js'
import type { BotContext } from './context.js'
import { baseBranchOf, repoSlug } from './context.js'
import { listComment } from './list-comment.js'

/** Where a candidate list goes and who asked for it. */
export interface ListTarget {
  issueNumber: number
  requester: string
}

const configReads = new WeakMap<BotContext, Promise<string | null>>()

/**
 * Reads `.kittify/config.yaml` on the base branch; null when there is none. Read once a run: the
 * flow and the outbox drain (which must honour the config's egress refusal) share the answer.
 */
export function readTrackerConfig(context: BotContext): Promise<string | null> {
  let read = configReads.get(context)
  if (read === undefined) {
    read = context.repository.readFile(TRACKER_CONFIG_PATH, baseBranchOf(context))
    configReads.set(context, read)
  }
  return read
}

/** Searches the SaaS for a query under the repository's tracker binding (read on the base branch). */
export function searchForQuery(context: BotContext, query: ParsedQuery): Promise<SearchOutcome> {
  return searchOriginCandidates(
    {
      query: query.kind === 'key' ? { kind: 'key', key: query.key } : query,
      provider: query.kind === 'key' ? query.provider : undefined,
      limit: context.inputs.candidateLimit
    },
    {
      readTrackerConfig: () => readTrackerConfig(context),
      saas: context.saas,
      overrides: bindingOverrides(context.inputs)
    }
  )
}

/** The signed state of a new candidate list: its nonce is the list's own id. */
function newCandidateState(
  context: BotContext,
  target: ListTarget,
  outcome: SearchOutcome
): CandidateState {
  const { result, binding } = outcome
  const now = context.nowMs()
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
    nonce: createNonce(),
    created_at: now,
    expires_at: now + context.inputs.stateTtlHours * 3_600_000,
    status: 'open'
  }
}

/** One sentence per ticket the SaaS sent that cannot be an origin, for the log and summary. */
function leftOutNotes(leftOut: readonly LeftOutCandidate[]): string[] {
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
  where: ListTarget
): Promise<RunReport> {
  const outcome = await searchForQuery(context, query)
  const state = newCandidateState(context, where, outcome)
  const { leftOut } = outcome.result
  await context.conversation.createComment(where.issueNumber, listComment(context, state, leftOut))
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
