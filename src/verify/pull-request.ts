import { resolveTrackerBinding, TRACKER_CONFIG_PATH } from '../origin/binding.js'
import type { BindingOverrides } from '../origin/binding.js'
import type { TrackerBinding } from '../origin/models.js'
import type { RunReport } from '../report.js'
import { changedMissions } from './changes.js'
import type { ChangedMission } from './changes.js'
import { checkMeta } from './check.js'
import type { VerifyPorts } from './ports.js'
import { annotationsOf, summaryCards } from './render.js'
import { failureSentence, statusOf, successSentence } from './result.js'
import type { MissionResult } from './result.js'
import { recheckTicket } from './ticket.js'

/** Which pull request to verify, and how strictly. */
export interface VerifyRequest {
  pullNumber: number
  /** The commit whose meta.json files are checked. */
  headSha: string
  /** The pull request's branch, which no mission may name as its coordination branch. */
  headRef: string
  /** The branch the tracker binding (`.kittify/config.yaml`) is read from. */
  baseRef: string
  /** A mission without origin_ticket fails instead of being reported. */
  requireOrigin: boolean
  overrides: BindingOverrides
  dryRun: boolean
}

/** What meta.json says, before the SaaS is asked. */
async function checkLocally(
  mission: ChangedMission,
  request: VerifyRequest,
  ports: VerifyPorts
): Promise<{ result: MissionResult; text: string | null }> {
  const metaPath = `${mission.dir}/meta.json`
  const base = {
    mission,
    metaPath,
    annotatedPath: metaPath,
    hasOrigin: false,
    meta: null,
    problems: [],
    saas: { kind: 'not-checked' }
  } satisfies MissionResult
  const [firstPath] = mission.paths
  if (firstPath === undefined) return { result: base, text: null }
  const text = await ports.readFile(metaPath, request.headSha)
  if (text === null) {
    const message = `${mission.dir}/ has no meta.json at the pull request's head, so it is not a mission spec-kitty can read.`
    return {
      result: {
        ...base,
        annotatedPath: firstPath,
        hasOrigin: true,
        problems: [{ message, line: 1 }]
      },
      text
    }
  }
  const check = checkMeta(mission.name, text, request.headRef)
  const problems =
    !check.hasOrigin && request.requireOrigin
      ? [{ message: 'meta.json has no origin_ticket, and this workflow requires one.', line: 1 }]
      : check.problems
  return { result: { ...base, hasOrigin: check.hasOrigin, meta: check.meta, problems }, text }
}

/**
 * Verifies the provenance of every mission directory a pull request adds or changes: meta.json
 * at the head commit must be canonical and valid with a complete origin_ticket, and, when the
 * SaaS is configured, the ticket must still exist there with the same id and key. Findings
 * become annotations and a summary card per mission; `verify-failed` when any mission failed.
 * SaaS or GitHub failures that say nothing about the pull request are thrown.
 */
export async function verifyPullRequest(
  request: VerifyRequest,
  ports: VerifyPorts
): Promise<RunReport> {
  const changed = await ports.listChangedFiles(request.pullNumber)
  if (!changed.complete) {
    ports.log.warning(
      `Pull request #${request.pullNumber} changes more files than GitHub lists (${changed.files.length}); missions changed beyond them are not verified.`
    )
  }
  const missions = changedMissions(changed.files)
  const results: MissionResult[] = []
  let binding: TrackerBinding | undefined
  for (const mission of missions) {
    const { result, text } = await checkLocally(mission, request, ports)
    const origin = result.meta?.origin_ticket
    if (ports.saas === undefined) {
      if (origin !== undefined) result.saas = { kind: 'not-configured' }
    } else if (origin !== undefined && text !== null) {
      binding ??= resolveTrackerBinding(
        await ports.readFile(TRACKER_CONFIG_PATH, request.baseRef),
        request.overrides
      )
      const ticket = await recheckTicket(origin, text, binding, ports.saas)
      if (ticket.confirmed) result.saas = { kind: 'confirmed', status: ticket.status }
      else result.problems.push(ticket.problem)
    }
    ports.log.info(`${mission.dir}/: ${statusOf(result)}`)
    results.push(result)
  }
  for (const annotation of annotationsOf(results)) {
    ports.annotations[annotation.level](annotation.message, annotation.properties)
  }
  const failed = results.some(result => statusOf(result) === 'failed')
  const details = summaryCards(request.pullNumber, results)
  if (failed) {
    const message = failureSentence(request.pullNumber, results)
    return {
      state: 'verify-failed',
      dryRun: request.dryRun,
      error: { code: 'mission-invalid', message },
      details
    }
  }
  return {
    state: 'verified',
    dryRun: request.dryRun,
    reason: successSentence(request.pullNumber, results),
    details
  }
}
