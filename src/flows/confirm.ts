import { bindingOverrides } from '../inputs.js'
import { commandSpan, startAgainCommand } from '../chatops/render.js'
import type { ConfirmChoice } from '../chatops/grammar.js'
import { asWords } from '../chatops/message.js'
import type { CandidateState, StateCandidate } from '../chatops/state.js'
import { KittyError } from '../errors.js'
import { resolveTrackerBinding } from '../origin/binding.js'
import { providerName } from '../origin/models.js'
import { candidateByKey, refetchCandidate } from '../origin/search.js'
import type { RunReport } from '../report.js'
import type { BotContext, CommandEvent } from './context.js'
import { baseBranchOf } from './context.js'
import type { StateLookup } from './find-state.js'
import { findNewestCandidateList } from './find-state.js'
import { listClaimName } from './list-comment.js'
import { answerClaimText, startConfirmedMission } from './mission-start.js'
import { requireRequester } from './reply.js'
import { readTrackerConfig } from './start-from.js'
import { settleAll } from '../settle-all.js'

/** `<prefix> <rest>` as a code span of a sentence. */
/** Picks the chosen candidate from the list, by row number or ticket key; refuses anything else. */
function chooseCandidate(
  state: CandidateState,
  choice: ConfirmChoice,
  prefix: string
): StateCandidate {
  const count = state.candidates.length
  const again = startAgainCommand(prefix)
  if ('index' in choice) {
    const chosen = state.candidates[choice.index - 1]
    if (chosen !== undefined) return chosen
    throw new KittyError(
      'candidate-not-listed',
      count === 0
        ? `The candidate list is empty, so there is nothing to confirm; search again with ${again}.`
        : `There is no row ${choice.index} in the candidate list; ` +
            (count === 1
              ? `confirm it with ${commandSpan(prefix, 'confirm 1')}.`
              : `choose a row from 1 to ${count}, for example ${commandSpan(prefix, 'confirm 1')}.`)
    )
  }
  const chosen = candidateByKey(state.candidates, choice.key)
  if (chosen !== undefined) return chosen
  throw new KittyError(
    'candidate-not-listed',
    `${asWords(choice.key)} is not in the candidate list; confirm one of the listed tickets, ` +
      `or search for it with ${commandSpan(prefix, `start-from ${choice.key}`)}.`
  )
}

/** The key of the ticket a choice names in the list, if it names one. */
function askedKey(state: CandidateState, choice: ConfirmChoice): string | undefined {
  const chosen =
    'index' in choice
      ? state.candidates[choice.index - 1]
      : candidateByKey(state.candidates, choice.key)
  return chosen?.external_issue_key
}

/** The newest list, or a refusal saying why there is nothing to confirm and what to do. */
function newestList(
  lookup: StateLookup,
  prefix: string
): { commentId: number; state: CandidateState } {
  const again = startAgainCommand(prefix)
  if (!lookup.found) {
    if (lookup.reason === 'expired') {
      throw new KittyError(
        'list-expired',
        `The candidate list has expired, so it can no longer be confirmed; search again with ${again}.`
      )
    }
    throw new KittyError(
      'list-not-found',
      `There is no candidate list in this issue to confirm; start with ${again}.`
    )
  }
  if (lookup.state.status === 'cancelled') {
    throw new KittyError(
      'list-cancelled',
      `The newest candidate list was cancelled, so there is nothing to confirm; search again with ${again}.`
    )
  }
  return lookup
}

/**
 * `confirm`: after the gate, read the newest list, the tracker binding and the base head
 * together; a list that already gave its mission answers with it (any row, any writer).
 * Otherwise re-fetch the chosen ticket and start its mission (see startConfirmedMission).
 */
export async function confirmFlow(
  context: BotContext,
  choice: ConfirmChoice,
  event: Pick<CommandEvent, 'issueNumber' | 'issueCommentCount'>
): Promise<RunReport> {
  const { inputs } = context
  const { issueNumber } = event
  const [lookup, config, baseHead] = await settleAll([
    findNewestCandidateList(context, issueNumber, event.issueCommentCount),
    readTrackerConfig(context),
    context.repository.branchHead(baseBranchOf(context))
  ])
  const { commentId, state } = newestList(lookup, inputs.commandPrefix)
  const claimName = listClaimName(state.nonce)
  const asked = askedKey(state, choice)
  if (state.status === 'consumed') {
    const claim = await context.repository.readClaim(claimName)
    return answerClaimText(context, claim, issueNumber, state.query, asked)
  }
  let chosen: StateCandidate
  try {
    requireRequester(context, state, 'confirm')
    chosen = chooseCandidate(state, choice, inputs.commandPrefix)
  } catch (refusal) {
    // A list whose comment still reads open may have given its mission already (the edit
    // failed, or this is a re-posted copy): that mission is the answer, whoever asks.
    const claim = await context.repository.readClaim(claimName)
    if (claim === null) throw refusal
    return answerClaimText(context, claim, issueNumber, state.query, asked)
  }
  const binding = resolveTrackerBinding(config, bindingOverrides(inputs))
  if (binding.provider !== state.provider) {
    throw new KittyError(
      'tracker-provider-unsupported',
      `The repository is now bound to ${providerName(binding.provider)}, not ${providerName(state.provider)}; start a new search.`
    )
  }
  const fresh = await refetchCandidate(binding, chosen, context.saas)
  return startConfirmedMission(
    context,
    {
      list: state,
      claimName,
      binding,
      ticket: fresh.candidate,
      resource: fresh.resource,
      baseHead
    },
    { issueNumber, listComment: { id: commentId, state } }
  )
}
