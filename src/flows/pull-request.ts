import { capComment, escapeCodeSpan, escapeInline, markdownLink } from '../chatops/escape.js'
import type { MissionFromTicketResult, OriginCandidate } from '../origin/models.js'
import { providerName } from '../origin/models.js'
import { oneLine } from '../text/one-line.js'

/** Who asked, who confirmed, and where, for the provenance card. */
export interface Provenance {
  requestedBy: string
  confirmedBy: string
  /** The issue the conversation happened on; absent for a workflow_dispatch without one. */
  sourceIssue?: { number: number } | undefined
  /** The workflow run that starts the mission, named when there is no source issue. */
  runUrl: string
  /** The branch the pull request merges into. */
  baseBranch: string
}

/** `Start mission from <KEY>: <title>`, one line, at most 256 characters. */
export function pullRequestTitle(
  candidate: Pick<OriginCandidate, 'external_issue_key' | 'title'>
): string {
  return oneLine(`Start mission from ${candidate.external_issue_key}: ${candidate.title}`, 256)
}

/** A value of the SaaS's bind answer, or a plain note when the answer did not carry it. */
function answered(value: string | null): string {
  return value === null ? '_not reported by the Spec Kitty SaaS_' : escapeCodeSpan(value)
}

function row(label: string, value: string): string {
  return `| ${label} | ${value} |`
}

/**
 * How a team works with the mission (docs/mission-shape.md): the pull request's branch is the
 * mission's branch, where spec-kitty plans, implements and merges; the pull request lands it in
 * the base at the end. A team that merged early recreates the branch from the base.
 */
export function howToWork(
  mission: Pick<MissionFromTicketResult, 'branch' | 'missionDir'>,
  baseBranch: string
): string {
  const branch = escapeCodeSpan(mission.branch)
  const base = escapeCodeSpan(baseBranch)
  const recreate = escapeCodeSpan(
    `git fetch --prune && git switch -c ${mission.branch} origin/${baseBranch}`
  )
  return [
    `This pull request's branch ${branch} is the mission's branch (its \`target_branch\` in ` +
      '`meta.json`): spec-kitty plans, implements and merges on it, and this pull request lands ' +
      `the finished mission in ${base}.`,
    '',
    `1. Check out ${branch} and run spec-kitty there: \`/spec-kitty.specify\` writes ` +
      `${escapeCodeSpan(`${mission.missionDir}/spec.md`)}, then \`/spec-kitty.plan\`, ` +
      '`/spec-kitty.tasks`, `/spec-kitty.implement` and `/spec-kitty.review`. Push as you go.',
    `2. \`spec-kitty merge\` lands the finished work packages into ${branch}, not into ${base}.`,
    `3. Merge this pull request into ${base} when the mission is done.`,
    '',
    `Merged it early? Go on from the base with ${recreate}, run spec-kitty there as above, and ` +
      'open a second pull request from that branch.'
  ].join('\n')
}

/**
 * The PR body: a provenance card reviewers can trust (every value from the SaaS re-fetch and the
 * bind, escaped), then how the team works with the mission.
 */
export function pullRequestBody(
  mission: MissionFromTicketResult,
  ticket: Pick<OriginCandidate, 'status'>,
  provenance: Provenance
): string {
  const origin = mission.originTicket
  // The ticket is the card's header row (an empty one renders as a bare bar), aligned left
  // like the rows below it.
  const card = [
    row('Ticket', markdownLink(origin.external_issue_key, origin.external_issue_url, 64)),
    '|:--|:--|',
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
    row('Origin link', answered(mission.originLinkId)),
    row('Bound at', answered(mission.boundAt)),
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
      '### How to work on this mission',
      howToWork(mission, provenance.baseBranch),
      '<sub>Opened by kitty-origin. The provenance above was re-read from the tracker at confirmation.</sub>'
    ].join('\n\n')
  )
}
