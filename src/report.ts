import { z } from 'zod'
import type { OutputName } from './action-names.js'
import { RUN_STATES } from './action-names.js'
import { OriginTicket } from './origin/models.js'
import type { OriginCandidate } from './origin/models.js'
import type { PullRequestLink } from './origin/models.js'

/** Version of the `result` output's JSON; bumped on any incompatible change. */
export const RESULT_VERSION = 1

/** The mission a run created or found. */
export interface MissionRef {
  id: string
  slug: string
  dir: string
  branch: string
}

/** The origin as reported: the `origin_ticket` block, plus the SaaS link once bound. */
export type ReportedOrigin = OriginTicket & { origin_link_id?: string; bound_at?: string }

/** What any report may say besides its state. */
interface ReportFields {
  dryRun: boolean
  /** Why nothing happened (ignored, help, mission-exists) or why access was denied (denied). */
  reason?: string
  /** What did not go through: the code and sentence of a refusal (refused) or failure (failed). */
  error?: { code: string; message: string }
  query?: string
  candidates?: OriginCandidate[]
  mission?: MissionRef
  originTicket?: ReportedOrigin
  pullRequest?: PullRequestLink
  issueNumber?: number
  /** What went wrong after the run's work was done (a courtesy reply, a reaction). */
  warnings?: string[]
  /** Extra markdown for the job summary (what would be written in a dry run, links). */
  details?: string
  /** Plain sentences for the job summary: what was left out or not sent, and why. */
  notes?: string[]
}

/**
 * How one run ended: everything the outputs and the job summary are made from. Each state
 * carries what it promises, so a mission state without its mission does not compile.
 */
export type RunReport = ReportFields &
  (
    | { state: 'candidates-posted'; query: string; candidates: OriginCandidate[] }
    | { state: 'mission-created' | 'mission-exists'; mission: MissionRef }
    | { state: 'cancelled'; query: string }
    | { state: 'help' }
    | { state: 'ignored' | 'denied'; reason: string }
    | { state: 'refused' | 'failed'; error: { code: string; message: string } }
    | { state: 'verified' }
    | { state: 'verify-failed'; error: { code: string; message: string } }
  )

const Candidate = z.strictObject({
  external_issue_id: z.string(),
  external_issue_key: z.string(),
  title: z.string(),
  status: z.string(),
  url: z.string(),
  match_type: z.enum(['exact', 'text'])
})

/**
 * The `result` output's documented contract (README "Outputs", action.yml): one JSON object,
 * `version` first; keys a run has nothing for are left out.
 */
export const ResultDocument = z.strictObject({
  version: z.literal(RESULT_VERSION),
  state: z.enum(RUN_STATES),
  dry_run: z.boolean(),
  reason: z.string().optional(),
  error: z.strictObject({ code: z.string(), message: z.string() }).optional(),
  query: z.string().optional(),
  issue_number: z.number().int().positive().optional(),
  candidates: z.array(Candidate).optional(),
  mission: z
    .strictObject({ id: z.string(), slug: z.string(), dir: z.string(), branch: z.string() })
    .optional(),
  origin_ticket: OriginTicket.extend({
    origin_link_id: z.string().optional(),
    bound_at: z.string().optional()
  }).optional(),
  pull_request: z.strictObject({ number: z.number().int(), url: z.string() }).optional(),
  warnings: z.array(z.string()).optional()
})
/** The `result` output, parsed. */
export type ResultDocument = z.infer<typeof ResultDocument>

function withoutBody(candidate: OriginCandidate): Omit<OriginCandidate, 'body'> {
  const { body: _body, ...rest } = candidate
  return rest
}

/** The `result` output: a versioned JSON document of the run (see ResultDocument). */
export function resultJson(report: RunReport): string {
  const document: ResultDocument = {
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
    pull_request: report.pullRequest,
    warnings: report.warnings
  }
  return JSON.stringify(document)
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
