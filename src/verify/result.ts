import type { MissionMeta } from '../mission/index.js'
import type { ChangedMission } from './changes.js'
import type { Problem } from './problem.js'

/** How the SaaS re-check of a mission's origin ticket went. */
export type SaasCheck =
  | { kind: 'confirmed'; status: string }
  /** No SaaS inputs: the ticket was not re-checked. */
  | { kind: 'not-configured' }
  /** Nothing to re-check (no valid origin_ticket), or the ticket was refused (see problems). */
  | { kind: 'not-checked' }

/** Everything verification found about one mission directory. */
export interface MissionResult {
  mission: ChangedMission
  /** `kitty-specs/<name>/meta.json`. */
  metaPath: string
  /** The file annotations point at: meta.json, or the first changed file when it is missing. */
  annotatedPath: string
  /** False when meta.json has no origin_ticket. */
  hasOrigin: boolean
  /** A mission from before spec-kitty's mission ids on the base and the head: not checked. */
  legacy: boolean
  meta: MissionMeta | null
  problems: Problem[]
  saas: SaasCheck
}

/** A mission's verdict: removed by the PR, legacy or without origin (not checked), failed, or verified. */
export type MissionStatus = 'removed' | 'legacy' | 'no-origin' | 'failed' | 'verified'

/** The verdict of one mission; a missing origin is a problem only when the caller made it one. */
export function statusOf(result: MissionResult): MissionStatus {
  if (result.mission.removed) return 'removed'
  if (result.problems.length > 0) return 'failed'
  if (result.hasOrigin) return 'verified'
  return result.legacy ? 'legacy' : 'no-origin'
}

function count(n: number, one: string, many = `${one}s`): string {
  return `${n} ${n === 1 ? one : many}`
}

const AND = new Intl.ListFormat('en', { style: 'long', type: 'conjunction' })

function listed(dirs: string[]): string {
  const shown = dirs.slice(0, 3).map(dir => `${dir}/`)
  if (dirs.length > 3) shown.push(`${dirs.length - 3} more`)
  return AND.format(shown)
}

/** One sentence naming the missions that failed, for `core.setFailed` and the summary. */
export function failureSentence(pullNumber: number, results: readonly MissionResult[]): string {
  const failed = results.filter(result => statusOf(result) === 'failed')
  const dirs = failed.map(result => result.mission.dir)
  return `Pull request #${pullNumber} has ${count(failed.length, 'mission')} whose provenance failed verification (${listed(dirs)}); see this run's annotations.`
}

/** One sentence on a pull request whose missions all passed. */
export function successSentence(pullNumber: number, results: readonly MissionResult[]): string {
  const of = (status: MissionStatus): number =>
    results.filter(result => statusOf(result) === status).length
  if (results.length === 0)
    return `Pull request #${pullNumber} changes no mission under kitty-specs/.`
  const parts = [`${count(of('verified'), 'mission')} verified`]
  if (of('no-origin') > 0) parts.push(`${count(of('no-origin'), 'mission')} without origin_ticket`)
  if (of('legacy') > 0) parts.push(`${count(of('legacy'), 'legacy mission')} without mission_id`)
  if (of('removed') > 0)
    parts.push(`${count(of('removed'), 'mission directory', 'mission directories')} removed`)
  return `Pull request #${pullNumber}: ${parts.join(', ')}.`
}
