import { escapeInline, markdownLink, safeUrl } from './chatops/escape.js'
import type { RunReport } from './report.js'

const HEADLINES: Record<RunReport['state'], string> = {
  'candidates-posted': 'Candidates posted',
  'mission-created': 'Mission created',
  'mission-exists': 'Mission already exists',
  cancelled: 'Candidate list cancelled',
  help: 'Help posted',
  ignored: 'Nothing to do',
  denied: 'Permission denied',
  failed: 'Failed',
  verified: 'Mission provenance verified',
  'verify-failed': 'Mission provenance check failed'
}

/** The job summary of a run: what was asked, what was found or created, and links. */
export function summaryMarkdown(report: RunReport): string {
  const lines = [`## kitty-origin: ${HEADLINES[report.state]}${report.dryRun ? ' (dry run)' : ''}`]
  if (report.reason !== undefined) lines.push(escapeInline(report.reason, 500))
  if (report.error !== undefined)
    lines.push(`**${report.error.code}**: ${escapeInline(report.error.message, 1000)}`)
  if (report.query !== undefined) lines.push(`Query: ${escapeInline(report.query, 300)}`)
  if (report.issueNumber !== undefined) lines.push(`Issue: #${report.issueNumber}`)
  if (report.candidates !== undefined) {
    lines.push(
      report.candidates.length === 0
        ? 'No candidates matched.'
        : [
            '| # | ticket | title | status | match |',
            '|--:|---|---|---|---|',
            ...report.candidates.map(
              (candidate, index) =>
                `| ${index + 1} | ${markdownLink(candidate.external_issue_key, candidate.url, 64)} | ` +
                `${escapeInline(candidate.title, 120)} | ${escapeInline(candidate.status, 40)} | ${candidate.match_type} |`
            )
          ].join('\n')
    )
  }
  if (report.mission !== undefined) {
    lines.push(
      [
        `- Mission: \`${report.mission.slug}\` (\`${report.mission.id}\`)`,
        `- Directory: \`${report.mission.dir}\``,
        `- Branch: \`${report.mission.branch}\``
      ].join('\n')
    )
  }
  if (report.originTicket !== undefined) {
    lines.push(
      `- Origin: ${markdownLink(report.originTicket.external_issue_key, report.originTicket.external_issue_url, 64)} ` +
        `(${report.originTicket.provider}${report.originTicket.origin_link_id === undefined ? '' : `, link \`${report.originTicket.origin_link_id}\``})`
    )
  }
  if (report.pullRequest !== undefined) {
    const href = safeUrl(report.pullRequest.url)
    const label = `#${report.pullRequest.number}`
    lines.push(`- Pull request: ${href === null ? label : `[${label}](${href})`}`)
  }
  if (report.details !== undefined) lines.push(report.details)
  return `${lines.join('\n\n')}\n`
}
