/**
 * The candidate list's state, carried in the bot's comment as a versioned, HMAC-signed marker
 * (DESIGN §4), and the keyed derivations that hang off the state key (DESIGN §2).
 */
import { createHmac, hkdfSync, randomBytes, timingSafeEqual } from 'node:crypto'
import { z } from 'zod'
import { KittyError } from '../errors.js'
import { Provider } from '../origin/models.js'
import type { OriginCandidate } from '../origin/models.js'
import { truncate } from './escape.js'
import { MAX_QUERY_LENGTH } from './grammar.js'

/** How long a candidate list can be confirmed by default: 24 hours. */
export const DEFAULT_STATE_TTL_MS = 24 * 60 * 60 * 1000

/** The longest marker `encodeStateMarker` produces, so a comment always has room for its text. */
export const MAX_MARKER_LENGTH = 40_000

const MARKER_OPEN = '<!-- kitty-origin:state '
const MARKER_CLOSE = ' -->'
const MARKER_SHAPE = /^<!-- kitty-origin:state (\S+) ([A-Za-z0-9_-]+)\.([A-Za-z0-9_-]+) -->$/
const TITLE_MAX = 300
const STATUS_MAX = 100
const URL_MAX = 2048

/** One candidate as remembered by the list (display fields only; confirm re-fetches the ticket). */
export const StateCandidate = z.strictObject({
  external_issue_id: z.string().min(1).max(256),
  external_issue_key: z.string().min(1).max(256),
  title: z.string().max(TITLE_MAX),
  status: z.string().max(STATUS_MAX),
  url: z.string().max(URL_MAX),
  match_type: z.enum(['exact', 'text'])
})
/** A remembered candidate. */
export type StateCandidate = z.infer<typeof StateCandidate>

/** The signed state of one candidate list: who asked what, where, what was found, and its fate. */
export const CandidateState = z.strictObject({
  v: z.literal(1),
  repo: z.string().regex(/^[A-Za-z0-9_.-]+\/[A-Za-z0-9_.-]+$/),
  issue: z.number().int().positive(),
  requester: z.string().min(1).max(100),
  query: z.string().min(1).max(MAX_QUERY_LENGTH),
  provider: Provider,
  routing: z.union([
    z.strictObject({ binding_ref: z.string().min(1) }),
    z.strictObject({ project_slug: z.string().min(1) })
  ]),
  resource_type: z.string().max(256),
  resource_id: z.string().max(256),
  candidates: z.array(StateCandidate).max(50),
  nonce: z.string().regex(/^[A-Za-z0-9_-]{22,128}$/),
  created_at: z.number().int().nonnegative(),
  expires_at: z.number().int().nonnegative(),
  status: z.enum(['open', 'consumed', 'cancelled']),
  pull_request: z
    .strictObject({ number: z.number().int().positive(), url: z.string().max(URL_MAX) })
    .optional(),
  mission_slug: z.string().min(1).max(200).optional(),
  /** The `external_issue_id` of the candidate a confirm chose, once the list is consumed. */
  chosen_issue_id: z.string().min(1).max(256).optional()
})
/** A candidate list's state. */
export type CandidateState = z.infer<typeof CandidateState>

/** Why a comment's marker was not accepted. */
export type StateRejection =
  | 'absent'
  | 'malformed'
  | 'bad-signature'
  | 'wrong-repo'
  | 'wrong-issue'
  | 'expired'
  | 'unsupported-version'

/** The outcome of reading a comment's marker; never an exception. */
export type DecodedState =
  | { ok: true; state: CandidateState }
  | { ok: false; reason: 'expired'; state: CandidateState }
  | { ok: false; reason: Exclude<StateRejection, 'expired'> }

/** What a marker must match to be accepted: this repository, this issue, not expired at `nowMs`. */
export interface StateExpectation {
  repo: string
  issue: number
  nowMs: number
}

/** A fresh random nonce: 16 bytes, base64url. */
export function createNonce(random: (size: number) => Buffer = randomBytes): string {
  return random(16).toString('base64url')
}

/**
 * A search candidate shaped for the state: the optional body is dropped, title and status are
 * shortened, and a URL too long to remember is left out (the confirm re-fetches it anyway).
 */
export function stateCandidate(candidate: OriginCandidate): StateCandidate {
  return {
    external_issue_id: candidate.external_issue_id,
    external_issue_key: candidate.external_issue_key,
    title: truncate(candidate.title, TITLE_MAX),
    status: truncate(candidate.status, STATUS_MAX),
    url: candidate.url.length > URL_MAX ? '' : candidate.url,
    match_type: candidate.match_type
  }
}

