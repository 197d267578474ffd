import { KittyError } from '../errors.js'
import { parseMeta, pythonJsonPretty } from '../mission/index.js'
import type { JsonValue, MissionMeta } from '../mission/index.js'

/** One thing wrong with a mission, and the line of its file it points at (1-based). */
export interface Problem {
  message: string
  line: number
}

/** What meta.json alone says about a mission's provenance. */
export interface MetaCheck {
  /** False when meta.json has no `origin_ticket` (absent or null): not a kitty-origin mission. */
  hasOrigin: boolean
  /** The meta, when it parsed and passed spec-kitty's and kitty-origin's rules. */
  meta: MissionMeta | null
  problems: Problem[]
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

function lacksOrigin(value: unknown): boolean {
  if (value === null || typeof value !== 'object' || Array.isArray(value)) return false
  const origin = (value as Record<string, unknown>).origin_ticket
  return origin === undefined || origin === null
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
 * A meta.json without `origin_ticket` is not checked further: the caller decides whether that
 * is allowed.
 */
export function checkMeta(name: string, text: string, headRef: string): MetaCheck {
  const raw = parseJson(text)
  if (lacksOrigin(raw)) return { hasOrigin: false, meta: null, problems: [] }
  const parsed = parseMeta(text)
  if (parsed instanceof KittyError) {
    return { hasOrigin: true, meta: null, problems: [{ message: parsed.message, line: 1 }] }
  }
  const problems: Problem[] = []
  if (!parsed.canonical) {
    const line = firstDifferentLine(text, pythonJsonPretty(raw as JsonValue) + '\n')
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
  return { hasOrigin: true, meta: parsed.meta, problems }
}
