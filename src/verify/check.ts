import { KittyError } from '../errors.js'
import { parseMeta } from '../mission/index.js'
import type { JsonValue, MissionMeta } from '../mission/index.js'
import type { Problem } from './problem.js'
import { structureProblems } from './structure.js'

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
  /** A mission from before spec-kitty's mission ids, unchanged in that: reported, not checked. */
  legacy: boolean
  problems: Problem[]
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
 * Checks the text of `kitty-specs/<name>/meta.json`. Every mission is held to the structure
 * `structureProblems` states; one with an `origin_ticket` must also pass `parseMeta` (the keys
 * spec-kitty writes for a PR-bound mission, and the seven origin keys), the only rules excused
 * when it has none. A mission the base branch already holds without a `mission_id`
 * (`legacyOnBase`) that still has neither an id nor an origin predates spec-kitty's mission ids
 * (3.1.1; spec-kitty calls it legacy and reads it as it is): it is reported, not checked.
 * Whether a mission may lack an origin is the caller's decision.
 */
export function checkMeta(
  name: string,
  text: string,
  headRef: string,
  legacyOnBase = false
): MetaCheck {
  const raw = parseJson(text)
  const object = asObject(raw)
  const origin = originOf(raw)
  const missionId = typeof object?.mission_id === 'string' ? object.mission_id : null
  const found = { missionId, origin, legacy: false }
  if (object === null) {
    const message =
      raw === undefined ? 'meta.json is not valid JSON.' : 'meta.json is not a JSON object.'
    return { ...found, hasOrigin: true, meta: null, problems: [{ message, line: 1 }] }
  }
  if (origin === null) {
    if (legacyOnBase && (object.mission_id ?? null) === null) {
      return { ...found, hasOrigin: false, meta: null, problems: [], legacy: true }
    }
    return {
      ...found,
      hasOrigin: false,
      meta: null,
      problems: structureProblems(name, object, text, headRef)
    }
  }
  const parsed = parseMeta(text)
  if (parsed instanceof KittyError) {
    return {
      ...found,
      hasOrigin: true,
      meta: null,
      problems: [{ message: parsed.message, line: 1 }]
    }
  }
  return {
    ...found,
    hasOrigin: true,
    meta: parsed.meta,
    problems: structureProblems(name, object, text, headRef)
  }
}
