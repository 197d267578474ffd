import { KittyError } from '../errors.js'
import { oneLine } from '../text/one-line.js'
import { buildMissionFiles, specTemplatePaths } from '../mission/index.js'
import type { MissionFileSet } from '../mission/index.js'
import { bindMissionOrigin, originTicketOf } from './bind.js'
import type { Claim, ClaimedMission } from './claim.js'
import type {
  MissionFromTicketResult,
  OriginCandidate,
  PullRequestLink,
  TrackerBinding
} from './models.js'
import type { SaasPort } from './ports.js'
import { settleAll } from '../settle-all.js'

/** What the branch and the base hold of a mission, read by its names. */
export interface MissionSighting {
  /** The mission id in `meta.json` on the mission branch; null when there is no branch. */
  onBranch: string | null | undefined
  /** The mission id in `meta.json` on the base branch (a merged mission), or null. */
  onBase: string | null
}

/** The repository as the service layer sees it: reads on the base branch, writes that never overwrite. */
export interface MissionWorkspace {
  /** A file's text on the base branch, or null when it does not exist. */
  readFile(path: string): Promise<string | null>
  /** Writes the claim once (atomic); the claim already there when there is one. */
  claim(claim: Claim): Promise<'created' | Claim>
  /** Removes the claim this run wrote. */
  releaseClaim(): Promise<void>
  /** Reads `<dir>/meta.json` on the mission's branch and on the base; no directory listing. */
  findMission(mission: Pick<ClaimedMission, 'branch' | 'dir'>): Promise<MissionSighting>
  /**
   * Writes the files as one commit on the base head, then creates the branch pointing at it, so
   * the branch never exists without its files. The commit's id; null when a racing run
   * created the branch first (this run's commit is then left unreferenced).
   */
  commitMission(
    branch: string,
    files: MissionFileSet['files'],
    message: string
  ): Promise<string | null>
}

/** Everything startMissionFromTicket needs to know about the mission to create. */
export interface StartMissionInput {
  binding: TrackerBinding
  /** The ticket as re-fetched from the SaaS just before the write. */
  candidate: OriginCandidate
  resource: { resource_type: string; resource_id: string }
  missionId: string
  repo: string
  missionType: string
  nowMs: number
  eventIds: [string, string]
  /** Who confirmed: recorded in the claim. */
  confirmedBy: string
}

/** What publish is told about the mission branch. */
export interface PublishHints {
  /** True when this run created the branch, so no pull request can exist for it yet. */
  branchCreated: boolean
  /** True when the mission is merged into the base (its branch may be gone): open nothing. */
  merged: boolean
}

/** The outside world of a mission start; `publish` opens the PR, `emitEvent` reports the bind. */
export interface StartMissionPorts {
  saas: Pick<SaasPort, 'bindMissionOrigin'>
  workspace: MissionWorkspace
  /** Finds or opens the pull request, then the courtesy writes; null when there is none to show. */
  publish(mission: MissionFromTicketResult, hints: PublishHints): Promise<PullRequestLink | null>
  emitEvent(mission: MissionFromTicketResult, project: TrackerBinding['project']): Promise<boolean>
}

/**
 * How a mission start ended: the mission (new, resumed from its branch, or found merged on the
 * base), or `closed` when the claim says the list was cancelled or gave another mission.
 */
export type StartMissionOutcome =
  | {
      kind: 'started'
      mission: MissionFromTicketResult
      files: MissionFileSet
      /** True when this run wrote the mission commit and created its branch. */
      committedNow: boolean
    }
  | { kind: 'closed'; claim: Claim }

/** Reads what the file set depends on and builds it, without writing anything. */
export async function planMission(
  input: StartMissionInput,
  workspace: Pick<MissionWorkspace, 'readFile'>
): Promise<MissionFileSet> {
  const specTemplate = await readFirstTemplate(workspace, input.missionType)
  return buildMissionFiles({
    missionId: input.missionId,
    ticket: input.candidate,
    originTicket: originTicketOf(input),
    missionType: input.missionType,
    nowMs: input.nowMs,
    eventIds: input.eventIds,
    project: input.binding.project,
    specTemplate
  })
}

async function readFirstTemplate(
  workspace: Pick<MissionWorkspace, 'readFile'>,
  missionType: string
): Promise<string | null> {
  const texts = await settleAll(
    specTemplatePaths(missionType).map(path => workspace.readFile(path))
  )
  return texts.find(text => text !== null) ?? null
}

