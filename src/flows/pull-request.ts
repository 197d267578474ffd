import { capComment, escapeCodeSpan, escapeInline, markdownLink } from '../chatops/escape.js'
import type { MissionFromTicketResult, OriginCandidate } from '../origin/models.js'
import { providerName } from '../origin/search.js'

/** Who asked, who confirmed, and where, for the provenance card. */
export interface Provenance {
  requestedBy: string
  confirmedBy: string
  /** The issue the conversation happened on; absent for a workflow_dispatch without one. */
  sourceIssue?: { number: number } | undefined
  /** The workflow run that starts the mission, named when there is no source issue. */
  runUrl: string
  targetBranch: string
}

/** `Start mission from <KEY>: <title>`, one line, at most 256 characters. */
export function pullRequestTitle(
  candidate: Pick<OriginCandidate, 'external_issue_key' | 'title'>
): string {
  const title = `Start mission from ${candidate.external_issue_key}: ${candidate.title}`
    .replace(/\s+/g, ' ')
    .trim()
  return title.length <= 256 ? title : `${title.slice(0, 255)}…`
}

function row(label: string, value: string): string {
  return `| ${label} | ${value} |`
}

/**
 * The PR body: a provenance card reviewers can trust (every value from the SaaS re-fetch and the
 * bind, escaped), then what the team does next.
 */
export function pullRequestBody(
  mission: MissionFromTicketResult,
  ticket: Pick<OriginCandidate, 'status'>,
  provenance: Provenance
): string {
  const origin = mission.originTicket
  // The ticket is the card's header row: GitHub renders a table without one with an empty bar.
  const card = [
    row('Ticket', markdownLink(origin.external_issue_key, origin.external_issue_url, 64)),
    '|---|---|',
    row('Title', escapeInline(origin.title, 200)),
    row('Status', escapeInline(ticket.status, 60)),
    row('Provider', providerName(origin.provider)),
    row(
      'Resource',
      `${escapeCodeSpan(origin.resource_type)} ${escapeCodeSpan(origin.resource_id)}`
    ),
    row(
      'Mission',
      `${escapeCodeSpan(mission.missionSlug)} (id ${escapeCodeSpan(mission.missionId)})`
    ),
    row('Origin link', escapeCodeSpan(mission.originLinkId)),
    row('Bound at', escapeCodeSpan(mission.boundAt)),
    row('Requested by', `@${escapeInline(provenance.requestedBy, 40)}`),
    row('Confirmed by', `@${escapeInline(provenance.confirmedBy, 40)}`),
    provenance.sourceIssue === undefined
      ? row('Source', markdownLink('workflow_dispatch run', provenance.runUrl))
      : row('Source issue', `#${provenance.sourceIssue.number}`)
  ]
  return capComment(
    [
      `This pull request starts the spec-kitty mission ${escapeCodeSpan(mission.missionSlug)} from ` +
        `${markdownLink(origin.external_issue_key, origin.external_issue_url, 64)}. The ticket is bound ` +
        'as the mission’s origin in the Spec Kitty SaaS, and `meta.json` records it under `origin_ticket`.',
      '### Provenance',
      card.join('\n'),
      '### Next steps',
      [
        `1. Check out \`${mission.branch}\` and run \`/spec-kitty.specify\` to write the spec in ` +
          `\`${mission.missionDir}/spec.md\`.`,
        '2. Continue with `/spec-kitty.plan` and `/spec-kitty.tasks` on the same branch.',
        `3. Merge into \`${provenance.targetBranch}\` when the team agrees on the spec.`
      ].join('\n'),
      '<sub>Opened by kitty-origin. The provenance above was re-read from the tracker at confirmation.</sub>'
    ].join('\n\n')
  )
}
