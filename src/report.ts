import type { OutputName, RunState } from './action-names.js'
import type { OriginCandidate, OriginTicket } from './origin/models.js'

/** Version of the `result` output's JSON; bumped on any incompatible change. */
export const RESULT_VERSION = 1

/** How one run ended: everything the outputs and the job summary are made from. */
export interface RunReport {
  state: RunState
  dryRun: boolean
  /** Why nothing happened (ignored, help, mission-exists) or why access was denied (denied). */
  reason?: string
  /** What did not go through: the code and sentence of a refusal (refused) or failure (failed). */
  error?: { code: string; message: string }
  query?: string
  candidates?: OriginCandidate[]
  mission?: { id: string; slug: string; dir: string; branch: string }
  originTicket?: OriginTicket & { origin_link_id?: string; bound_at?: string }
  pullRequest?: { number: number; url: string }
  issueNumber?: number
  /** Extra markdown for the job summary (what would be written in a dry run, links). */
  details?: string
  /** Plain sentences for the job summary: what was left out or not sent, and why. */
  notes?: string[]
}

/** The `result` output: a versioned JSON document of the run. */
export function resultJson(report: RunReport): string {
  return JSON.stringify({
    version: RESULT_VERSION,
    state: report.state,
    dry_run: report.dryRun,
    reason: report.reason,
    error: report.error,
    query: report.query,
    issue_number: report.issueNumber,
    candidates: report.candidates?.map(withoutBody),
    mission: report.mission,
    origin_ticket: report.originTicket,
    pull_request: report.pullRequest
  })
}

function withoutBody(candidate: OriginCandidate): Omit<OriginCandidate, 'body'> {
  const { body: _body, ...rest } = candidate
  return rest
}

/** Every output, as the strings the runner stores; outputs a run has nothing for are empty. */
export function outputsOf(report: RunReport): Record<OutputName, string> {
  return {
    result: resultJson(report),
    state: report.state,
    'mission-slug': report.mission?.slug ?? '',
    'mission-dir': report.mission?.dir ?? '',
    branch: report.mission?.branch ?? '',
    'pull-request-number':
      report.pullRequest === undefined ? '' : String(report.pullRequest.number),
    'pull-request-url': report.pullRequest?.url ?? '',
    'origin-ticket': report.originTicket === undefined ? '' : JSON.stringify(report.originTicket),
    candidates: JSON.stringify((report.candidates ?? []).map(withoutBody))
  }
}
