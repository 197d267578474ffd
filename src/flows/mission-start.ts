import { escapeCodeSpan } from '../chatops/escape.js'
import { asWords, messageMarkdown } from '../chatops/message.js'
import { commandSpan, renderMissionStarted, startAgainCommand } from '../chatops/render.js'
import { missionRandomBits } from '../chatops/state.js'
import type { CandidateState } from '../chatops/state.js'
import { KittyError } from '../errors.js'
import { ulidFromParts } from '../mission/index.js'
import type { Claim } from '../origin/claim.js'
import { parseClaim } from '../origin/claim.js'
import type {
  MissionFromTicketResult,
  OriginCandidate,
  PullRequestLink,
  TrackerBinding
} from '../origin/models.js'
import { startMissionFromTicket } from '../origin/start.js'
import type { StartMissionInput, StartMissionPorts } from '../origin/start.js'
import type { RunReport } from '../report.js'
import type { BotContext } from './context.js'
import { baseBranchOf } from './context.js'
import { listComment } from './list-comment.js'
import type { OpenedPullRequest } from './ports.js'
import { pullRequestBody, pullRequestTitle } from './pull-request.js'
import { courtesy } from './reply.js'
import { repositoryWorkspace } from './workspace.js'
import { settleAll } from '../settle-all.js'

/** What a confirmation chose from: who asked, what, and the identity that names the mission. */
export type ChosenList = Pick<
  CandidateState,
  'requester' | 'query' | 'provider' | 'created_at' | 'nonce'
>

/** A confirmed ticket, fresh from the SaaS, with everything its mission start reads. */
export interface ConfirmedTicket {
  list: ChosenList
  /** The claim that closes the list (or the dispatch run) once it has its mission. */
  claimName: string
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
}

/** The mission id of one confirmation: the list's time and an HMAC of its nonce and the ticket. */
function missionIdFor(
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
 * Starts the mission of a confirmed ticket through the service layer's one order of writes
 * (startMissionFromTicket), then reports it. Publishing opens the PR; marking the list consumed
 * and replying are courtesy: when they fail after the PR exists, the run still reports the
 * mission, with a warning. A dry run is the same walk over recording ports.
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
  const { issueNumber, listComment: posted } = target
  const warnings: string[] = []
  const published = { existed: false }

  const publish: StartMissionPorts['publish'] = async (mission, hints) => {
    if (hints.merged) {
      published.existed = true
      return context.repository.findPullRequest(mission.branch)
    }
    // A branch this run created has no pull request yet: skip the lookup.
    const found = hints.branchCreated
      ? null
      : await context.repository.findPullRequest(mission.branch)
    // Earlier missions from the same ticket share the branch prefix (all but the mid8).
    const others =
      found === null
        ? context.repository.openPullRequestsFrom(mission.branch.slice(0, -8)).catch(() => [])
        : Promise.resolve([])
    const pull: OpenedPullRequest =
      found === null
        ? await context.repository.openPullRequest({
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
          })
        : { ...found, existed: true }
    published.existed = pull.existed
    const otherMissions = (await others).filter(other => other.number !== pull.number)
    const link = { number: pull.number, url: pull.url }
    const courtesies = await settleAll([
      posted === undefined
        ? undefined
        : courtesy(context, 'mark the candidate list consumed', () =>
            markConsumed(context, posted, { mission, pull: link, ticket })
          ),
      issueNumber === undefined
        ? undefined
        : courtesy(context, 'reply on the issue', () =>
            context.conversation.createComment(
              issueNumber,
              renderMissionStarted({
                missionSlug: mission.missionSlug,
                key: ticket.external_issue_key,
                prUrl: pull.url,
                prNumber: pull.number,
                existing: published.existed,
                otherMissions
              })
            )
          )
    ])
    warnings.push(...courtesies.filter(warning => warning !== undefined))
    return link
  }

  const input: StartMissionInput = {
    binding: confirmed.binding,
    candidate: ticket,
    resource: confirmed.resource,
    missionId: missionIdFor(context.stateKey, list, ticket),
    repo: `${source.owner}/${source.repo}`,
    missionType: inputs.missionType,
    nowMs: context.nowMs(),
    eventIds: [context.newUlid(), context.newUlid()],
    confirmedBy: source.actor
  }
  const outcome = await startMissionFromTicket(input, {
    saas: context.saas,
    workspace: repositoryWorkspace(context.repository, baseHead, confirmed.claimName),
    publish,
    emitEvent: (bound, project) => context.emitEvent(bound, project)
  })
  if (outcome.kind === 'closed') {
    return answerClaim(context, outcome.claim, issueNumber, list.query, ticket.external_issue_key)
  }

  const { mission } = outcome
  // A dry run's pull request is not opened: show only one that really exists.
  const showPull = !inputs.dryRun || published.existed
  return {
    state: published.existed ? 'mission-exists' : 'mission-created',
    dryRun: inputs.dryRun,
    ...(issueNumber === undefined ? {} : { issueNumber }),
    query: list.query,
    mission: missionRef(mission),
    originTicket: inputs.dryRun
      ? mission.originTicket
      : {
          ...mission.originTicket,
          ...(mission.originLinkId === null ? {} : { origin_link_id: mission.originLinkId }),
          ...(mission.boundAt === null ? {} : { bound_at: mission.boundAt })
        },
    ...(mission.pullRequest === undefined || !showPull ? {} : { pullRequest: mission.pullRequest }),
    ...(warnings.length === 0 ? {} : { warnings })
  }
}

