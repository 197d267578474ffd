import { renderConsumedCandidateComment, renderMissionStarted } from '../chatops/render.js'
import { encodeStateMarker, missionRandomBits } from '../chatops/state.js'
import type { CandidateState } from '../chatops/state.js'
import { escapeCodeSpan, escapeInline } from '../chatops/escape.js'
import { KittyError } from '../errors.js'
import { ulidFromParts } from '../mission/index.js'
import { originTicketOf } from '../origin/bind.js'
import type { MissionFromTicketResult, OriginCandidate, TrackerBinding } from '../origin/models.js'
import { planMission, startMissionFromTicket } from '../origin/start.js'
import type { StartMissionInput, StartMissionPorts } from '../origin/start.js'
import type { RunReport } from '../report.js'
import { bindRequestBody } from '../saas/bind.js'
import type { BotContext } from './context.js'
import { baseBranchOf } from './context.js'
import type { DryRunLog } from './dry-run.js'
import type { PullRequestRef } from './ports.js'
import { pullRequestBody, pullRequestTitle } from './pull-request.js'
import { scopeLabel } from './start-from.js'
import { repositoryWorkspace } from './workspace.js'

/** What a confirmation chose from: who asked, what, and the identity that names the mission. */
export type ChosenList = Pick<
  CandidateState,
  'requester' | 'query' | 'provider' | 'created_at' | 'nonce'
>

/** A confirmed ticket, fresh from the SaaS, with everything its mission start reads. */
export interface ConfirmedTicket {
  list: ChosenList
  binding: TrackerBinding
  ticket: OriginCandidate
  resource: { resource_type: string; resource_id: string }
  /** Head of the base branch, or null when the branch does not exist. */
  baseHead: string | null
}

/** Where the conversation is: the issue to reply on and the list comment to mark consumed. */
export interface ReplyTarget {
  issueNumber?: number | undefined
  /** The posted candidate list and its state; absent when the list was never posted. */
  listComment?: { id: number; state: CandidateState } | undefined
  /** Runs alongside the reply once the pull request exists (the 🚀 on the command comment). */
  onPublished?: (() => Promise<void>) | undefined
}

/** The mission id of one confirmation: the list's time and an HMAC of its nonce and the ticket. */
export function missionIdFor(
  key: Buffer,
  list: Pick<CandidateState, 'created_at' | 'nonce'>,
  chosen: Pick<OriginCandidate, 'external_issue_id'>
): string {
  return ulidFromParts(
    list.created_at,
    missionRandomBits(key, list.nonce, chosen.external_issue_id)
  )
}

/**
 * Starts the mission of a confirmed ticket in the service layer's order of writes, then publishes
 * it: the PR, the consumed list and the reply, where there is a list and an issue. A dry run
 * plans the same mission and rehearses every write through the recording ports, binding nothing.
 */
