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
 * Checks the text of `kitty-specs/<name>/meta.json`: it parses and passes `parseMeta`
 * (spec-kitty's required keys, slug grammar, ULID, the seven `origin_ticket` keys), is
 * byte-for-byte canonical, and its `mission_slug` names its own directory. A meta.json without
 * `origin_ticket` is not checked further: the caller decides whether that is allowed.
 */
export function checkMeta(name: string, text: string): MetaCheck {
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
  if (parsed.meta.mission_slug !== name) {
    problems.push({
      message: `meta.json has mission_slug ${parsed.meta.mission_slug}, but it lives in kitty-specs/${name}/.`,
      line: lineOfKey(text, 'mission_slug')
    })
  }
  return { hasOrigin: true, meta: parsed.meta, problems }
}
