import { validateConfirmKey, validateQuery } from '../chatops/grammar.js'
import type { ParsedQuery } from '../chatops/grammar.js'
import { asWords } from '../chatops/message.js'
import { KittyError, toKittyError } from '../errors.js'
import type { Inputs } from '../inputs.js'
import type { RunReport } from '../report.js'
import type { BotContext } from './context.js'
import { baseBranchOf } from './context.js'
import { gateActor } from './gate.js'
import { startConfirmedMission } from './mission-start.js'
import { logUnsuccessful, unsuccessful } from './unsuccessful.js'
import { newListIdentity, readTrackerConfig, searchForQuery, startFromFlow } from './start-from.js'

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
export function dispatchRequest(inputs: Pick<Inputs, 'query' | 'confirm'>): DispatchRequest {
  if (inputs.query === undefined) {
    throw new KittyError('input-invalid', 'Input `query` is required for workflow_dispatch.')
  }
  return {
    query: validateQuery(inputs.query),
    confirm: inputs.confirm === undefined ? undefined : validateConfirmKey(inputs.confirm)
  }
}

/**
 * Runs a workflow_dispatch: the dispatching actor passes the permission gate, then the query is
 * searched. Without `confirm` the candidates go to the job summary (and, with `issue-number`, a
 * signed candidate list is posted there so the conversation goes on in comments). With `confirm`
 * the key must be among the fresh results; that explicit choice is the confirmation, and the
 * mission starts as a comment confirm starts it. There is no comment, so there are no reactions;
 * denials and failures are answered on `issue-number` when it is given.
 */
export async function handleDispatch(context: BotContext): Promise<RunReport> {
  const { inputs, source } = context
  const permission = context.repository.permissionOf(source.actor)
  const reads: DispatchReads = {
    config: readTrackerConfig(context),
    baseHead:
      inputs.confirm === undefined
        ? Promise.resolve(null)
        : context.repository.branchHead(baseBranchOf(context))
  }
  reads.baseHead.catch(() => undefined)
  try {
    const denied = await gateActor(context, permission, { issueNumber: inputs.issueNumber })
    return denied ?? (await answerDispatch(context, reads))
  } finally {
    // The run ends when the reads it started early have; none is left running after the report.
    await Promise.allSettled([reads.config, reads.baseHead])
  }
}

/** What a dispatch reads before it needs it, started alongside the permission check. */
interface DispatchReads {
  config: Promise<string | null>
  baseHead: Promise<string | null>
}

/** The dispatch after the gate; any failure becomes `failed`, told on `issue-number` if given. */
async function answerDispatch(context: BotContext, reads: DispatchReads): Promise<RunReport> {
  const { inputs, source } = context
  const issueNumber = inputs.issueNumber
  try {
    const request = dispatchRequest(inputs)
    if (request.confirm !== undefined) {
      return await confirmFromDispatch(context, request.query, request.confirm, reads)
    }
    if (issueNumber !== undefined) {
      return await startFromFlow(
        context,
        request.query,
        { issueNumber, requester: source.actor },
        reads.config
      )
    }
    const { result } = await searchForQuery(context, request.query, reads.config)
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
    const error = toKittyError(thrown)
    logUnsuccessful(context, error)
    const { reply, report } = unsuccessful(context, error, { issueNumber })
    if (issueNumber !== undefined) {
      await context.conversation.createComment(issueNumber, reply).catch(() => undefined)
    }
    return report
  }
}

/** Searches again and starts the mission of `key`, which must be among the results. */
async function confirmFromDispatch(
  context: BotContext,
  query: ParsedQuery,
  key: string,
  reads: DispatchReads
): Promise<RunReport> {
  const { result, binding } = await searchForQuery(context, query, reads.config)
  const ticket = result.candidates.find(
    candidate => candidate.external_issue_key.toUpperCase() === key
  )
  if (ticket === undefined) {
    throw new KittyError(
      'candidate-not-listed',
      `${key} is not among the results for ${asWords(result.query_used)}; run without ` +
        '`confirm` to see them, or search for the key itself.'
    )
  }
  return startConfirmedMission(
    context,
    {
      list: {
        requester: context.source.actor,
        query: result.query_used,
        provider: result.provider,
        ...newListIdentity(context)
      },
      binding,
      ticket,
      resource: { resource_type: result.resource_type, resource_id: result.resource_id },
      baseHead: await reads.baseHead
    },
    { issueNumber: context.inputs.issueNumber }
  )
}
