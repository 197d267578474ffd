/**
 * The ChatOps command grammar: a pure function from a comment body to at most one command, and the
 * same validators for `workflow_dispatch` inputs. Nothing here throws on a comment body.
 */
import { KittyError } from '../errors.js'
import { Provider } from '../origin/models.js'
import { TICKET_KEY } from '../origin/ticket-key.js'
import { truncate } from './escape.js'
import { asWords } from './message.js'

/** What a ticket search asks for: a ticket key (optionally naming the tracker) or free text. */
export type ParsedQuery =
  { kind: 'key'; key: string; provider?: Provider } | { kind: 'text'; text: string }

/** The candidate a confirm picks: a 1-based row number of the list, or a ticket key. */
export type ConfirmChoice = { index: number } | { key: string }

/** A verb kitty-origin knows, other than `help`. */
export type ActionVerb = 'start-from' | 'confirm' | 'cancel'

/**
 * One recognised command; anything malformed or unknown becomes `help` with a `problem`. A known
 * verb with unusable arguments names it as `misusedVerb`: that command is refused, not just helped.
 */
export type Command =
  | { verb: 'start-from'; query: ParsedQuery }
  | { verb: 'confirm'; choice: ConfirmChoice }
  | { verb: 'cancel' }
  | { verb: 'help'; unknownVerb?: string; problem?: string; misusedVerb?: ActionVerb }

/** The longest query (text or key) accepted, in characters. */
export const MAX_QUERY_LENGTH = 256

/** The highest row number `confirm <n>` accepts. */
export const MAX_CONFIRM_INDEX = 50

type Parsed<T> = { ok: true; value: T } | { ok: false; problem: string }

const QUERY_MISSING = 'Give a ticket key such as WEB-123, or some words to search for.'

/** Closing quotes accepted for each opening quote, so phone keyboards' curly quotes work. */
const QUOTE_PAIRS: Readonly<Record<string, string>> = {
  '"': '"”“',
  '“': '”"“',
  '”': '”"',
  '„': '“”"',
  "'": "'’‘",
  '‘': "’'‘",
  '’': "’'"
}

const FENCE = /^ {0,3}(`{3,}|~{3,})(.*)$/
const QUOTE_LINE = /^ {0,3}>/

/**
 * A configured command prefix, checked once: 1 to 32 characters without whitespace, and not
 * starting like a quote (`>`) or a code fence (three backticks or tildes), since such lines are
 * never read as commands. The prefix is only ever shown inside code spans, so any other
 * character is safe.
 */
export function validatePrefix(raw: string): string {
  const prefix = raw.trim()
  if (!/^\S{1,32}$/u.test(prefix) || /^(>|```|~~~)/.test(prefix)) {
    throw new KittyError(
      'input-invalid',
      'The command-prefix input must be 1 to 32 characters without spaces, such as /kitty, and must not start with > or a code fence.'
    )
  }
  return prefix
}

/**
 * The first command in a comment, or null when there is none. A command is a line starting with
 * `prefix` (after at most three spaces) followed by whitespace or the end of the line, outside
 * fenced code blocks and `>` quotes. Prefix and verb are case-insensitive. Throws only when
 * `prefix` itself is invalid (see {@link validatePrefix}).
 */
export function parseCommand(body: string, prefix: string): Command | null {
  const wanted = validatePrefix(prefix).toLowerCase()
  for (const line of linesOutsideCodeAndQuotes(body)) {
    const start = line.replace(/^ {0,3}/, '')
    if (start.slice(0, wanted.length).toLowerCase() !== wanted) continue
    const rest = start.slice(wanted.length)
    if (rest !== '' && !/^\s/u.test(rest)) continue
    return parseVerb(rest.trim())
  }
  return null
}

/** Lines of a markdown body that are neither inside a fenced code block nor a `>` quote. */
function linesOutsideCodeAndQuotes(body: string): string[] {
  const lines: string[] = []
  let open: { char: string; length: number } | null = null
  for (const line of body.split(/\r\n|\r|\n/)) {
    const fence = FENCE.exec(line)
    const run = fence?.[1] ?? ''
    const info = fence?.[2] ?? ''
    if (open !== null) {
      if (run.startsWith(open.char) && run.length >= open.length && info.trim() === '') open = null
    } else if (fence !== null && !(run.startsWith('`') && info.includes('`'))) {
      open = { char: run.charAt(0), length: run.length }
    } else if (!QUOTE_LINE.test(line)) {
      lines.push(line)
    }
  }
  return lines
}

