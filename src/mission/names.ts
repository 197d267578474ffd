import { KittyError } from '../errors.js'
import { pythonSplit } from './text.js'

/** spec-kitty's kebab-case rule for a mission's human slug. */
export const SLUG_PATTERN = /^[a-z0-9][a-z0-9]*(-[a-z0-9]+)*$/

/** A ULID: 26 Crockford base32 characters, upper case; the first is at most 7 (48-bit time). */
export const ULID_PATTERN = /^[0-7][0-9A-HJKMNP-TV-Z]{25}$/

const CROCKFORD = '0123456789ABCDEFGHJKMNPQRSTVWXYZ'
const MAX_ULID_TIME = 2 ** 48 - 1
const NUMBERED_PREFIX = /^\d{3}-/

function kebab(text: string): string {
  return text
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
}

/**
 * The mission's human slug: the ticket key lower-cased with every run of `[^a-z0-9]` turned
 * into `-` (`PROJ_KEY/123` → `proj-key-123`); if nothing is left, the same on the title's first
 * five words; else `untitled`. Non-ASCII letters lower-case to non-`[a-z0-9]` (`É` → `é` → `-`).
 */
export function slugFromTicket(key: string, title: string): string {
  const fromKey = kebab(key)
  if (fromKey !== '') return fromKey
  const fromTitle = kebab(pythonSplit(title).slice(0, 5).join(' '))
  return fromTitle === '' ? 'untitled' : fromTitle
}

/** True when `text` is a valid ULID in canonical upper case. */
export function isUlid(text: string): boolean {
  return ULID_PATTERN.test(text)
}

/** The first eight characters of a mission id, spec-kitty's `mid8`. */
export function mid8(missionId: string): string {
  if (!isUlid(missionId)) {
    throw new KittyError('mission-invalid', `The mission id ${missionId} is not a valid ULID.`)
  }
  return missionId.slice(0, 8)
}

/**
 * A ULID from its two parts: 48 bits of Unix milliseconds and 80 random bits (10 bytes), so a
 * caller can derive a deterministic id (e.g. from a hash) and stay pure.
 */
export function ulidFromParts(timeMs: number, random: Uint8Array): string {
  if (!Number.isInteger(timeMs) || timeMs < 0 || timeMs > MAX_ULID_TIME) {
    throw new KittyError(
      'internal',
      'kitty-origin could not form a mission id; see the run log.',
      `ULID time ${timeMs} is not an integer between 0 and 2^48 - 1.`
    )
  }
  if (random.length !== 10) {
    throw new KittyError(
      'internal',
      'kitty-origin could not form a mission id; see the run log.',
      `ULID randomness must be 10 bytes, got ${random.length}.`
    )
  }
  let time = ''
  let rest = timeMs
  for (let index = 0; index < 10; index += 1) {
    time = CROCKFORD.charAt(rest % 32) + time
    rest = Math.floor(rest / 32)
  }
  const bits = random.reduce((value, byte) => (value << 8n) | BigInt(byte), 0n)
  let randomPart = ''
  for (let index = 15; index >= 0; index -= 1) {
    randomPart += CROCKFORD.charAt(Number((bits >> BigInt(index * 5)) & 31n))
  }
  return time + randomPart
}

/** The prefix of every mission branch kitty-origin creates (never spec-kitty's `kitty/…`). */
export const MISSION_BRANCH_PREFIX = 'kitty-origin/'

/** Every name a new mission carries. */
export interface MissionNames {
  /** The directory under `kitty-specs/`: `<slug>-<mid8>`, equal to `missionSlug`. */
  dirName: string
  /** `kitty-specs/<dirName>`. */
  missionDir: string
  /** `<slug>-<mid8>`; meta.json's `slug` and `mission_slug`. */
  missionSlug: string
  /** `kitty-origin/<slug>-<mid8>`: the PR's head and meta.json's `target_branch`. */
  branch: string
}

/** What missionNames needs. */
export interface MissionNamesInput {
  /** From slugFromTicket. */
  ticketSlug: string
  /** The new mission's ULID. */
  missionId: string
}

/**
 * Names a new mission `<slug>-<mid8>`, as spec-kitty 3.x's own `mission create` does in every
 * repository, also in one that holds only older `NNN-` missions; nothing is listed to name it.
 * A ticket slug that itself starts with `NNN-` (title `100 bugs to fix`) loses that prefix, as
 * spec-kitty's `mission_dir_name` strips it, so the mission is never taken for mission 100.
 */
export function missionNames(input: MissionNamesInput): MissionNames {
  const { ticketSlug, missionId } = input
  if (!SLUG_PATTERN.test(ticketSlug)) {
    throw new KittyError('mission-invalid', `The mission slug ${ticketSlug} is not kebab-case.`)
  }
  const missionSlug = `${ticketSlug.replace(NUMBERED_PREFIX, '')}-${mid8(missionId)}`
  return {
    dirName: missionSlug,
    missionDir: `kitty-specs/${missionSlug}`,
    missionSlug,
    branch: `${MISSION_BRANCH_PREFIX}${missionSlug}`
  }
}
