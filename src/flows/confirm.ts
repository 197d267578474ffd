import type { ConfirmChoice } from '../chatops/grammar.js'
import { escapeCodeSpan } from '../chatops/escape.js'
import { asWords } from '../chatops/message.js'
import { chosenKey, renderMissionStarted } from '../chatops/render.js'
import type { CandidateState, StateCandidate } from '../chatops/state.js'
import { KittyError } from '../errors.js'
import { resolveTrackerBinding } from '../origin/binding.js'
import { providerName, refetchCandidate } from '../origin/search.js'
import type { RunReport } from '../report.js'
import type { BotContext } from './context.js'
import type { StateLookup } from './find-state.js'
import { startConfirmedMission } from './mission-start.js'

/** What a confirm reads before it writes anything, fetched in parallel by the caller. */
export interface ConfirmReads {
  lookup: Promise<StateLookup>
  baseHead: Promise<string | null>
  config: Promise<string | null>
}

/** Where the confirm came from. */
export interface ConfirmSource {
  issueNumber: number
  /** Runs alongside the reply once the pull request exists. */
  onPublished?: () => Promise<void>
}

/** `<prefix> <rest>` as a code span of a sentence. */
function command(prefix: string, rest: string): string {
  return escapeCodeSpan(`${prefix} ${rest}`)
}

/** Picks the chosen candidate from the list, by row number or ticket key; refuses anything else. */
export function chooseCandidate(
  state: CandidateState,
  choice: ConfirmChoice,
  prefix: string
): StateCandidate {
  const count = state.candidates.length
  const again = command(prefix, 'start-from <ticket key or words>')
  if ('index' in choice) {
    const chosen = state.candidates[choice.index - 1]
    if (chosen !== undefined) return chosen
    throw new KittyError(
      'candidate-not-listed',
      count === 0
        ? `The candidate list is empty, so there is nothing to confirm; search again with ${again}.`
        : `There is no row ${choice.index} in the candidate list; ` +
            (count === 1
              ? `confirm it with ${command(prefix, 'confirm 1')}.`
              : `choose a row from 1 to ${count}, for example ${command(prefix, 'confirm 1')}.`)
    )
  }
  const chosen = state.candidates.find(
    candidate => candidate.external_issue_key.toUpperCase() === choice.key.toUpperCase()
  )
  if (chosen !== undefined) return chosen
  throw new KittyError(
    'candidate-not-listed',
    `${asWords(choice.key)} is not in the candidate list; confirm one of the listed tickets, ` +
      `or search for it with ${command(prefix, `start-from ${choice.key}`)}.`
  )
}

/** The newest list, or a refusal saying why there is nothing to confirm and what to do. */
function newestList(
  lookup: StateLookup,
  prefix: string
): { commentId: number; state: CandidateState } {
  const again = command(prefix, 'start-from <ticket key or words>')
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

/** Refuses a confirm by anyone but the list's requester, when only the requester may confirm. */
export function requireRequester(
  context: BotContext,
  state: CandidateState,
  verb: 'confirm' | 'cancel'
): void {
  if (
    context.inputs.confirmBy !== 'requester' ||
    state.requester.toLowerCase() === context.source.actor.toLowerCase()
  ) {
    return
  }
  const own = command(context.inputs.commandPrefix, 'start-from <ticket key or words>')
  throw new KittyError(
    'not-requester',
    `The newest candidate list was asked for by @${state.requester}, and only they can ${verb} it. ` +
      `To start a mission yourself, run ${own}: your own list becomes the newest.`
  )
}

function existingMissionReport(
  context: BotContext,
  state: CandidateState,
  issueNumber: number
): RunReport {
  return {
    state: 'mission-exists',
    dryRun: context.inputs.dryRun,
    issueNumber,
    query: state.query,
    ...(state.pull_request === undefined ? {} : { pullRequest: state.pull_request }),
    reason: `The candidate list was already confirmed as ${state.mission_slug ?? 'a mission'}.`
  }
}

/**
 * A confirm of a list that already started its mission. Choosing that ticket again (a re-run, or
 * a second try) answers with the existing mission; choosing another is refused with what to do.
 */
async function confirmConsumed(
  context: BotContext,
  state: CandidateState,
  choice: ConfirmChoice,
  issueNumber: number
): Promise<RunReport> {
  const prefix = context.inputs.commandPrefix
  const chosen = chooseCandidate(state, choice, prefix)
  const started = chosenKey(state)
  if (started !== undefined && started !== chosen.external_issue_key) {
    const wanted = chosen.external_issue_key
    throw new KittyError(
      'list-consumed',
      `This candidate list already started mission ${escapeCodeSpan(state.mission_slug ?? '')} ` +
        `from ${asWords(started)}, and a list starts one mission. To start one from ` +
        `${asWords(wanted)} too, run ${command(prefix, `start-from ${wanted}`)}.`
    )
  }
  if (state.pull_request !== undefined) {
    await context.conversation.createComment(
      issueNumber,
      renderMissionStarted({
        missionSlug: state.mission_slug ?? '',
        key: started ?? chosen.external_issue_key,
        prUrl: state.pull_request.url,
        prNumber: state.pull_request.number,
        existing: true
      })
    )
  }
  return existingMissionReport(context, state, issueNumber)
}

/**
 * `confirm`: verify the newest open list and re-fetch the chosen ticket, then start its mission
 * (see startConfirmedMission), marking the list consumed and replying on the issue.
 */
export async function confirmFlow(
  context: BotContext,
  choice: ConfirmChoice,
  where: ConfirmSource,
  reads: ConfirmReads
): Promise<RunReport> {
  const { inputs } = context
  const { commentId: listCommentId, state } = newestList(await reads.lookup, inputs.commandPrefix)
  requireRequester(context, state, 'confirm')
  if (state.status === 'consumed') {
    return confirmConsumed(context, state, choice, where.issueNumber)
  }

  const chosen = chooseCandidate(state, choice, inputs.commandPrefix)
  const binding = resolveTrackerBinding(await reads.config, {
    provider: inputs.provider,
    projectSlug: inputs.projectSlug,
    bindingRef: inputs.bindingRef
  })
  if (binding.provider !== state.provider) {
    throw new KittyError(
      'tracker-provider-unsupported',
      `The repository is now bound to ${providerName(binding.provider)}, not ${providerName(state.provider)}; start a new search.`
    )
  }
  const [baseHead, fresh] = await Promise.all([
    reads.baseHead,
    refetchCandidate(binding, chosen, context.saas)
  ])
  return startConfirmedMission(
    context,
    { list: state, binding, ticket: fresh.candidate, resource: fresh.resource, baseHead },
    {
      issueNumber: where.issueNumber,
      listComment: { id: listCommentId, state },
      onPublished: where.onPublished
    }
  )
}