/**
 * Starts a mission from a confirmed ticket. The order of writes, stated and enforced here only
 * (a dry run walks it over recording ports):
 *
 * 1. claim the list (atomic): a list yields one mission, and a cancelled list stays closed
 *    whatever copy of it is confirmed; a claim for another mission ends the start (`closed`);
 * 2. bind at the SaaS, the authoritative write; if it fails, the claim this run wrote is
 *    released and nothing local remains;
 * 3. the mission files in one commit on the base head, then the branch created pointing at it:
 *    creating a ref is atomic, so racing confirms leave exactly one commit and a loser never
 *    writes over the winner;
 * 4. publish (the PR, then the consumed list and the reply) and, alongside, emit the event: the
 *    event is telemetry that follows the authoritative writes.
 *
 * A re-run resumes: the claim and the same-origin bind are found again, files already on the
 * branch are not written twice, and a mission already merged into the base is the answer (its
 * branch is never created again).
 */
export async function startMissionFromTicket(
  input: StartMissionInput,
  ports: StartMissionPorts
): Promise<StartMissionOutcome> {
  const { workspace } = ports
  const files = await planMission(input, workspace)
  const claimed: ClaimedMission = {
    id: input.missionId,
    slug: files.missionSlug,
    branch: files.branch,
    dir: files.missionDir,
    external_issue_id: input.candidate.external_issue_id,
    external_issue_key: input.candidate.external_issue_key
  }
  const [claim, sighting] = await settleAll([
    workspace.claim({ v: 1, status: 'consumed', by: input.confirmedBy, mission: claimed }),
    workspace.findMission(claimed)
  ])
  if (
    claim !== 'created' &&
    (claim.status !== 'consumed' || claim.mission.id !== input.missionId)
  ) {
    return { kind: 'closed', claim }
  }
  const where = whereIs(sighting, claimed)

  let bound
  try {
    bound = await bindMissionOrigin({ ...input, missionSlug: files.missionSlug }, ports.saas)
  } catch (error) {
    if (claim === 'created' && where === null) await workspace.releaseClaim()
    throw error
  }

  let commitSha: string | null = null
  if (where === null) {
    const written = await workspace.commitMission(
      files.branch,
      files.files,
      commitMessage(files, bound.originLinkId)
    )
    if (written === null) whereIs(await workspace.findMission(claimed), claimed, 'branch')
    commitSha = written
  }

  const mission: MissionFromTicketResult = {
    missionId: input.missionId,
    missionDir: files.missionDir,
    missionSlug: files.missionSlug,
    branch: files.branch,
    commitSha,
    originTicket: bound.originTicket,
    originLinkId: bound.originLinkId,
    boundAt: bound.boundAt,
    alreadyBound: bound.alreadyBound,
    eventEmitted: false
  }
  const [pullRequest, eventEmitted] = await settleAll([
    ports.publish({ ...mission }, { branchCreated: commitSha !== null, merged: where === 'base' }),
    ports.emitEvent({ ...mission }, input.binding.project)
  ])
  if (pullRequest !== null) mission.pullRequest = pullRequest
  mission.eventEmitted = eventEmitted
  return { kind: 'started', mission, files, committedNow: commitSha !== null }
}

/**
 * Where the mission already is: on its branch, merged into the base, or nowhere yet. A branch
 * of that name holding anything else is refused, never written over. `expect` demands a place.
 */
function whereIs(
  sighting: MissionSighting,
  mission: ClaimedMission,
  expect?: 'branch'
): 'branch' | 'base' | null {
  if (sighting.onBranch === mission.id) return 'branch'
  if (sighting.onBranch !== null) {
    throw new KittyError(
      'mission-exists',
      `The branch ${mission.branch} already holds something other than mission ${mission.id}; run start-from again for a new one.`
    )
  }
  if (expect === undefined && sighting.onBase === mission.id) return 'base'
  if (expect === undefined) return null
  throw new KittyError(
    'github-error',
    `The branch ${mission.branch} was created and is gone again; re-run the job.`
  )
}

/**
 * The commit message: the mission's, then the SaaS's link id when it gave one. Every line goes
 * through the shared one-line sanitiser, since keys, URLs and the link id came from outside.
 */
export function commitMessage(
  files: Pick<MissionFileSet, 'commitMessage'>,
  originLinkId: string | null
): string {
  const lines = files.commitMessage.split('\n')
  if (originLinkId !== null) lines.push(`Origin link: ${originLinkId}`)
  return `${lines.map(line => oneLine(line)).join('\n')}\n`
}
