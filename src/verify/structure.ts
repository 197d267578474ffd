import { MISSION_SLUG_PATTERN, mid8, pythonJsonPretty, ULID_PATTERN } from '../mission/index.js'
import type { JsonValue } from '../mission/index.js'
import { firstDifferentLine, lineOfKey } from './problem.js'
import type { Problem } from './problem.js'

/** spec-kitty's required meta.json fields (`MissionMetaRequired` in `mission_metadata.py`). */
const SPEC_KITTY_REQUIRED = [
  'created_at',
  'friendly_name',
  'mission_slug',
  'mission_type',
  'slug',
  'target_branch'
] as const

/** The fields spec-kitty checks only when present (`_PURPOSE_FIELDS`). */
const PURPOSE_FIELDS = ['purpose_tldr', 'purpose_context'] as const

/**
 * A timezone-aware ISO 8601 time, as spec-kitty's `now_utc_iso()` and kitty-origin write it
 * (`2025-03-01T08:00:00.000000+00:00`); Python's `datetime.fromisoformat` reads every one.
 */
const AWARE_ISO_TIME = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(?:\.\d{1,6})?(?:Z|[+-]\d{2}:\d{2})$/

function isBlank(value: unknown): boolean {
  return typeof value !== 'string' || value.trim() === ''
}

/** The first field rule the meta breaks, as a sentence, and the key it is about. */
function fieldProblem(meta: Record<string, unknown>): { message: string; key: string } | null {
  for (const key of SPEC_KITTY_REQUIRED) {
    if (isBlank(meta[key])) return { message: `meta.json needs a non-empty ${key}.`, key }
  }
  for (const key of PURPOSE_FIELDS) {
    if (key in meta && isBlank(meta[key])) {
      return { message: `meta.json has a blank or mistyped ${key}.`, key }
    }
  }
  for (const key of ['slug', 'mission_slug'] as const) {
    const value = meta[key] as string
    if (!MISSION_SLUG_PATTERN.test(value)) {
      return {
        message: `meta.json has ${key} ${value}, which is neither NNN-<slug> nor <slug>-<mid8>.`,
        key
      }
    }
  }
  const id = meta.mission_id
  if (typeof id !== 'string') {
    return {
      message: 'meta.json needs a mission_id (spec-kitty gives every mission one since 3.1.1).',
      key: 'mission_id'
    }
  }
  if (!ULID_PATTERN.test(id)) {
    return { message: `meta.json has mission_id ${id}, not a ULID.`, key: 'mission_id' }
  }
  const slug = meta.mission_slug as string
  if (!/^\d{3}-/.test(slug) && !slug.endsWith(`-${mid8(id)}`)) {
    return {
      message: `meta.json has mission_slug ${slug}, which does not end in the mission id's mid8.`,
      key: 'mission_slug'
    }
  }
  const number = meta.mission_number
  if (number !== undefined && number !== null && !Number.isInteger(number)) {
    return {
      message: 'meta.json has a mission_number that is neither an integer nor null.',
      key: 'mission_number'
    }
  }
  const created = meta.created_at as string
  if (!AWARE_ISO_TIME.test(created) || Number.isNaN(Date.parse(created))) {
    return {
      message: `meta.json has created_at ${JSON.stringify(created)}, not an ISO 8601 time with a UTC offset.`,
      key: 'created_at'
    }
  }
  return null
}

/**
 * The problem of a mission in kitty-origin's old shape, whose `coordination_branch` is the pull
 * request's own branch: spec-kitty fails on it (`COORDINATION_BRANCH_DELETED`) once that branch
 * is deleted after the merge. Checked with spec-kitty 3.2.6: `doctor coordination --fix` repairs
 * it only once the branch is gone and refuses while it exists, so the fix on the branch is by hand.
 */
function oldShapeProblem(meta: Record<string, unknown>, text: string, headRef: string) {
  if (meta.coordination_branch !== headRef) return null
  return {
    message:
      `meta.json is in kitty-origin's old shape: its coordination_branch is this pull request's own branch ${headRef}, ` +
      'so spec-kitty fails on the mission (COORDINATION_BRANCH_DELETED) once the branch is deleted after the merge. ' +
      'On this branch, remove the coordination_branch key and set topology to single_branch in meta.json ' +
      '(after the merge, `spec-kitty doctor coordination --fix` on the base branch does the same; it refuses while this branch exists).',
    line: lineOfKey(text, 'coordination_branch')
  }
}

/**
 * The structure every mission's meta.json must have, with or without `origin_ticket`: spec-kitty's
 * own rules (its required fields non-empty, purpose fields non-blank when present, slugs in its
 * grammar, a ULID `mission_id` whose mid8 a `<slug>-<mid8>` name carries, an integer or null
 * `mission_number`, a timezone-aware `created_at`) and what the pull request check adds: the
 * bytes spec-kitty's writer produces, `mission_slug` naming its own directory, and no
 * `coordination_branch` naming the pull request's own branch. Only the first field rule broken
 * is reported (the others often follow from it).
 */
export function structureProblems(
  name: string,
  meta: Record<string, unknown>,
  text: string,
  headRef: string
): Problem[] {
  const problems: Problem[] = []
  const field = fieldProblem(meta)
  if (field !== null) problems.push({ message: field.message, line: lineOfKey(text, field.key) })
  const expected = pythonJsonPretty(meta as JsonValue) + '\n'
  if (expected !== text) {
    const line = firstDifferentLine(text, expected)
    problems.push({
      message:
        "meta.json is not in spec-kitty's canonical form (keys sorted, two-space indent, " +
        `non-ASCII kept, one newline at the end); the first difference is on line ${line}.`,
      line
    })
  }
  const oldShape = oldShapeProblem(meta, text, headRef)
  if (oldShape !== null) problems.push(oldShape)
  if (typeof meta.mission_slug === 'string' && meta.mission_slug !== name) {
    problems.push({
      message: `meta.json has mission_slug ${meta.mission_slug}, but it lives in kitty-specs/${name}/.`,
      line: lineOfKey(text, 'mission_slug')
    })
  }
  return problems
}
