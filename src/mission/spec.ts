import { collapseWhitespace } from './text.js'
import type { MissionTicket } from './ticket.js'

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

/** The most of a ticket's description spec.md quotes, in characters (code points). */
export const MAX_QUOTED_DESCRIPTION = 20_000

/**
 * Every line break Python's `str.splitlines()` knows. spec-kitty reads spec.md line by line
 * with it, so each of these must start a new quoted line, or a ticket could slip an unquoted
 * `- **FR-001**: …` line past the quote.
 */
// eslint-disable-next-line no-control-regex -- Python's line breaks include these controls
const PYTHON_LINE_BREAK = /\r\n|[\n\r\v\f\x1c\x1d\x1e\x85\u2028\u2029]/

/**
 * The other control characters (one would make git take spec.md for a binary file) and the
 * bidirectional controls that can make quoted text read differently from what it says.
 */
const CONTROL =
  // eslint-disable-next-line no-control-regex -- the line breaks above are kept, not replaced
  /(?![\t\n\r\v\f\u001c-\u001e\u0085])[\p{Cc}\u061C\u200E\u200F\u202A-\u202E\u2066-\u2069]/gu
const LONE_SURROGATE = /\p{Cs}/gu

/**
 * spec.md: the repository's template verbatim when it has one, else kitty-origin's brief: the
 * ticket's key, title, link and status, its whole description quoted (capped), then the headings
 * an author fills in. The brief is never "substantive" to spec-kitty's gate (no `FR-###` table
 * row or bullet outside the quote, and every line of the quote starts with `>`), so
 * `setup-plan` still asks for a real spec.
 */
export function renderSpec(input: SpecInput): string {
  if (input.template !== null) return input.template
  const { ticket } = input
  const key = inline(ticket.external_issue_key)
  const title = inline(ticket.title) || key
  return [
    `# Mission Specification: ${title}`,
    '',
    `Started by kitty-origin from ticket ${key}. The ticket's description is quoted below as it`,
    'was at confirmation; write the specification under the headings that follow it',
    '(`/spec-kitty.specify`).',
    '',
    `- Ticket: ${link(key, ticket.url)}`,
    `- Title: ${title}`,
    `- Status: ${inline(ticket.status) || 'unknown'}`,
    '',
    '## Ticket description',
    '',
    ...quoteDescription(ticket.body ?? ''),
    '',
    '## User Scenarios & Testing',
    '',
    '<!-- Who needs this, and what do they do? One user story a section, each with its priority',
    '     and the acceptance scenarios that test it (Given …, When …, Then …). -->',
    '',
    '## Requirements',
    '',
    '<!-- What must be true when the mission is done? A table of functional requirements',
    '     (| ID | Title | User Story | Priority | Status |, ids FR-###), then the',
    '     non-functional requirements (NFR-###) and constraints (C-###). -->',
    '',
    '## Success Criteria',
    '',
    '<!-- How will you know it worked? Measurable outcomes, not implementation details. -->',
    '',
    '## Open Questions',
    '',
    '<!-- What the ticket leaves unclear; resolve each before planning. -->',
    ''
  ].join('\n')
}

/**
 * The description as a Markdown block quote: every line (by Python's line breaks) behind `> `,
 * blank lines as `>`, `<` escaped so no HTML or comment can hide text, control characters and
 * broken surrogates replaced, and cut at MAX_QUOTED_DESCRIPTION characters with a note.
 */
function quoteDescription(body: string): string[] {
  const clean = body.replace(LONE_SURROGATE, '\uFFFD').replace(CONTROL, '\uFFFD')
  if (collapseWhitespace(clean) === '') return ['_The ticket has no description._']
  const chars = Array.from(clean.replace(/^(?:[ \t]*(?:\r\n|[\n\r]))+|\s+$/g, ''))
  const cut = chars.length > MAX_QUOTED_DESCRIPTION
  const text = chars.slice(0, MAX_QUOTED_DESCRIPTION).join('')
  const quoted = text
    .split(PYTHON_LINE_BREAK)
    .map(line => line.replaceAll('<', '&lt;').trimEnd())
    .map(line => (line === '' ? '>' : `> ${line}`))
  if (!cut) return quoted
  return [
    ...quoted,
    '',
    `_The description is longer than ${MAX_QUOTED_DESCRIPTION.toLocaleString('en')} characters and is cut here; the ticket has the rest._`
  ]
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
