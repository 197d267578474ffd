import { KittyError } from '../errors.js'
import { oneLine } from '../text/one-line.js'
import {
  buildMissionFiles,
  missionNames,
  slugFromTicket,
  specTemplatePaths
} from '../mission/index.js'
import type { MissionFileSet } from '../mission/index.js'
import { bindMissionOrigin, originTicketOf } from './bind.js'
import type { MissionFromTicketResult, OriginCandidate, TrackerBinding } from './models.js'
import type { SaasPort } from './ports.js'

/** The repository as the service layer sees it: reads on the base branch, writes on the mission branch. */
export interface MissionWorkspace {
  /** A file's text on the base branch, or null when it does not exist. */
  readFile(path: string): Promise<string | null>
  /** Creates the branch at the base head in one atomic step; `exists` when it is already there. */
  claimBranch(branch: string): Promise<'created' | 'exists'>
  /**
   * The mission already committed on the branch in `kitty-specs/<dir>/` (found by reading its
   * meta.json, never by listing `kitty-specs/`): its directory and id, or null.
   */
  findCommittedMission(
    branch: string,
    dir: string
  ): Promise<{ dir: string; missionId: string | undefined } | null>
  /** Deletes a claimed branch that holds no mission. */
  releaseBranch(branch: string): Promise<void>
  /** Commits the files on top of the branch head without ever force-moving it; returns the SHA. */
  commitFiles(branch: string, files: MissionFileSet['files'], message: string): Promise<string>
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
}

/** What publish is told about the mission branch. */
export interface PublishHints {
  /** True when this run created the branch, so no pull request can exist for it yet. */
  branchCreated: boolean
}

/** The outside world of a mission start; `publish` opens the PR, `emitEvent` reports the bind. */
export interface StartMissionPorts {
  saas: Pick<SaasPort, 'bindMissionOrigin'>
  workspace: MissionWorkspace
  publish(
    mission: MissionFromTicketResult,
    hints?: PublishHints
  ): Promise<{ number: number; url: string }>
  emitEvent(mission: MissionFromTicketResult, project: TrackerBinding['project']): Promise<boolean>
}

/** A started mission, and whether this run wrote its files or found them already committed. */
export interface StartMissionOutcome {
  mission: MissionFromTicketResult
  files: MissionFileSet
  committedNow: boolean
}

/** Reads what the file set depends on and builds it, without writing anything (also the dry run). */
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
  const texts = await Promise.all(
    specTemplatePaths(missionType).map(path => workspace.readFile(path))
  )
  return texts.find(text => text !== null) ?? null
}

/** The mission branch, named from the ticket and the id alone, so it is known before any read. */
function missionBranch(input: StartMissionInput): string {
  return missionNames({
    ticketSlug: slugFromTicket(input.candidate.external_issue_key, input.candidate.title),
    missionId: input.missionId
  }).branch
}

/**
 * Plans the file set and claims the branch at once: the claim needs no read, so it goes out with
 * the plan's reads. A claim made for a plan that failed is released again.
 */
async function planAndClaim(
  input: StartMissionInput,
  workspace: MissionWorkspace
): Promise<{ files: MissionFileSet; claim: 'created' | 'exists' }> {
  const branch = missionBranch(input)
  const [planned, claimed] = await Promise.allSettled([
    planMission(input, workspace),
    workspace.claimBranch(branch)
  ])
  if (planned.status === 'rejected') {
    if (claimed.status === 'fulfilled' && claimed.value === 'created') {
      await workspace.releaseBranch(branch)
    }
    throw planned.reason
  }
  if (claimed.status === 'rejected') throw claimed.reason
  return { files: planned.value, claim: claimed.value }
}

/**
 * Starts a mission from a confirmed ticket. The order of writes is the contract's, enforced here:
 * claim the branch (atomic, so a racing confirm loses cleanly) → bind at the SaaS (authoritative;
 * on failure the claimed branch is released and nothing local remains) → commit the mission files
 * → then, together, publish the PR and emit the event: the event is telemetry that follows the
 * authoritative writes, so it need not wait for the PR. A re-run resumes: the branch and the
 * same-origin bind are found again, files already committed are not committed twice.
 */
export async function startMissionFromTicket(
  input: StartMissionInput,
  ports: StartMissionPorts
): Promise<StartMissionOutcome> {
  const { workspace } = ports
  const { files, claim } = await planAndClaim(input, workspace)
  let committedDir =
    claim === 'exists' ? await committedMission(workspace, files, input.missionId) : null

  let bound
  try {
    bound = await bindMissionOrigin({ ...input, missionSlug: files.missionSlug }, ports.saas)
  } catch (error) {
    if (committedDir === null) await workspace.releaseBranch(files.branch)
    throw error
  }

  let commitSha: string | null = null
  if (committedDir === null) {
    const message = commitMessage(files, bound.originLinkId)
    ;({ dir: committedDir, commitSha } = await commitOnce(
      workspace,
      files,
      input.missionId,
      message
    ))
  }

  const mission: MissionFromTicketResult = {
    missionId: input.missionId,
    missionDir: `kitty-specs/${committedDir}`,
    missionSlug: committedDir,
    branch: files.branch,
    commitSha,
    originTicket: bound.originTicket,
    originLinkId: bound.originLinkId,
    boundAt: bound.boundAt,
    alreadyBound: bound.alreadyBound,
    eventEmitted: false
  }
  const [pullRequest, eventEmitted] = await Promise.all([
    ports.publish({ ...mission }, { branchCreated: claim === 'created' }),
    ports.emitEvent({ ...mission }, input.binding.project)
  ])
  mission.pullRequest = pullRequest
  mission.eventEmitted = eventEmitted
  return { mission, files, committedNow: commitSha !== null }
}

/** Commits the files; when a racing run committed first, its mission is taken instead. */
async function commitOnce(
  workspace: MissionWorkspace,
  files: MissionFileSet,
  missionId: string,
  message: string
): Promise<{ dir: string; commitSha: string | null }> {
  try {
    return {
      dir: files.dirName,
      commitSha: await workspace.commitFiles(files.branch, files.files, message)
    }
  } catch (error) {
    const raced = await committedMission(workspace, files, missionId)
    if (raced !== null) return { dir: raced, commitSha: null }
    throw error
  }
}

/**
 * This mission's directory when its files are already on the branch. mid8 names resolve to about
 * a second, so two lists for one ticket made within a second name the same branch: a branch that
 * holds another mission is refused, never written over.
 */
async function committedMission(
  workspace: Pick<MissionWorkspace, 'findCommittedMission'>,
  files: Pick<MissionFileSet, 'branch' | 'dirName'>,
  missionId: string
): Promise<string | null> {
  const { branch } = files
  const found = await workspace.findCommittedMission(branch, files.dirName)
  if (found === null || found.missionId === missionId) return found?.dir ?? null
  throw new KittyError(
    'mission-exists',
    `The branch ${branch} already holds another mission (${found.dir}); run start-from again for a new one.`
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
