import type { ConfirmChoice } from '../chatops/grammar.js'
import { renderMissionStarted } from '../chatops/render.js'
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

/** Picks the chosen candidate from the list, by row number or ticket key. */
export function chooseCandidate(state: CandidateState, choice: ConfirmChoice): StateCandidate {
  const count = state.candidates.length
  if ('index' in choice) {
    const chosen = state.candidates[choice.index - 1]
    if (chosen !== undefined) return chosen
    throw new KittyError(
      'input-invalid',
      count === 0
        ? 'The candidate list is empty, so there is nothing to confirm; start a new search.'
        : `There is no candidate ${choice.index} in the list; choose 1 to ${count}.`
    )
  }
  const chosen = state.candidates.find(
    candidate => candidate.external_issue_key.toUpperCase() === choice.key.toUpperCase()
  )
  if (chosen !== undefined) return chosen
  throw new KittyError(
    'input-invalid',
    `${choice.key} is not in the candidate list; confirm one of the listed tickets.`
  )
}

/** The newest open list, or a sentence for why there is nothing to confirm. */
function openList(
  lookup: StateLookup,
  prefix: string
): { commentId: number; state: CandidateState } {
  if (!lookup.found) {
    throw new KittyError(
      'input-invalid',
      lookup.reason === 'expired'
        ? `The candidate list has expired; run \`${prefix} start-from\` again.`
        : `There is no candidate list in this issue to confirm; start with \`${prefix} start-from <ticket>\`.`
    )
  }
  if (lookup.state.status === 'cancelled') {
    throw new KittyError(
      'input-invalid',
      `The candidate list was cancelled, so there is nothing to confirm; run \`${prefix} start-from\` again.`
    )
  }
  return lookup
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
 * `confirm`: verify the newest open list and re-fetch the chosen ticket, then start its mission
 * (see startConfirmedMission), marking the list consumed and replying on the issue.
 */
export async function confirmFlow(
  context: BotContext,
  choice: ConfirmChoice,
  where: ConfirmSource,
  reads: ConfirmReads
): Promise<RunReport> {
  const { inputs, source } = context
  const { commentId: listCommentId, state } = openList(await reads.lookup, inputs.commandPrefix)
  if (
    inputs.confirmBy === 'requester' &&
    state.requester.toLowerCase() !== source.actor.toLowerCase()
  ) {
    throw new KittyError(
      'input-invalid',
      `Only @${state.requester}, who asked for this list, can confirm it (confirm-by: requester).`
    )
  }
  if (state.status === 'consumed') {
    if (state.pull_request !== undefined) {
      await context.conversation.createComment(
        where.issueNumber,
        renderMissionStarted({
          missionSlug: state.mission_slug ?? '',
          key: state.candidates[0]?.external_issue_key ?? '',
          prUrl: state.pull_request.url,
          prNumber: state.pull_request.number,
          existing: true
        })
      )
    }
    return existingMissionReport(context, state, where.issueNumber)
  }

  const chosen = chooseCandidate(state, choice)
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
