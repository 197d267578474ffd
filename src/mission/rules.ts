import { mid8, ULID_PATTERN } from './names.js'
import { pythonSplit } from './text.js'

/** spec-kitty's required meta.json fields (`MissionMetaRequired` in `mission_metadata.py`). */
const REQUIRED_FIELDS = [
  'created_at',
  'friendly_name',
  'mission_slug',
  'mission_type',
  'slug',
  'target_branch'
] as const

/** The fields spec-kitty checks only when present (`_PURPOSE_FIELDS`). */
const PURPOSE_FIELDS = ['purpose_tldr', 'purpose_context'] as const

/** spec-kitty's `mission_slug` grammar: `NNN-<slug>` or `<slug>-<mid8>`. */
export const MISSION_SLUG_PATTERN =
  /^(?:\d{3}-[a-z0-9-]+|[a-z0-9]+(?:-[a-z0-9]+)*-[0-9A-HJKMNP-TV-Z]{8})$/

/**
 * A timezone-aware ISO 8601 time, as spec-kitty's `now_utc_iso()` and kitty-origin write it
 * (`2025-03-01T08:00:00.000000+00:00`); Python's `datetime.fromisoformat` reads every one.
 */
const AWARE_ISO_TIME = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(?:\.\d{1,6})?(?:Z|[+-]\d{2}:\d{2})$/

/** A rule a meta.json breaks: what (after "meta.json"), and the key it is about. */
export interface MetaRuleBroken {
  /** E.g. `needs a non-empty target_branch`; reads after "meta.json ". */
  problem: string
  key: string
}

function isBlank(value: unknown): boolean {
  return typeof value !== 'string' || pythonSplit(value).length === 0
}

/**
 * The first of spec-kitty's rules for any mission's meta.json that `meta` breaks, or null: its
 * required fields non-empty, the purpose fields non-blank when present, both slugs in its
 * grammar, a ULID `mission_id` whose mid8 a `<slug>-<mid8>` name carries (every mission has one
 * since spec-kitty 3.1.1), an integer or null `mission_number`, a timezone-aware `created_at`.
 */
export function brokenMetaRule(meta: Record<string, unknown>): MetaRuleBroken | null {
  for (const key of REQUIRED_FIELDS) {
    if (isBlank(meta[key])) return { problem: `needs a non-empty ${key}`, key }
  }
  for (const key of PURPOSE_FIELDS) {
    if (key in meta && isBlank(meta[key])) return { problem: `needs a non-blank ${key}`, key }
  }
  for (const key of ['mission_slug', 'slug'] as const) {
    const value = meta[key] as string
    if (!MISSION_SLUG_PATTERN.test(value)) {
      return { problem: `has ${key} ${value}, which is neither NNN-<slug> nor <slug>-<mid8>`, key }
    }
  }
  const id = meta.mission_id
  if (typeof id !== 'string') {
    return {
      problem: 'needs a mission_id (spec-kitty gives every mission one since 3.1.1)',
      key: 'mission_id'
    }
  }
  if (!ULID_PATTERN.test(id))
    return { problem: `has mission_id ${id}, not a ULID`, key: 'mission_id' }
  const slug = meta.mission_slug as string
  if (!/^\d{3}-/.test(slug) && !slug.endsWith(`-${mid8(id)}`)) {
    return {
      problem: `has mission_slug ${slug}, which does not end in the mission id's mid8`,
      key: 'mission_slug'
    }
  }
  const number = meta.mission_number
  if (number !== undefined && number !== null && !Number.isInteger(number)) {
    return {
      problem: 'has a mission_number that is neither an integer nor null',
      key: 'mission_number'
    }
  }
  const created = meta.created_at as string
  if (!AWARE_ISO_TIME.test(created) || Number.isNaN(Date.parse(created))) {
    return {
      problem: `has created_at ${JSON.stringify(created)}, not an ISO 8601 time with a UTC offset`,
      key: 'created_at'
    }
  }
  return null
}
