import { escapeCodeSpan, escapeInline, markdownLink, safeUrl } from './chatops/escape.js'
import { messageMarkdown } from './chatops/message.js'
import { providerName } from './origin/models.js'
import type { RunReport } from './report.js'

/** Where the run happened, for links: the repository's web address, e.g. `https://github.com/acme/web`. */
export interface SummaryLinks {
  repositoryUrl?: string | undefined
}

const HEADLINES: Record<RunReport['state'], string> = {
  'candidates-posted': 'Candidates posted',
  'mission-created': 'Mission created',
  'mission-exists': 'Mission already exists',
  cancelled: 'Candidate list cancelled',
  help: 'Help posted',
  ignored: 'Nothing to do',
  denied: 'Permission denied',
  refused: 'Request refused',
  failed: 'Failed',
  verified: 'Mission provenance verified',
  'verify-failed': 'Mission provenance check failed'
}

/** `#42`, linked to the issue when the repository's address is known. */
function issueLink(issueNumber: number, links: SummaryLinks): string {
  const repository = links.repositoryUrl === undefined ? null : safeUrl(links.repositoryUrl)
  return repository === null
    ? `#${issueNumber}`
    : `[#${issueNumber}](${repository.replace(/\/$/, '')}/issues/${issueNumber})`
}

/** The run's facts as list items: what was asked, and what was created where. */
function facts(report: RunReport, links: SummaryLinks): string[] {
  const items: string[] = []
  if (report.query !== undefined) items.push(`Query: ${escapeInline(report.query, 300)}`)
  if (report.issueNumber !== undefined) items.push(`Issue: ${issueLink(report.issueNumber, links)}`)
  if (report.mission !== undefined) {
    items.push(
      `Mission: ${escapeCodeSpan(report.mission.slug)} (id ${escapeCodeSpan(report.mission.id)})`,
      `Directory: ${escapeCodeSpan(report.mission.dir)}`,
      `Branch: ${escapeCodeSpan(report.mission.branch)}`
    )
  }
  const origin = report.originTicket
  if (origin !== undefined) {
    const link =
      origin.origin_link_id === undefined
        ? ''
        : `, origin link ${escapeCodeSpan(origin.origin_link_id)}`
    items.push(
      `Origin: ${markdownLink(origin.external_issue_key, origin.external_issue_url, 64)} ` +
        `(${providerName(origin.provider)}${link})`
    )
  }
  if (report.pullRequest !== undefined) {
    const href = safeUrl(report.pullRequest.url)
    const label = `#${report.pullRequest.number}`
    items.push(`Pull request: ${href === null ? label : `[${label}](${href})`}`)
  }
  return items
}

function candidatesTable(candidates: NonNullable<RunReport['candidates']>): string {
  if (candidates.length === 0) return 'No candidates matched.'
  return [
    '| # | ticket | title | status |',
    '|--:|---|---|---|',
    ...candidates.map(
      (candidate, index) =>
        `| ${index + 1} | ${markdownLink(candidate.external_issue_key, candidate.url, 64)} | ` +
        `${escapeInline(candidate.title, 120)} | ${escapeInline(candidate.status, 40)} |`
    )
  ].join('\n')
}

/**
 * The job summary of a run: what was asked, what was found or created, and links. Sentences keep
 * their code spans; everything from outside is escaped.
 */
export function summaryMarkdown(report: RunReport, links: SummaryLinks = {}): string {
  const sections = [
    `## kitty-origin: ${HEADLINES[report.state]}${report.dryRun ? ' (dry run)' : ''}`
  ]
  if (report.reason !== undefined) sections.push(messageMarkdown(report.reason, 500))
  if (report.error !== undefined)
    sections.push(`**${report.error.code}**: ${messageMarkdown(report.error.message, 1000)}`)
  const items = facts(report, links)
  // One tight list: items in separate paragraphs would render as a loose list with gaps.
  if (items.length > 0) sections.push(items.map(item => `- ${item}`).join('\n'))
  if (report.candidates !== undefined) sections.push(candidatesTable(report.candidates))
  if (report.warnings !== undefined) {
    sections.push(report.warnings.map(warning => `- ⚠️ ${escapeInline(warning, 1000)}`).join('\n'))
  }
  if (report.details !== undefined) sections.push(report.details)
  if (report.notes !== undefined && report.notes.length > 0) {
    sections.push(
      ['**Notes**', ...report.notes.map(note => `- ${escapeInline(note, 600)}`)].join('\n')
    )
  }
  return `${sections.join('\n\n')}\n`
}
