import { resolveTrackerBinding, TRACKER_CONFIG_PATH } from '../origin/binding.js'
import type { BindingOverrides } from '../origin/binding.js'
import type { TrackerBinding } from '../origin/models.js'
import type { RunReport } from '../report.js'
import { baseReader, compareWithBase } from './base.js'
import type { BaseReader, HeadIdentity } from './base.js'
import { changedMissions, changedTopEntries, MISSIONS_ROOT } from './changes.js'
import type { ChangedFile, ChangedMission } from './changes.js'
import { checkMeta } from './check.js'
import { checkMissionPaths, missionsAt } from './paths.js'
import type { MissionsView } from './paths.js'
import type { VerifyPorts } from './ports.js'
import { annotationsOf, summaryCards } from './render.js'
import { failureSentence, statusOf, successSentence } from './result.js'
import type { MissionResult } from './result.js'
import { recheckTicket } from './ticket.js'
import { settleAll } from '../settle-all.js'

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

/** The missions a pull request touches, with what stands directly in `kitty-specs/` in their place. */
function touchedMissions(files: readonly ChangedFile[]): ChangedMission[] {
  const missions = new Map(changedMissions(files).map(mission => [mission.name, mission]))
  for (const name of changedTopEntries(files)) {
    const dir = `${MISSIONS_ROOT}/${name}`
    const known = missions.get(name)
    missions.set(name, {
      dir,
      name,
      paths: [...(known?.paths ?? []), dir].sort(),
      removed: false
    })
  }
  if (files.some(file => file.path === MISSIONS_ROOT && file.status !== 'removed')) {
    // kitty-specs itself changed kind (e.g. became a symlink): it stands for every mission.
    missions.set('', { dir: MISSIONS_ROOT, name: '', paths: [MISSIONS_ROOT], removed: false })
  }
  return [...missions.values()].sort((a, b) => (a.dir < b.dir ? -1 : 1))
}

/** The view of a commit that is never read: the pull request touches no mission. */
const NO_MISSIONS: MissionsView = { kind: null, entries: new Map() }

/** What the head commit says about one mission, before the base and the SaaS are asked. */
interface LocalCheck {
  result: MissionResult
  /** meta.json's text, when it was read. */
  text: string | null
  identity?: HeadIdentity
}

/** True when the base branch holds this mission directory from before spec-kitty's mission ids. */
async function legacyOnBase(
  name: string,
  base: MissionsView,
  onBase: BaseReader
): Promise<boolean> {
  if (base.entries.get(name)?.kind !== 'dir') return false
  return (await onBase(name))?.legacy === true
}

/** What the head commit says about one mission; null when the path is no mission at all. */
async function checkLocally(
  mission: ChangedMission,
  request: VerifyRequest,
  ports: VerifyPorts,
  views: { head: MissionsView; base: MissionsView; onBase: BaseReader }
): Promise<LocalCheck | null> {
  const { head } = views
  const metaPath = `${mission.dir}/meta.json`
  const base = {
    mission,
    metaPath,
    annotatedPath: metaPath,
    hasOrigin: false,
    legacy: false,
    meta: null,
    problems: [],
    saas: { kind: 'not-checked' }
  } satisfies MissionResult
  const [firstPath] = mission.paths
  if (firstPath === undefined) return { result: base, text: null }
  const paths = await checkMissionPaths(ports, head, mission.name)
  if (paths.kind === 'not-a-mission' || (mission.name === '' && paths.kind !== 'refused')) {
    return null
  }
  if (paths.kind === 'refused') {
    const annotatedPath = paths.problems[0]?.file ?? firstPath
    return {
      result: { ...base, annotatedPath, hasOrigin: true, problems: paths.problems },
      text: null
    }
  }
  const text = paths.kind === 'no-meta' ? null : await ports.readFile(metaPath, request.headSha)
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
  const check = checkMeta(
    mission.name,
    text,
    request.headRef,
    await legacyOnBase(mission.name, views.base, views.onBase)
  )
  const problems = [...check.problems]
  if (!check.hasOrigin && request.requireOrigin) {
    problems.unshift({
      message: 'meta.json has no origin_ticket, and this workflow requires one.',
      line: 1
    })
  }
  return {
    result: {
      ...base,
      hasOrigin: check.hasOrigin,
      legacy: check.legacy,
      meta: check.meta,
      problems
    },
    text,
    identity: { name: mission.name, missionId: check.missionId, origin: check.origin, text }
  }
}

/**
 * Verifies the provenance of every mission directory a pull request adds or changes: each must
 * be a real directory of files (no symlink or submodule) whose meta.json at the head commit is
 * canonical and valid (with a complete origin_ticket, or none where that is allowed); it keeps
 * the mission_id and origin_ticket the base branch holds for it and takes no other mission's
 * id; and, when the SaaS is configured, the ticket must still exist there with the same id and
 * key. Everything but the SaaS re-check holds without secrets too (pull requests from forks). Findings
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
  const touched = touchedMissions(changed.files)
  const [head, baseView] =
    touched.length === 0
      ? [NO_MISSIONS, NO_MISSIONS]
      : await settleAll([missionsAt(ports, request.headSha), missionsAt(ports, request.baseRef)])
  const onBase = baseReader(ports, request.baseRef)
  const checks: LocalCheck[] = []
  for (const mission of touched) {
    const check = await checkLocally(mission, request, ports, { head, base: baseView, onBase })
    if (check !== null) checks.push(check)
  }
  const identities = checks.flatMap(check => (check.identity === undefined ? [] : [check.identity]))
  const fromBase = await compareWithBase(identities, { base: baseView, head }, onBase)
  const results: MissionResult[] = []
  let binding: TrackerBinding | undefined
  for (const { result, text } of checks) {
    result.problems.push(...(fromBase.get(result.mission.name) ?? []))
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
    ports.log.info(`${result.mission.dir}/: ${statusOf(result)}`)
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
