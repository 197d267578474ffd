import { KittyError } from '../errors.js'
import { parseMeta, pythonJsonPretty } from '../mission/index.js'
import type { JsonValue, MissionMeta } from '../mission/index.js'

/** One thing wrong with a mission, and the line of its file it points at (1-based). */
export interface Problem {
  message: string
  line: number
  /** The file the problem is about, when it is not the mission's meta.json. */
  file?: string
}

/** What meta.json alone says about a mission's provenance. */
export interface MetaCheck {
  /** False when meta.json has no `origin_ticket` (absent or null): not a kitty-origin mission. */
  hasOrigin: boolean
  /** The meta, when it has an origin_ticket and passed spec-kitty's and kitty-origin's rules. */
  meta: MissionMeta | null
  /** The mission_id meta.json states (a string), whether or not the rest passed. */
  missionId: string | null
  /** meta.json's origin_ticket as written (null when absent), for comparing with the base. */
  origin: JsonValue
  problems: Problem[]
}

/**
 * A well-formed origin_ticket put in for an absent one, so that a mission without origin is held
 * to every other rule by the same code (`parseMeta`); it never reaches a result or a message.
 */
const STAND_IN_ORIGIN = {
  provider: 'linear',
  resource_type: 'team',
  resource_id: 'stand-in',
  external_issue_id: 'stand-in',
  external_issue_key: 'STAND-1',
  external_issue_url: 'https://example.invalid/STAND-1',
  title: 'stand-in'
}

/** The 1-based line of the first `"key":` in a JSON text; 1 when the key is not there. */
export function lineOfKey(text: string, key: string): number {
  const at = text.indexOf(`${JSON.stringify(key)}:`)
  return at < 0 ? 1 : text.slice(0, at).split('\n').length
}

/**
 * The 1-based line where `actual` first differs from `expected`; its last line when `actual` is
 * a prefix or the difference lies after its final newline.
 */
export function firstDifferentLine(actual: string, expected: string): number {
  const a = actual.split('\n')
  const b = expected.split('\n')
  const index = a.findIndex((line, at) => line !== b[at])
  const lastLine = Math.max(1, actual.endsWith('\n') ? a.length - 1 : a.length)
  return Math.min(index < 0 ? a.length : index + 1, lastLine)
}

function parseJson(text: string): unknown {
  try {
    return JSON.parse(text) as unknown
  } catch {
    return undefined
  }
}

function asObject(value: unknown): Record<string, unknown> | null {
  return value !== null && typeof value === 'object' && !Array.isArray(value)
    ? (value as Record<string, unknown>)
    : null
}

/** The origin_ticket of a parsed meta.json as written; null when absent. */
export function originOf(raw: unknown): JsonValue {
  return (asObject(raw)?.origin_ticket ?? null) as JsonValue
}

/**
 * The problem of a mission in kitty-origin's old shape, whose `coordination_branch` is the pull
 * request's own branch: spec-kitty fails on it (`COORDINATION_BRANCH_DELETED`) once that branch
 * is deleted after the merge. Checked with spec-kitty 3.2.6: `doctor coordination --fix` repairs
 * it only once the branch is gone and refuses while it exists, so the fix on the branch is by hand.
 */
function oldShapeProblem(raw: unknown, text: string, headRef: string): Problem | null {
  const coordination = (raw as Record<string, unknown>).coordination_branch
  if (coordination !== headRef) return null
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
 * Checks the text of `kitty-specs/<name>/meta.json`: it parses and passes `parseMeta`
 * (spec-kitty's required keys, slug grammar, ULID, the seven `origin_ticket` keys), is
 * byte-for-byte canonical, its `mission_slug` names its own directory, and its
 * `coordination_branch` (if any) is not the pull request's own branch `headRef` (the old shape).
 * Every rule applies to a meta.json without `origin_ticket` too, except the origin's own:
 * whether a mission may lack one is the caller's decision.
 */
export function checkMeta(name: string, text: string, headRef: string): MetaCheck {
  const raw = parseJson(text)
  const object = asObject(raw)
  const origin = originOf(raw)
  const hasOrigin = object === null || origin !== null
  const missionId = typeof object?.mission_id === 'string' ? object.mission_id : null
  const parsed = parseMeta(
    hasOrigin ? text : JSON.stringify({ ...object, origin_ticket: STAND_IN_ORIGIN })
  )
  if (parsed instanceof KittyError) {
    return {
      hasOrigin,
      meta: null,
      missionId,
      origin,
      problems: [{ message: parsed.message, line: 1 }]
    }
  }
  const problems: Problem[] = []
  const expected = pythonJsonPretty(raw as JsonValue) + '\n'
  if (expected !== text) {
    const line = firstDifferentLine(text, expected)
    problems.push({
      message:
        "meta.json is not in spec-kitty's canonical form (keys sorted, two-space indent, " +
        `non-ASCII kept, one newline at the end); the first difference is on line ${line}.`,
      line
    })
  }
  const oldShape = oldShapeProblem(raw, text, headRef)
  if (oldShape !== null) problems.push(oldShape)
  if (parsed.meta.mission_slug !== name) {
    problems.push({
      message: `meta.json has mission_slug ${parsed.meta.mission_slug}, but it lives in kitty-specs/${name}/.`,
      line: lineOfKey(text, 'mission_slug')
    })
  }
  return { hasOrigin, meta: hasOrigin ? parsed.meta : null, missionId, origin, problems }
}
