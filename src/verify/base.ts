import { pythonJsonPretty } from '../mission/index.js'
import type { JsonValue } from '../mission/index.js'
import { MISSIONS_ROOT } from './changes.js'
import { originOf } from './check.js'
import { lineOfKey } from './problem.js'
import type { Problem } from './problem.js'
import type { MissionsView } from './paths.js'
import type { VerifyPorts } from './ports.js'
import { settleAll } from '../settle-all.js'

/** What a changed mission's meta.json at the head says about who it is. */
export interface HeadIdentity {
  name: string
  missionId: string | null
  origin: JsonValue
  /** meta.json's text, for the lines problems point at. */
  text: string
}

/** What the base branch's meta.json of one mission directory says about who it is. */
export interface BaseIdentity {
  missionId: string | null
  origin: JsonValue
  /** A JSON object with neither mission_id nor origin_ticket: a mission from before spec-kitty 3.1.1. */
  legacy: boolean
}

/** Reads (once each) what the base branch's meta.json of a mission directory says; null when absent. */
export type BaseReader = (name: string) => Promise<BaseIdentity | null>

/** A directory named `<slug>-<mid8>`: its mission_id starts with those eight characters. */
const CURRENT_SHAPE = /^[a-z0-9]+(?:-[a-z0-9]+)*-([0-9A-HJKMNP-TV-Z]{8})$/
/** A directory of the older numbered layout (`NNN-<slug>`): its name says nothing of its id. */
const NUMBERED = /^\d{3}-/

function sameJson(a: JsonValue, b: JsonValue): boolean {
  return pythonJsonPretty(a) === pythonJsonPretty(b)
}

function parsedIdentity(text: string | null): BaseIdentity | null {
  if (text === null) return null
  let raw: unknown
  try {
    raw = JSON.parse(text)
  } catch {
    return { missionId: null, origin: null, legacy: false }
  }
  const object = raw !== null && typeof raw === 'object' && !Array.isArray(raw) ? raw : null
  const id = (object as { mission_id?: unknown } | null)?.mission_id
  const origin = originOf(raw)
  return {
    missionId: typeof id === 'string' ? id : null,
    origin,
    legacy: object !== null && (id ?? null) === null && origin === null
  }
}

/** A BaseReader of `kitty-specs/<name>/meta.json` at `baseRef`, each file read at most once. */
export function baseReader(ports: Pick<VerifyPorts, 'readFile'>, baseRef: string): BaseReader {
  const reads = new Map<string, Promise<BaseIdentity | null>>()
  return name => {
    let read = reads.get(name)
    if (read === undefined) {
      read = ports.readFile(`${MISSIONS_ROOT}/${name}/meta.json`, baseRef).then(parsedIdentity)
      reads.set(name, read)
    }
    return read
  }
}

/**
 * Base missions that could hold `missionId`: those named `<slug>-<mid8>` with its mid8 (the
 * structural check ties a name of that shape to its id), and those whose name does not say
 * (the numbered layout, or any other), which are read once per run.
 */
function candidatesFor(base: MissionsView, missionId: string, own: string): string[] {
  const mid8 = missionId.slice(0, 8)
  return [...base.entries.values()]
    .filter(entry => entry.kind === 'dir' && entry.path !== own)
    .map(entry => entry.path)
    .filter(name => {
      const shaped = CURRENT_SHAPE.exec(name)
      return shaped === null || NUMBERED.test(name) || shaped[1] === mid8
    })
}

/**
 * Compares every changed mission's identity with the base branch: a mission the base already
 * holds keeps its mission_id (one the base holds without an id may gain one, as `spec-kitty
 * migrate backfill-identity` gives it) and its origin_ticket (present or absent, byte for byte), a new
 * mission may not take the mission_id of another mission on the base (unless the pull request
 * moves that mission here, when its origin_ticket must stay), and no two missions of the pull
 * request share one. Reads one meta.json per changed mission the base holds, plus the base
 * missions whose name could carry the same id. Returns the problems by mission name.
 */
export async function compareWithBase(
  heads: readonly HeadIdentity[],
  views: { base: MissionsView; head: MissionsView },
  onBase: BaseReader
): Promise<Map<string, Problem[]>> {
  const problems = new Map<string, Problem[]>()
  const add = (name: string, problem: Problem): void => {
    problems.set(name, [...(problems.get(name) ?? []), problem])
  }
  for (const head of heads) {
    const where = `${MISSIONS_ROOT}/${head.name}/`
    const same = views.base.entries.get(head.name)?.kind === 'dir' ? await onBase(head.name) : null
    if (same !== null) {
      if (same.missionId !== null && same.missionId !== head.missionId) {
        add(head.name, {
          message: `meta.json changes the mission_id of ${where} from ${same.missionId} on the base branch to ${head.missionId ?? 'none'}; a mission keeps the id it was created with.`,
          line: lineOfKey(head.text, 'mission_id')
        })
      }
      if (!sameJson(same.origin, head.origin)) {
        add(head.name, {
          message: `meta.json changes the origin_ticket of ${where}, which the base branch holds with another; a mission keeps the ticket it was started from.`,
          line: lineOfKey(head.text, 'origin_ticket')
        })
      }
    }
    if (head.missionId === null || same?.missionId === head.missionId) continue
    const others = candidatesFor(views.base, head.missionId, head.name)
    const found = await settleAll(others.map(async name => ({ name, base: await onBase(name) })))
    for (const { name: other, base } of found) {
      if (base?.missionId !== head.missionId) continue
      const stays = views.head.entries.get(other)?.kind === 'dir'
      if (stays) {
        add(head.name, {
          message: `meta.json reuses the mission_id ${head.missionId} of ${MISSIONS_ROOT}/${other}/ on the base branch; every mission needs its own id.`,
          line: lineOfKey(head.text, 'mission_id')
        })
      } else if (!sameJson(base.origin, head.origin)) {
        add(head.name, {
          message: `meta.json changes the origin_ticket of the mission moved here from ${MISSIONS_ROOT}/${other}/; a mission keeps the ticket it was started from.`,
          line: lineOfKey(head.text, 'origin_ticket')
        })
      }
    }
  }
  for (const head of heads) {
    const twins = heads.filter(other => other !== head && other.missionId === head.missionId)
    if (head.missionId === null || twins.length === 0) continue
    add(head.name, {
      message: `meta.json has the mission_id ${head.missionId} of ${twins.map(twin => `${MISSIONS_ROOT}/${twin.name}/`).join(', ')} in this pull request too; every mission needs its own id.`,
      line: lineOfKey(head.text, 'mission_id')
    })
  }
  return problems
}