/**
 * The 32-byte state key, from `stateSecret` when given, else from `saasToken`, through HKDF with a
 * fixed label so the raw secret is never the key itself. Rotating the source secret invalidates
 * every open candidate list.
 */
export function deriveStateKey(secrets: { stateSecret?: string; saasToken: string }): Buffer {
  const source = secrets.stateSecret?.trim() ? secrets.stateSecret : secrets.saasToken
  if (source === '') {
    throw new KittyError(
      'input-invalid',
      'Set the state-secret or saas-token input so kitty-origin can sign its candidate lists.'
    )
  }
  return Buffer.from(hkdfSync('sha256', source, 'kitty-origin', 'candidate-state-key v1', 32))
}

/**
 * The 80 random bits of a mission's ULID: an HMAC under the state key over the list's nonce and
 * the chosen ticket, so every confirm of one list and one ticket names the same mission.
 */
export function missionRandomBits(
  key: Buffer | string,
  nonce: string,
  externalIssueId: string
): Uint8Array {
  const message = JSON.stringify(['kitty-origin mission-id v1', nonce, externalIssueId])
  return new Uint8Array(createHmac('sha256', key).update(message).digest().subarray(0, 10))
}

function sign(payload: string, key: Buffer | string): string {
  return createHmac('sha256', key).update(payload).digest('base64url')
}

/**
 * The state as an HTML comment `<!-- kitty-origin:state v1 <payload>.<signature> -->`: the payload
 * is base64url JSON, the signature an HMAC-SHA256 of the payload's exact characters. Throws
 * KittyError `internal` for a state that does not validate or would not fit in a comment.
 */
export function encodeStateMarker(state: CandidateState, key: Buffer | string): string {
  const parsed = CandidateState.safeParse(state)
  if (!parsed.success) {
    throw new KittyError(
      'internal',
      'kitty-origin built an invalid candidate list; see the run log.',
      parsed.error.message
    )
  }
  const payload = Buffer.from(JSON.stringify(parsed.data), 'utf8').toString('base64url')
  const marker = `${MARKER_OPEN}v1 ${payload}.${sign(payload, key)}${MARKER_CLOSE}`
  if (marker.length > MAX_MARKER_LENGTH) {
    throw new KittyError(
      'internal',
      'The candidate list is too large to post; search with a narrower query.',
      `marker of ${marker.length} characters`
    )
  }
  return marker
}

/** The last state marker of a comment body, or null when there is none or it is unfinished. */
export function findStateMarker(body: string): string | null {
  const start = body.lastIndexOf(MARKER_OPEN)
  if (start < 0) return null
  const end = body.indexOf(MARKER_CLOSE, start + MARKER_OPEN.length)
  return end < 0 ? null : body.slice(start, end + MARKER_CLOSE.length)
}

/**
 * Reads and verifies the state in a comment body. Checks, in order: a marker is there and well
 * formed, its version is supported, the signature is valid (constant-time), the payload is a valid
 * state, and it belongs to `expect.repo` (case-insensitive, as GitHub names are) and
 * `expect.issue` and has not expired. Whether it is still `open` is for the caller to judge.
 * Never throws, whatever the body.
 */
export function decodeStateMarker(
  body: string,
  key: Buffer | string,
  expect: StateExpectation
): DecodedState {
  const marker = findStateMarker(body)
  if (marker === null) return reject(body.includes(MARKER_OPEN) ? 'malformed' : 'absent')
  const [, version = '', payload = '', signature = ''] = MARKER_SHAPE.exec(marker) ?? []
  if (version === '') return reject('malformed')
  if (version !== 'v1') return reject(/^v\d+$/.test(version) ? 'unsupported-version' : 'malformed')
  if (!signatureMatches(signature, sign(payload, key))) return reject('bad-signature')
  const parsed = CandidateState.safeParse(parseJson(Buffer.from(payload, 'base64url')))
  if (!parsed.success) return reject('malformed')
  const state = parsed.data
  if (state.repo.toLowerCase() !== expect.repo.toLowerCase()) return reject('wrong-repo')
  if (state.issue !== expect.issue) return reject('wrong-issue')
  if (expect.nowMs >= state.expires_at) return { ok: false, reason: 'expired', state }
  return { ok: true, state }
}

function reject(reason: Exclude<StateRejection, 'expired'>): DecodedState {
  return { ok: false, reason }
}

/** Compares the base64url strings, so a non-canonical encoding of the right bytes fails too. */
function signatureMatches(given: string, expected: string): boolean {
  const a = Buffer.from(given, 'latin1')
  const b = Buffer.from(expected, 'latin1')
  return a.length === b.length && timingSafeEqual(a, b)
}

function parseJson(bytes: Buffer): unknown {
  try {
    return JSON.parse(bytes.toString('utf8'))
  } catch {
    return undefined
  }
}
