/**
 * Neutralising untrusted text (ticket titles and bodies, queries, logins) before it reaches a
 * GitHub comment. Mentions and issue references are broken with a zero-width space written as the
 * entity `&#8203;`: GitHub's mention and reference filters run on the rendered text, where
 * `@&#8203;ana` reads as `@ana` but matches neither `@ana` nor a team, and `#&#8203;12` is no link.
 * An entity for `@` itself (`&#64;`) would not do: it decodes back to `@` before the filter runs.
 * Bare URLs are left as they are: GitHub may autolink them, which neither pings nor renders HTML.
 */
import { KittyError } from '../errors.js'

const ZWSP = '&#8203;'

/** GitHub rejects comment bodies over 65,536 characters; this leaves room to spare. */
export const COMMENT_LIMIT = 65_000

const TRUNCATED_NOTE = '\n\n_(truncated)_'

/** C0/C1 controls (tab, newline and carriage return are whitespace, handled by callers) and bidi controls. */
const INVISIBLE = /(?![\t\n\r])[\p{Cc}\u061C\u200E\u200F\u202A-\u202E\u2066-\u2069]/gu

/**
 * Shortens `text` to at most `max` characters, ending with a visible `…` when anything was cut.
 * Never splits a surrogate pair.
 */
export function truncate(text: string, max: number): string {
  if (text.length <= max) return text
  let cut = Math.max(0, max - 1)
  if (/[\uD800-\uDBFF]/.test(text.charAt(cut - 1))) cut -= 1
  return `${text.slice(0, cut).trimEnd()}…`
}

/** Escapes what means something to markdown or to GitHub's filters inside one line of text. */
function escapeChars(text: string): string {
  return text
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/[\\`*_~[\]!|$]/g, '\\$&')
    .replace(/#(?=\d)/g, `#${ZWSP}`)
    .replace(/(gh)-(?=\d)/gi, `$1${ZWSP}-`)
    .replace(/@(?=[A-Za-z0-9])/g, `@${ZWSP}`)
}

function flatten(text: string): string {
  return text.replace(INVISIBLE, '').replace(/\s+/g, ' ').trim()
}

/**
 * A fragment of one line (part of a sentence) made safe as {@link escapeInline} makes it, but with
 * its outer spaces kept so it can sit next to a code span. No length cap: cap the whole first.
 */
export function escapeFragment(text: string): string {
  return escapeChars(text.replace(INVISIBLE, '').replace(/\s+/g, ' '))
}

/**
 * One line of untrusted text made safe for a table cell, heading or sentence: newlines become
 * spaces, HTML becomes entities, markdown punctuation and `|` are backslash-escaped, and mentions
 * and `#123` / `GH-123` / `owner/repo#1` references are broken. `maxLen` counts characters of the
 * source text, before escaping.
 */
export function escapeInline(text: string, maxLen: number): string {
  return escapeChars(truncate(flatten(text), maxLen))
}

/**
 * Multi-line untrusted text (a ticket body excerpt) with the protections of {@link escapeInline}
 * per line; line starts that would open a heading or a list are escaped too, indentation is
 * dropped and runs of blank lines shrink to one. Prefix each line with `> ` to quote it.
 */
export function escapeBlock(text: string, maxLen: number): string {
  const source = truncate(text.replace(INVISIBLE, '').replace(/\r\n?/g, '\n'), maxLen)
  const lines = source.split('\n').map(line =>
    escapeChars(line.replace(/\s+/g, ' ').trim())
      .replace(/^[#+=-]/, '\\$&')
      .replace(/^(\d+)([.)])/, '$1\\$2')
  )
  return lines
    .join('\n')
    .replace(/\n{3,}/g, '\n\n')
    .trim()
}

/**
 * Untrusted text as an inline code span: a backtick fence longer than any run inside, newlines
 * as spaces. Not for table cells (a `|` would still split the cell).
 */
export function escapeCodeSpan(text: string, maxLen = 256): string {
  const flat = truncate(flatten(text), maxLen)
  const longest = Math.max(0, ...(flat.match(/`+/g) ?? []).map(run => run.length))
  const fence = '`'.repeat(longest + 1)
  const pad = flat === '' || flat.startsWith('`') || flat.endsWith('`') ? ' ' : ''
  return `${fence}${pad}${flat}${pad}${fence}`
}

/**
 * `url` made safe as a markdown link destination, or null when it is not an absolute http(s) URL
 * (so `javascript:`, `data:` and relative links never render). Characters that could end the
 * destination or split a table cell are percent-encoded.
 */
export function safeUrl(url: string): string | null {
  if (url.length > 2048 || !URL.canParse(url)) return null
  const parsed = new URL(url)
  if (parsed.protocol !== 'https:' && parsed.protocol !== 'http:') return null
  return parsed.href.replace(/[()|\\]/g, c => `%${c.charCodeAt(0).toString(16).toUpperCase()}`)
}

/** A link with an escaped label, or just the escaped label when the URL is not safe to link. */
export function markdownLink(label: string, url: string, maxLen = 200): string {
  const text = escapeInline(label, maxLen) || 'link'
  const href = safeUrl(url)
  return href === null ? text : `[${text}](${href})`
}

/**
 * Keeps `body` under `limit` characters. A trailing HTML comment (the signed state marker) is
 * kept whole at the end; the visible part is cut, at a line break when one is near, and a
 * visible "(truncated)" note says so.
 */
export function capComment(body: string, limit = COMMENT_LIMIT): string {
  if (body.length <= limit) return body
  const trimmed = body.trimEnd()
  const markerStart = trimmed.endsWith('-->') ? trimmed.lastIndexOf('<!--') : -1
  const tail = markerStart < 0 ? '' : `\n\n${trimmed.slice(markerStart)}`
  const visible = markerStart < 0 ? trimmed : trimmed.slice(0, markerStart)
  const budget = limit - tail.length - TRUNCATED_NOTE.length
  if (budget < 0) {
    throw new KittyError(
      'internal',
      'The reply is too large to post as a GitHub comment.',
      `marker of ${tail.length} characters exceeds the limit of ${limit}`
    )
  }
  return `${cutText(visible, budget).trimEnd()}${TRUNCATED_NOTE}${tail}`
}

/** At most `budget` characters of `text`: up to a line break in the second half, else a hard cut. */
function cutText(text: string, budget: number): string {
  const lineBreak = text.lastIndexOf('\n', budget)
  if (lineBreak > budget / 2) return text.slice(0, lineBreak)
  let cut = budget
  if (/[\uD800-\uDBFF]/.test(text.charAt(cut - 1))) cut -= 1
  return text.slice(0, cut).replace(/&#?[A-Za-z0-9]*$/, '')
}
