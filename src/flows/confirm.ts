import type { ConfirmChoice } from '../chatops/grammar.js'
import { renderConsumedCandidateComment, renderMissionStarted } from '../chatops/render.js'
import { encodeStateMarker, missionRandomBits } from '../chatops/state.js'
import type { CandidateState, StateCandidate } from '../chatops/state.js'
import { KittyError } from '../errors.js'
import { ulidFromParts } from '../mission/index.js'
import { resolveTrackerBinding } from '../origin/binding.js'
import type { MissionFromTicketResult } from '../origin/models.js'
import { providerName, refetchCandidate } from '../origin/search.js'
import { startMissionFromTicket } from '../origin/start.js'
import type { RunReport } from '../report.js'
import type { BotContext } from './context.js'
import { baseBranchOf } from './context.js'
import type { StateLookup } from './find-state.js'
import type { PullRequestRef } from './ports.js'
import { pullRequestBody, pullRequestTitle } from './pull-request.js'
import { scopeLabel } from './start-from.js'
import { repositoryWorkspace } from './workspace.js'

/** What a confirm reads before it writes anything, fetched in parallel by the caller. */
export interface ConfirmReads {
  lookup: Promise<StateLookup>
  baseHead: Promise<string | null>
  config: Promise<string | null>
}

/** Where the confirm came from. */
export interface ConfirmSource {
  issueNumber: number
  commentId: number
  issueUrl: string
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

/** The mission id of one confirmation: the list's time and an HMAC of its nonce and the ticket. */
export function missionIdFor(key: Buffer, state: CandidateState, chosen: StateCandidate): string {
  return ulidFromParts(
    state.created_at,
    missionRandomBits(key, state.nonce, chosen.external_issue_id)
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
 * `confirm`: verify the newest open list, re-fetch the chosen ticket, then start the mission in the
 * service layer's order of writes, publishing the PR, the consumed list and the reply.
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
  const baseBranch = baseBranchOf(context)
  const [baseHead, fresh] = await Promise.all([
    reads.baseHead,
    refetchCandidate(binding, chosen, context.saas)
  ])
  if (baseHead === null) {
    throw new KittyError(
      'github-error',
      `The base branch ${baseBranch} does not exist; set the base-branch input.`
    )
  }

  const published = { existing: false }
  const publish = async (mission: MissionFromTicketResult): Promise<PullRequestRef> => {
    const existingPull = await context.repository.findPullRequest(mission.branch)
    published.existing = existingPull !== null
    const pull =
      existingPull ??
      (await context.repository.openPullRequest({
        head: mission.branch,
        base: baseBranch,
        title: pullRequestTitle(fresh.candidate),
        body: pullRequestBody(mission, fresh.candidate, {
          requestedBy: state.requester,
          confirmedBy: source.actor,
          sourceIssue: { number: where.issueNumber, url: where.issueUrl },
          targetBranch: baseBranch
        }),
        draft: inputs.prDraft,
        labels: inputs.prLabels
      }))
    const consumed = {
      ...state,
      status: 'consumed' as const,
      mission_slug: mission.missionSlug,
      pull_request: pull
    }
    await Promise.all([
      context.conversation.updateComment(
        listCommentId,
        renderConsumedCandidateComment({
          state: consumed,
          marker: encodeStateMarker(consumed, context.stateKey),
          scopeLabel: scopeLabel(state)
        })
      ),
      context.conversation.createComment(
        where.issueNumber,
        renderMissionStarted({
          missionSlug: mission.missionSlug,
          key: fresh.candidate.external_issue_key,
          prUrl: pull.url,
          prNumber: pull.number,
          existing: published.existing
        })
      )
    ])
    return pull
  }

  const { mission } = await startMissionFromTicket(
    {
      binding,
      candidate: fresh.candidate,
      resource: fresh.resource,
      missionId: missionIdFor(context.stateKey, state, chosen),
      repo: `${source.owner}/${source.repo}`,
      missionType: inputs.missionType,
      layout: inputs.missionLayout,
      targetBranch: baseBranch,
      nowMs: context.nowMs(),
      eventIds: [context.newUlid(), context.newUlid()]
    },
    {
      saas: context.saas,
      workspace: repositoryWorkspace(context.repository, baseHead),
      publish,
      emitEvent: (bound, project) => context.emitEvent(bound, project)
    }
  )
  return {
    state: published.existing ? 'mission-exists' : 'mission-created',
    dryRun: inputs.dryRun,
    issueNumber: where.issueNumber,
    query: state.query,
    mission: {
      id: mission.missionId,
      slug: mission.missionSlug,
      dir: mission.missionDir,
      branch: mission.branch
    },
    originTicket: {
      ...mission.originTicket,
      origin_link_id: mission.originLinkId,
      bound_at: mission.boundAt
    },
    ...(mission.pullRequest === undefined ? {} : { pullRequest: mission.pullRequest })
  }
}
