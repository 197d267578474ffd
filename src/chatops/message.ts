/**
 * Sentences for people that hold code. kitty-origin writes every error and reply sentence as plain
 * text in which backticks mark code, as markdown does: "run `/kitty start-from <ticket>` again".
 * Rendered for GitHub, the code becomes a code span and only the words around it are escaped, so
 * intended code shows as code while text from outside stays inert. Text from outside that goes
 * into a sentence passes through {@link asWords} (or, to show it as code, escapeCodeSpan), so it
 * cannot open a code span of its own.
 */
import { escapeCodeSpan, escapeFragment, truncate } from './escape.js'

/** One piece of a sentence: words, or code to show as code. */
export type MessageSpan = { kind: 'text'; text: string } | { kind: 'code'; text: string }

/** The backtick that outside text shows instead of a real one: U+02CB looks alike, marks nothing. */
const INERT_BACKTICK = '\u02CB'

/** Outside text made safe to put in a sentence: its backticks cannot open a code span. */
export function asWords(text: string): string {
  return text.replace(/`/g, INERT_BACKTICK)
}

/**
 * A sentence split into words and code spans by CommonMark's rule: a run of backticks opens a
 * code span that the next run of the same length closes; a run with no closing run is text. In
 * code, line breaks read as spaces and one space on each side is dropped when both are there.
 */
export function messageSpans(sentence: string): MessageSpan[] {
  const spans: MessageSpan[] = []
  let text = ''
  let at = 0
  while (at < sentence.length) {
    const open = sentence.indexOf('`', at)
    if (open < 0) break
    const fence = /^`+/.exec(sentence.slice(open))?.[0] ?? '`'
    const close = closingRun(sentence, open + fence.length, fence.length)
    if (close < 0) {
      text += sentence.slice(at, open + fence.length)
      at = open + fence.length
      continue
    }
    text += sentence.slice(at, open)
    if (text !== '') spans.push({ kind: 'text', text })
    text = ''
    spans.push({ kind: 'code', text: codeText(sentence.slice(open + fence.length, close)) })
    at = close + fence.length
  }
  text += sentence.slice(at)
  if (text !== '') spans.push({ kind: 'text', text })
  return spans
}

/** Where the run of exactly `length` backticks after `from` starts, or -1. */
function closingRun(sentence: string, from: number, length: number): number {
  const runs = /`+/g
  runs.lastIndex = from
  for (let run = runs.exec(sentence); run !== null; run = runs.exec(sentence)) {
    if (run[0].length === length) return run.index
  }
  return -1
}

function codeText(raw: string): string {
  const flat = raw.replace(/\r\n|\r|\n/g, ' ')
  return flat.length >= 2 && flat.startsWith(' ') && flat.endsWith(' ') && flat.trim() !== ''
    ? flat.slice(1, -1)
    : flat
}

/**
 * A sentence as GitHub markdown on one line: code spans stay code spans, the words are escaped as
 * escapeInline escapes them (no markup, mentions or references). At most `maxLen` characters of
 * the sentence are shown.
 */
export function messageMarkdown(sentence: string, maxLen: number): string {
  const shown = truncate(sentence.replace(/\s+/g, ' ').trim(), maxLen)
  return messageSpans(shown)
    .map(span =>
      span.kind === 'code' ? escapeCodeSpan(span.text, maxLen) : escapeFragment(span.text)
    )
    .join('')
}
