import { decodeTime } from 'ulid'
import { validateConfirmKey, validateQuery } from '../chatops/grammar.js'
import type { ParsedQuery } from '../chatops/grammar.js'
import { asWords } from '../chatops/message.js'
import { createNonce } from '../chatops/state.js'
import { KittyError } from '../errors.js'
import type { Inputs } from '../inputs.js'
import { parseClaim } from '../origin/claim.js'
import type { RunReport } from '../report.js'
import { candidateByKey } from '../origin/search.js'
import type { BotContext } from './context.js'
import { baseBranchOf } from './context.js'
import { afterGate, gateActor } from './gate.js'
import { runClaimName } from './list-comment.js'
import { answerClaim, startConfirmedMission } from './mission-start.js'
import { failureReport } from './reply.js'
import { searchForQuery, startFromFlow } from './start-from.js'
import { settleAll } from '../settle-all.js'

/** What a workflow_dispatch asks for, from its validated inputs. */
export interface DispatchRequest {
  query: ParsedQuery
  /** The ticket key to start the mission from; absent to only search. */
  confirm?: string | undefined
}

/**
 * The `query` and `confirm` inputs through the same validators as comment commands.
 * Throws KittyError `input-invalid` when `query` is missing (the workflow does not pass it) and
 * `command-invalid` when either input is unusable (the person typed it wrong).
 */
function dispatchRequest(inputs: Pick<Inputs, 'query' | 'confirm'>): DispatchRequest {
  if (inputs.query === undefined) {
    throw new KittyError('input-invalid', 'Input `query` is required for workflow_dispatch.')
  }
  return {
    query: validateQuery(inputs.query),
    confirm: inputs.confirm === undefined ? undefined : validateConfirmKey(inputs.confirm)
  }
}

/**
 * Runs a workflow_dispatch: the dispatching actor passes the permission gate first, then the
 * query is searched. Without `confirm` the candidates go to the job summary (and, with
 * `issue-number`, a signed candidate list is posted there so the conversation goes on in
 * comments). With `confirm` the key must be among the fresh results; that explicit choice is
 * the confirmation, and the mission starts as a comment confirm starts it. There is no comment,
 * so there are no reactions; denials and failures are answered on `issue-number` when given.
 */
export async function handleDispatch(context: BotContext): Promise<RunReport> {
  const denied = await gateActor(context, { issueNumber: context.inputs.issueNumber })
  if (denied !== null) return denied
  return afterGate(context, () => answerDispatch(context))
}

async function answerDispatch(context: BotContext): Promise<RunReport> {
  const { inputs, source } = context
  const issueNumber = inputs.issueNumber
  try {
    const request = dispatchRequest(inputs)
    if (request.confirm !== undefined) {
      return await confirmFromDispatch(context, request.query, request.confirm)
    }
    if (issueNumber !== undefined) {
      return await startFromFlow(context, request.query, { issueNumber, requester: source.actor })
    }
    const { result } = await searchForQuery(context, request.query)
    context.log.info(`Found ${result.candidates.length} candidate(s) for "${result.query_used}".`)
    const count = result.candidates.length
    return {
      state: 'candidates-posted',
      dryRun: inputs.dryRun,
      query: result.query_used,
      candidates: result.candidates,
      ...(count >= inputs.candidateLimit
        ? {
            details:
              `These are the first ${count} matches; there may be more. To narrow the search, ` +
              'run again with more words or the ticket key as `query`.'
          }
        : {})
    }
  } catch (thrown) {
    return failureReport(context, thrown, { issueNumber })
  }
}

/**
 * Searches again and starts the mission of `key`, which must be among the results. The run is
 * the list: its claim is named from `GITHUB_RUN_ID`, which a re-run attempt keeps, and the
 * mission's id from the run id and the ticket, its time from the first attempt's claim. So
 * every attempt of one run converges on one mission, branch and PR.
 */
async function confirmFromDispatch(
  context: BotContext,
  query: ParsedQuery,
  key: string
): Promise<RunReport> {
  const runId = context.runId === '' ? `local-${createNonce()}` : context.runId
  const claimName = runClaimName(runId)
  const [{ result, binding }, baseHead, claimText] = await settleAll([
    searchForQuery(context, query),
    context.repository.branchHead(baseBranchOf(context)),
    context.repository.readClaim(claimName)
  ])
  const ticket = candidateByKey(result.candidates, key)
  if (ticket === undefined) {
    throw new KittyError(
      'candidate-not-listed',
      `${key} is not among the results for ${asWords(result.query_used)}; run without ` +
        '`confirm` to see them, or search for the key itself.'
    )
  }
  const claim = claimText === null ? null : parseClaim(claimText)
  const issueNumber = context.inputs.issueNumber
  if (
    claim !== null &&
    (claim.status !== 'consumed' || claim.mission.external_issue_id !== ticket.external_issue_id)
  ) {
    return answerClaim(context, claim, issueNumber, result.query_used)
  }
  return startConfirmedMission(
    context,
    {
      list: {
        requester: context.source.actor,
        query: result.query_used,
        provider: result.provider,
        nonce: `run:${runId}`,
        created_at: claim === null ? context.nowMs() : decodeTime(claim.mission.id)
      },
      claimName,
      binding,
      ticket,
      resource: { resource_type: result.resource_type, resource_id: result.resource_id },
      baseHead
    },
    { issueNumber }
  )
}
