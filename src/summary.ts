import { escapeInline, markdownLink, safeUrl } from './chatops/escape.js'
import { messageMarkdown } from './chatops/message.js'
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

/**
 * The job summary of a run: what was asked, what was found or created, and links. Sentences keep
 * their code spans; everything from outside is escaped.
 */
export function summaryMarkdown(report: RunReport, links: SummaryLinks = {}): string {
  const lines = [`## kitty-origin: ${HEADLINES[report.state]}${report.dryRun ? ' (dry run)' : ''}`]
  if (report.reason !== undefined) lines.push(messageMarkdown(report.reason, 500))
  if (report.error !== undefined)
    lines.push(`**${report.error.code}**: ${messageMarkdown(report.error.message, 1000)}`)
  if (report.query !== undefined) lines.push(`Query: ${escapeInline(report.query, 300)}`)
  if (report.issueNumber !== undefined) lines.push(`Issue: ${issueLink(report.issueNumber, links)}`)
  if (report.candidates !== undefined) {
    lines.push(
      report.candidates.length === 0
        ? 'No candidates matched.'
        : [
            '| # | ticket | title | status |',
            '|--:|---|---|---|',
            ...report.candidates.map(
              (candidate, index) =>
                `| ${index + 1} | ${markdownLink(candidate.external_issue_key, candidate.url, 64)} | ` +
                `${escapeInline(candidate.title, 120)} | ${escapeInline(candidate.status, 40)} |`
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
