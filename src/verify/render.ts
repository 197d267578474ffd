import { escapeCodeSpan, escapeInline, markdownLink } from '../chatops/escape.js'
import type { MissionMeta } from '../mission/index.js'
import { providerName } from '../origin/models.js'
import type { AnnotationProperties } from './ports.js'
import { statusOf } from './result.js'
import type { MissionResult, MissionStatus, SaasCheck } from './result.js'

/** The title every verification annotation carries. */
export const ANNOTATION_TITLE = 'kitty-origin: mission provenance'

/** One file annotation of the run. */
export interface Annotation {
  level: 'error' | 'notice'
  message: string
  properties: AnnotationProperties
}

/**
 * The run's annotations: an error per problem of a failed mission, on its line of the file, and
 * a notice on the meta.json of each mission without origin_ticket (when that is allowed) or from
 * before spec-kitty's mission ids.
 */
export function annotationsOf(results: readonly MissionResult[]): Annotation[] {
  return results.flatMap((result): Annotation[] => {
    const status = statusOf(result)
    if (status === 'failed') {
      return result.problems.map(problem => ({
        level: 'error',
        message: `${result.mission.dir}/: ${problem.message}`,
        properties: {
          title: ANNOTATION_TITLE,
          file: problem.file ?? result.annotatedPath,
          startLine: problem.line
        }
      }))
    }
    const notice = NOTICES[status]
    if (notice === undefined) return []
    return [
      {
        level: 'notice',
        message: `${result.mission.dir}/ ${notice}`,
        properties: { title: ANNOTATION_TITLE, file: result.metaPath, startLine: 1 }
      }
    ]
  })
}

/** What the notice on a mission that is not checked says after its directory. */
const NOTICES: Partial<Record<MissionStatus, string>> = {
  'no-origin':
    'has no origin_ticket in meta.json, so its provenance is not checked; set require-origin: true to require one.',
  legacy:
    "predates spec-kitty's mission ids (the base branch holds it without a mission_id too), so it is not checked; `spec-kitty migrate backfill-identity` gives it one."
}

const HEADINGS: Record<MissionStatus, string> = {
  verified: '✅ Verified',
  failed: '❌ Failed',
  'no-origin': '➖ No origin ticket',
  legacy: '➖ Legacy mission',
  removed: '🗑️ Removed'
}

function saasLine(check: SaasCheck): string[] {
  if (check.kind === 'confirmed') {
    return [
      `- Spec Kitty SaaS: the ticket still exists with the same id and key (status ${escapeInline(check.status, 40)})`
    ]
  }
  if (check.kind === 'not-configured') {
    return ['- Spec Kitty SaaS: not re-checked (saas-url and saas-token are not set)']
  }
  return []
}

function ticketLines(meta: MissionMeta): string[] {
  const origin = meta.origin_ticket
  return [
    `- Ticket: ${markdownLink(origin.external_issue_key, origin.external_issue_url, 64)}: ${escapeInline(origin.title, 120)}`,
    `- Provider: ${providerName(origin.provider)}, ${escapeInline(origin.resource_type, 40)} ${escapeCodeSpan(origin.resource_id, 80)}`,
    `- Mission: ${escapeCodeSpan(meta.mission_slug, 80)}, id ${escapeCodeSpan(meta.mission_id, 40)}`
  ]
}

function card(result: MissionResult): string {
  const status = statusOf(result)
  const lines = [`#### ${HEADINGS[status]}: ${escapeCodeSpan(result.mission.dir, 120)}`, '']
  if (status === 'removed') lines.push('- The pull request removes this mission directory.')
  if (status === 'no-origin')
    lines.push('- meta.json has no origin_ticket; provenance not checked.')
  if (status === 'legacy')
    lines.push(
      '- meta.json has no mission_id, on the base branch either (spec-kitty before 3.1.1); not checked.'
    )
  if (status === 'failed') {
    for (const problem of result.problems) {
      lines.push(`- Line ${problem.line}: ${escapeInline(problem.message, 500)}`)
    }
  }
  if (result.meta !== null) lines.push(...ticketLines(result.meta), ...saasLine(result.saas))
  return lines.join('\n')
}

/** The job summary part of a verification: a card per mission directory the PR touches. */
export function summaryCards(pullNumber: number, results: readonly MissionResult[]): string {
  return [`### Mission provenance of #${pullNumber}`, ...results.map(card)].join('\n\n')
}
