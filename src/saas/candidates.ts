import { hasInvisible, oneLine } from '../text/one-line.js'
import type { IssueSearchAnswer, LeftOutTicket, Ticket } from './types.js'
import { objectOf } from './wire.js'

/** The longest ticket key accepted; real Jira and Linear keys are far shorter. */
export const MAX_KEY_LENGTH = 100
/** The longest provider id accepted. */
export const MAX_ID_LENGTH = 256
/** The longest ticket title accepted (Jira allows 255, Linear a little more). */
export const MAX_TITLE_LENGTH = 1_000
/** The longest ticket URL accepted. */
export const MAX_URL_LENGTH = 2_048
/** The longest status kept; a longer one is shortened, it is only shown. */
const MAX_STATUS_LENGTH = 100
/** The longest resource type or id kept from a search answer. */
const MAX_RESOURCE_LENGTH = 256

/** A string, or a number as a string (ids may come as JSON numbers); else undefined. */
function textOf(value: unknown): string | undefined {
  if (typeof value === 'string') return value
  if (typeof value === 'number' && Number.isFinite(value)) return String(value)
  return undefined
}

/** True for an absolute `https:` or `http:` URL without spaces or invisible characters. */
function isWebUrl(url: string): boolean {
  if (/\s/.test(url) || hasInvisible(url)) return false
  try {
    const parsed = new URL(url)
    return parsed.protocol === 'https:' || parsed.protocol === 'http:'
  } catch {
    return false
  }
}

function shownKey(raw: string | undefined): string {
  const key = oneLine(raw ?? '', MAX_KEY_LENGTH)
  return key === '' ? '(no key)' : key
}

type Checked = { ok: true; ticket: Ticket } | { ok: false; leftOut: LeftOutTicket }

function refuse(key: string | undefined, reason: string): Checked {
  return { ok: false, leftOut: { key: shownKey(key), reason } }
}

/**
 * One candidate of a search answer, read as leniently as spec-kitty reads it (null or missing
 * status is empty, an unknown `match_type` is `text`, a null body is none), refused only when it
 * could not be a correct origin: no id or key, a key or id with invisible characters, an
 * over-long key, id, title or URL, or a URL that is not `https:`/`http:`.
 */
function checkCandidate(raw: unknown): Checked {
  const item = objectOf(raw)
  if (item === undefined) return refuse(undefined, 'the Spec Kitty SaaS sent it without its fields')
  const key = textOf(item.external_issue_key)?.trim()
  const id = textOf(item.external_issue_id)?.trim()
  if (key === undefined || key === '') return refuse(key, 'it has no ticket key')
  if (key.length > MAX_KEY_LENGTH) {
    return refuse(key, `its key is longer than ${MAX_KEY_LENGTH} characters`)
  }
  if (hasInvisible(key) || /\s/.test(key)) {
    return refuse(key, 'its key contains spaces, control or invisible characters')
  }
  if (id === undefined || id === '') return refuse(key, 'it has no ticket id')
  if (id.length > MAX_ID_LENGTH || hasInvisible(id)) {
    return refuse(key, 'its ticket id is over-long or contains invisible characters')
  }
  const rawTitle = textOf(item.title) ?? ''
  if (rawTitle.length > MAX_TITLE_LENGTH) {
    return refuse(key, `its title is longer than ${MAX_TITLE_LENGTH} characters`)
  }
  const url = textOf(item.url)?.trim() ?? ''
  if (url.length > MAX_URL_LENGTH) {
    return refuse(key, `its URL is longer than ${MAX_URL_LENGTH} characters`)
  }
  if (!isWebUrl(url)) return refuse(key, 'its URL is not an https: or http: address')
  const body = typeof item.body === 'string' ? item.body : undefined
  return {
    ok: true,
    ticket: {
      external_issue_id: id,
      external_issue_key: key,
      title: oneLine(rawTitle),
      status: oneLine(textOf(item.status) ?? '', MAX_STATUS_LENGTH),
      url,
      match_type: item.match_type === 'exact' ? 'exact' : 'text',
      ...(body === undefined ? {} : { body })
    }
  }
}

function resourceText(value: unknown): string | null {
  const text = oneLine(textOf(value) ?? '', MAX_RESOURCE_LENGTH)
  return text === '' ? null : text
}

/**
 * A 200 search answer as spec-kitty reads it: a missing or null `candidates` is an empty list;
 * each candidate is checked by {@link checkCandidate}, and the refused ones are named in
 * `leftOut` with the reason. Returns undefined when the body is not a JSON object or its
 * `candidates` is neither a list nor null.
 */
export function readSearchAnswer(json: unknown): IssueSearchAnswer | undefined {
  const body = objectOf(json)
  if (body === undefined) return undefined
  const listed = body.candidates
  if (listed !== undefined && listed !== null && !Array.isArray(listed)) return undefined
  const raw: unknown[] = Array.isArray(listed) ? listed : []
  const candidates: Ticket[] = []
  const leftOut: LeftOutTicket[] = []
  for (const item of raw) {
    const checked = checkCandidate(item)
    if (checked.ok) candidates.push(checked.ticket)
    else leftOut.push(checked.leftOut)
  }
  return {
    candidates,
    leftOut,
    resourceType: resourceText(body.resource_type),
    resourceId: resourceText(body.resource_id)
  }
}