function parseVerb(text: string): Command {
  // split() always returns at least one element.
  const [word, ...words] = text.split(/\s+/u) as [string, ...string[]]
  const args = words.join(' ')
  switch (word.toLowerCase()) {
    case '':
    case 'help':
      return { verb: 'help' }
    case 'start-from': {
      const query = parseQuery(args)
      return query.ok
        ? { verb: 'start-from', query: query.value }
        : { verb: 'help', problem: query.problem, misusedVerb: 'start-from' }
    }
    case 'confirm': {
      const choice = parseChoice(args)
      return choice.ok
        ? { verb: 'confirm', choice: choice.value }
        : { verb: 'help', problem: choice.problem, misusedVerb: 'confirm' }
    }
    case 'cancel':
      return args === ''
        ? { verb: 'cancel' }
        : { verb: 'help', problem: 'cancel takes nothing after it.', misusedVerb: 'cancel' }
    default: {
      const unknownVerb = truncate(word, 32)
      const problem = `"${asWords(unknownVerb)}" is not a command; the commands are listed below.`
      return { verb: 'help', unknownVerb, problem }
    }
  }
}

function parseChoice(args: string): Parsed<ConfirmChoice> {
  const number = /^#?(\d+)$/.exec(args)
  if (number !== null) {
    const index = Number(number[1])
    if (index >= 1 && index <= MAX_CONFIRM_INDEX) return { ok: true, value: { index } }
    return {
      ok: false,
      problem: `There is no candidate ${truncate(args, 12)}; use a row number from 1 to ${MAX_CONFIRM_INDEX}.`
    }
  }
  if (args.length <= MAX_QUERY_LENGTH && TICKET_KEY.test(args)) {
    return { ok: true, value: { key: args.toUpperCase() } }
  }
  return {
    ok: false,
    problem: 'confirm needs the row number or the ticket key of a candidate, such as 1 or WEB-123.'
  }
}

/** A query (key, `provider:key`, quoted text or plain words) or the sentence saying what is wrong. */
function parseQuery(raw: string): Parsed<ParsedQuery> {
  const text = raw.replace(/\s+/gu, ' ').trim()
  if (text === '') return { ok: false, problem: QUERY_MISSING }
  if (/\p{Cc}/u.test(text)) return { ok: false, problem: 'The query contains control characters.' }
  const parsed = parseQueryShape(text)
  if (parsed.ok && queryLength(parsed.value) > MAX_QUERY_LENGTH) {
    return { ok: false, problem: `The query is longer than ${MAX_QUERY_LENGTH} characters.` }
  }
  return parsed
}

function queryLength(query: ParsedQuery): number {
  return query.kind === 'key' ? query.key.length : query.text.length
}

function parseQueryShape(text: string): Parsed<ParsedQuery> {
  const closers = QUOTE_PAIRS[text.charAt(0)]
  if (closers !== undefined) return parseQuoted(text, closers)
  if (text.includes(' ')) return { ok: true, value: { kind: 'text', text } }
  return parseSingleWord(text)
}

/** Quoted text is always a text search, even when it looks like a key: quotes say "words". */
function parseQuoted(text: string, closers: string): Parsed<ParsedQuery> {
  if (text.length < 2 || !closers.includes(text.charAt(text.length - 1))) {
    return { ok: false, problem: 'The quoted query is missing its closing quote.' }
  }
  const inner = text.slice(1, -1).trim()
  if (inner === '') return { ok: false, problem: QUERY_MISSING }
  return { ok: true, value: { kind: 'text', text: inner } }
}

function parseSingleWord(word: string): Parsed<ParsedQuery> {
  const qualified = /^([A-Za-z][A-Za-z0-9_-]*):(.*)$/.exec(word)
  const name = qualified?.[1]?.toLowerCase() ?? ''
  const rest = qualified?.[2] ?? ''
  const provider = Provider.safeParse(name)
  if (TICKET_KEY.test(rest)) {
    if (!provider.success) {
      return {
        ok: false,
        problem: `"${truncate(name, 32)}" is not a tracker; write linear: or jira: before the key.`
      }
    }
    return { ok: true, value: { kind: 'key', key: rest.toUpperCase(), provider: provider.data } }
  }
  if (provider.success) {
    return { ok: false, problem: `After ${name}: give a ticket key such as WEB-123.` }
  }
  if (TICKET_KEY.test(word)) return { ok: true, value: { kind: 'key', key: word.toUpperCase() } }
  return { ok: true, value: { kind: 'text', text: word } }
}

/**
 * The `query` input of `workflow_dispatch`, with the same rules as `start-from`.
 * Throws KittyError `command-invalid` (a refusal) with the reason.
 */
export function validateQuery(raw: string): ParsedQuery {
  const query = parseQuery(raw)
  if (!query.ok)
    throw new KittyError('command-invalid', `The query input is not usable: ${query.problem}`)
  return query.value
}

/**
 * The `confirm` input of `workflow_dispatch`: a ticket key, returned upper-cased.
 * Throws KittyError `command-invalid` (a refusal) for anything else.
 */
export function validateConfirmKey(raw: string): string {
  const key = raw.trim()
  if (key.length > MAX_QUERY_LENGTH || !TICKET_KEY.test(key)) {
    throw new KittyError(
      'command-invalid',
      'The confirm input must be the key of a ticket from the search results, such as WEB-123.'
    )
  }
  return key.toUpperCase()
}
