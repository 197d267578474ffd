import type { OriginCandidate } from '../origin/models.js'
import { collapseWhitespace, firstParagraph } from './text.js'

/** The ticket fields a new mission's files use (a search candidate has them all). */
export type MissionTicket = Pick<
  OriginCandidate,
  'external_issue_key' | 'title' | 'status' | 'url' | 'body'
>

/**
 * Where a repository keeps its own spec template, highest priority first: the mission type's
 * override, then the general override.
 */
export function specTemplatePaths(missionType: string): [string, string] {
  return [
    `.kittify/overrides/missions/${missionType}/templates/spec-template.md`,
    '.kittify/overrides/templates/spec-template.md'
  ]
}

/** What renderSpec needs: the repository's template (null when it has none) and the ticket. */
export interface SpecInput {
  template: string | null
  ticket: MissionTicket
}

/**
 * spec.md: the repository's template verbatim when it has one, else kitty-origin's short
 * brief: the ticket's key, title, link, status and first paragraph, then the headings an
 * author fills in.
 */
export function renderSpec(input: SpecInput): string {
  if (input.template !== null) return input.template
  const { ticket } = input
  const key = inline(ticket.external_issue_key)
  const title = inline(ticket.title) || key
  const summary = firstParagraph(ticket.body ?? '').replaceAll('<', '&lt;')
  return [
    `# ${title}`,
    '',
    `Started by kitty-origin from ticket ${key}.`,
    '',
    `- Ticket: ${link(key, ticket.url)}`,
    `- Title: ${title}`,
    `- Status: ${inline(ticket.status) || 'unknown'}`,
    '',
    '## Ticket summary',
    '',
    summary === '' ? '_The ticket has no description._' : `> ${summary}`,
    '',
    '## User scenarios',
    '',
    '<!-- Who needs this, and what do they do? One scenario a paragraph, with its acceptance test. -->',
    '',
    '## Requirements',
    '',
    '<!-- What must be true when the mission is done? Number them FR-001, FR-002, … -->',
    '',
    '## Success criteria',
    '',
    '<!-- How will you know it worked? Measurable outcomes, not implementation details. -->',
    '',
    '## Open questions',
    '',
    '<!-- What the ticket leaves unclear; resolve each before planning. -->',
    ''
  ].join('\n')
}

/** One line of ticket text, with Markdown's inline syntax characters escaped. */
function inline(text: string): string {
  return collapseWhitespace(text).replace(/[\\`*_[\]<>#|!]/g, char => `\\${char}`)
}

/** A Markdown link for http(s) addresses only; any other address is shown as plain text. */
function link(label: string, url: string): string {
  if (/^https?:\/\/[^\s<>]+$/i.test(url)) return `[${label}](<${url}>)`
  const plain = inline(url)
  return plain === '' ? label : `${label} (${plain})`
}