function missionRef(mission: MissionFromTicketResult): RunReport['mission'] & object {
  return {
    id: mission.missionId,
    slug: mission.missionSlug,
    dir: mission.missionDir,
    branch: mission.branch
  }
}

/** Re-signs the list as consumed, recording the mission, its pull request and the chosen ticket. */
async function markConsumed(
  context: BotContext,
  posted: { id: number; state: CandidateState },
  outcome: { mission: MissionFromTicketResult; pull: PullRequestLink; ticket: OriginCandidate }
): Promise<void> {
  const consumed = {
    ...posted.state,
    status: 'consumed' as const,
    mission_slug: outcome.mission.missionSlug,
    pull_request: outcome.pull,
    chosen_issue_id: outcome.ticket.external_issue_id
  }
  await context.conversation.updateComment(posted.id, listComment(context, consumed))
}

/** What to do to start a mission from the ticket asked for, when the list gave another. */
function anotherTicket(context: BotContext, started: string, wanted: string): string {
  const start = commandSpan(context.inputs.commandPrefix, `start-from ${wanted}`)
  return messageMarkdown(
    `This candidate list started its mission from ${asWords(started)}, and a list starts one ` +
      `mission. To start one from ${asWords(wanted)} too, run ${start}.`,
    1000
  )
}

/** Answers with what a claim's text says (see answerClaim); a closed list without one is refused. */
export async function answerClaimText(
  context: BotContext,
  text: string | null,
  issueNumber: number | undefined,
  query: string,
  asked?: string
): Promise<RunReport> {
  const claim = text === null ? null : parseClaim(text)
  if (claim === null) {
    throw new KittyError(
      'list-consumed',
      `The newest candidate list was already used; search again with ${startAgainCommand(context.inputs.commandPrefix)}.`
    )
  }
  return answerClaim(context, claim, issueNumber, query, asked)
}

/**
 * The answer to a confirm of a list that is closed: refused when it was cancelled; otherwise
 * the list's one mission, whatever row was asked and whoever asks, with its pull request (open
 * or merged) and an "already exists" reply.
 */
export async function answerClaim(
  context: BotContext,
  claim: Claim,
  issueNumber: number | undefined,
  query: string,
  asked?: string
): Promise<RunReport> {
  if (claim.status === 'cancelled') {
    throw new KittyError(
      'list-cancelled',
      `The newest candidate list was cancelled, so there is nothing to confirm; search again with ${startAgainCommand(context.inputs.commandPrefix)}.`
    )
  }
  const { mission } = claim
  const pull = await context.repository.findPullRequest(mission.branch)
  if (pull === null) {
    throw new KittyError(
      'list-consumed',
      `The candidate list was already confirmed for ${asWords(mission.external_issue_key)} ` +
        `(mission ${escapeCodeSpan(mission.slug)}), whose pull request is not open yet; ` +
        're-run the job of that confirm.'
    )
  }
  const warning =
    issueNumber === undefined
      ? undefined
      : await courtesy(context, 'reply on the issue', () =>
          context.conversation.createComment(
            issueNumber,
            [
              renderMissionStarted({
                missionSlug: mission.slug,
                key: mission.external_issue_key,
                prUrl: pull.url,
                prNumber: pull.number,
                existing: true
              }),
              ...(asked === undefined || asked === mission.external_issue_key
                ? []
                : [anotherTicket(context, mission.external_issue_key, asked)])
            ].join('\n\n')
          )
        )
  return {
    state: 'mission-exists',
    dryRun: context.inputs.dryRun,
    ...(issueNumber === undefined ? {} : { issueNumber }),
    query,
    mission: { id: mission.id, slug: mission.slug, dir: mission.dir, branch: mission.branch },
    pullRequest: pull,
    reason: `The candidate list was already confirmed as ${escapeCodeSpan(mission.slug)}.`,
    ...(warning === undefined ? {} : { warnings: [warning] })
  }
}