export async function startConfirmedMission(
  context: BotContext,
  confirmed: ConfirmedTicket,
  target: ReplyTarget
): Promise<RunReport> {
  const { inputs, source } = context
  const { list, ticket, baseHead } = confirmed
  const baseBranch = baseBranchOf(context)
  if (baseHead === null) {
    throw new KittyError(
      'github-error',
      `The base branch ${baseBranch} does not exist; set the base-branch input.`
    )
  }
  const { issueNumber, listComment } = target

  const published = { existing: false }
  const publish: StartMissionPorts['publish'] = async (mission, hints) => {
    // A branch this run created has no pull request yet: skip the lookup.
    const existingPull =
      hints?.branchCreated === true
        ? null
        : await context.repository.findPullRequest(mission.branch)
    published.existing = existingPull !== null
    // Earlier missions from the same ticket share the branch prefix (all but the mid8).
    const others =
      existingPull === null
        ? context.repository.openPullRequestsFrom(mission.branch.slice(0, -8))
        : Promise.resolve([])
    others.catch(() => undefined)
    const pull =
      existingPull ??
      (await context.repository.openPullRequest({
        head: mission.branch,
        base: baseBranch,
        title: pullRequestTitle(ticket),
        body: pullRequestBody(mission, ticket, {
          requestedBy: list.requester,
          confirmedBy: source.actor,
          sourceIssue: issueNumber === undefined ? undefined : { number: issueNumber },
          runUrl: context.runUrl,
          baseBranch
        }),
        draft: inputs.prDraft,
        labels: inputs.prLabels
      }))
    const otherMissions = (await others.catch(() => [])).filter(
      other => other.number !== pull.number
    )
    await Promise.all([
      target.onPublished?.(),
      listComment === undefined
        ? undefined
        : markConsumed(context, listComment, { mission, pull, ticket }),
      issueNumber === undefined
        ? undefined
        : context.conversation.createComment(
            issueNumber,
            renderMissionStarted({
              missionSlug: mission.missionSlug,
              key: ticket.external_issue_key,
              prUrl: pull.url,
              prNumber: pull.number,
              existing: published.existing,
              otherMissions
            })
          )
    ])
    return pull
  }

  const input: StartMissionInput = {
    binding: confirmed.binding,
    candidate: ticket,
    resource: confirmed.resource,
    missionId: missionIdFor(context.stateKey, list, ticket),
    repo: `${source.owner}/${source.repo}`,
    missionType: inputs.missionType,
    nowMs: context.nowMs(),
    eventIds: [context.newUlid(), context.newUlid()]
  }
  const ports: StartMissionPorts = {
    saas: context.saas,
    workspace: repositoryWorkspace(context.repository, baseHead),
    publish,
    emitEvent: (bound, project) => context.emitEvent(bound, project)
  }
  const dryRun = context.dryRun
  const mission =
    dryRun === undefined
      ? (await startMissionFromTicket(input, ports)).mission
      : await rehearseMissionStart(dryRun, input, ports)

  const showPull = dryRun === undefined || published.existing
  return {
    state: published.existing ? 'mission-exists' : 'mission-created',
    dryRun: inputs.dryRun,
    ...(issueNumber === undefined ? {} : { issueNumber }),
    query: list.query,
    mission: {
      id: mission.missionId,
      slug: mission.missionSlug,
      dir: mission.missionDir,
      branch: mission.branch
    },
    originTicket:
      dryRun === undefined
        ? {
            ...mission.originTicket,
            ...(mission.originLinkId === null ? {} : { origin_link_id: mission.originLinkId }),
            ...(mission.boundAt === null ? {} : { bound_at: mission.boundAt })
          }
        : mission.originTicket,
    ...(mission.pullRequest === undefined || !showPull ? {} : { pullRequest: mission.pullRequest })
  }
}

/** Re-signs the list as consumed, recording the mission, its pull request and the chosen ticket. */
async function markConsumed(
  context: BotContext,
  listComment: { id: number; state: CandidateState },
  outcome: { mission: MissionFromTicketResult; pull: PullRequestRef; ticket: OriginCandidate }
): Promise<void> {
  const consumed = {
    ...listComment.state,
    status: 'consumed' as const,
    mission_slug: outcome.mission.missionSlug,
    pull_request: outcome.pull,
    chosen_issue_id: outcome.ticket.external_issue_id
  }
  await context.conversation.updateComment(
    listComment.id,
    renderConsumedCandidateComment({
      state: consumed,
      marker: encodeStateMarker(consumed, context.stateKey),
      scopeLabel: scopeLabel(listComment.state)
    })
  )
}

/** Stands in for the SaaS's answer in a dry run, where nothing is bound. */
const NOT_BOUND = '(assigned by the SaaS at the bind)'

/**
 * A dry run's mission start: plans the same files as startMissionFromTicket, then walks its order
 * of writes through the recording ports (claim, bind, commit, PR, replies, event) so the job
 * summary shows each write. The bind is recorded with its request body and never sent.
 */
async function rehearseMissionStart(
  log: DryRunLog,
  input: StartMissionInput,
  ports: StartMissionPorts
): Promise<MissionFromTicketResult> {
  const files = await planMission(input, ports.workspace)
  await ports.workspace.claimBranch(files.branch)
  log.record(
    `Bind ${escapeInline(input.candidate.external_issue_key, 64)} as the origin of mission ` +
      `${escapeCodeSpan(input.missionId)} at the Spec Kitty SaaS`,
    {
      text: `${JSON.stringify(
        bindRequestBody(
          input.binding,
          { repo: input.repo, missionId: input.missionId, missionSlug: files.missionSlug },
          input.candidate
        ),
        null,
        2
      )}\n`,
      language: 'json'
    }
  )
  await ports.workspace.commitFiles(
    files.branch,
    files.files,
    `${files.commitMessage}\nOrigin link: ${NOT_BOUND}\n`
  )
  const mission: MissionFromTicketResult = {
    missionId: input.missionId,
    missionDir: files.missionDir,
    missionSlug: files.dirName,
    branch: files.branch,
    commitSha: null,
    originTicket: originTicketOf(input),
    originLinkId: NOT_BOUND,
    boundAt: NOT_BOUND,
    alreadyBound: false,
    eventEmitted: false
  }
  mission.pullRequest = await ports.publish(mission)
  await ports.emitEvent(mission, input.binding.project)
  return mission
}
