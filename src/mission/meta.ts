import { z } from 'zod'
import { KittyError, toKittyError } from '../errors.js'
import { OriginTicket } from '../origin/models.js'
import { mid8, type MissionNames, ULID_PATTERN } from './names.js'
import { pythonJsonPretty, type JsonValue } from './python-json.js'
import { collapseWhitespace, firstParagraph, pythonSplit } from './text.js'
import { pythonIsoUtc } from './timestamps.js'

/**
 * The meta.json kitty-origin writes: what `spec-kitty agent mission create --pr-bound` writes,
 * plus `origin_ticket`. `mission_number` is `null` (mid8) or an integer (numbered), never the
 * string `"004"`: spec-kitty 3.x's writer emits `int | null` (FR-044) and reads legacy strings
 * only to coerce them.
 */
export const MissionMeta = z.object({
  coordination_branch: z.string(),
  created_at: z.string(),
  flattened: z.boolean(),
  friendly_name: z.string(),
  mission_id: z.string(),
  mission_number: z.int().nullable(),
  mission_slug: z.string(),
  mission_type: z.string(),
  origin_ticket: OriginTicket,
  pr_bound: z.boolean(),
  purpose_context: z.string(),
  purpose_tldr: z.string(),
  slug: z.string(),
  target_branch: z.string(),
  topology: z.string()
})
/** A mission's meta.json (the keys kitty-origin writes). */
export type MissionMeta = z.infer<typeof MissionMeta>

/** What buildMeta needs; time comes in as epoch milliseconds. */
export interface MetaInput {
  missionId: string
  names: Pick<MissionNames, 'missionSlug' | 'missionNumber' | 'branch'>
  /** The ticket's title and, when the tracker has one, its body. */
  ticket: { title: string; body?: string | undefined }
  originTicket: OriginTicket
  missionType: string
  targetBranch: string
  nowMs: number
}

/** spec-kitty's `mission_slug` grammar: `NNN-<slug>` or `<slug>-<mid8>`. */
export const MISSION_SLUG_PATTERN =
  /^(?:\d{3}-[a-z0-9-]+|[a-z0-9]+(?:-[a-z0-9]+)*-[0-9A-HJKMNP-TV-Z]{8})$/

const MIN_PURPOSE_CONTEXT = 24

/**
 * A new mission's meta.json. `friendly_name` and `purpose_tldr` are the title with whitespace
 * collapsed (the ticket key when the title is blank); `purpose_context` is the body's first
 * paragraph when it has at least 24 characters, else spec-kitty's own default sentence.
 */
export function buildMeta(input: MetaInput): MissionMeta {
  const { names, originTicket, targetBranch } = input
  const friendlyName =
    collapseWhitespace(input.ticket.title) || collapseWhitespace(originTicket.external_issue_key)
  const paragraph = firstParagraph(input.ticket.body ?? '')
  const purposeContext =
    Array.from(paragraph).length >= MIN_PURPOSE_CONTEXT
      ? paragraph
      : `This mission advances ${friendlyName} on ${targetBranch} so stakeholders can track the work from mission creation onward.`
  return {
    coordination_branch: names.branch,
    created_at: pythonIsoUtc(input.nowMs),
    flattened: false,
    friendly_name: friendlyName,
    mission_id: input.missionId,
    mission_number: names.missionNumber === null ? null : Number(names.missionNumber),
    mission_slug: names.missionSlug,
    mission_type: input.missionType,
    origin_ticket: { ...originTicket },
    pr_bound: true,
    purpose_context: purposeContext,
    purpose_tldr: friendlyName,
    slug: names.missionSlug,
    target_branch: targetBranch,
    topology: 'coord'
  }
}

/** meta.json's bytes: Python's `json.dumps(meta, indent=2, ensure_ascii=False, sort_keys=True)` + newline. */
export function serializeMeta(meta: MissionMeta): string {
  return pythonJsonPretty(meta) + '\n'
}

const REQUIRED_FIELDS = [
  'created_at',
  'friendly_name',
  'mission_slug',
  'mission_type',
  'slug',
  'target_branch'
] as const

/**
 * Refuses a meta.json spec-kitty would reject or kitty-origin must not write: a blank required
 * field or purpose summary, a multi-line `purpose_tldr`, a slug outside spec-kitty's grammar,
 * a `mission_id` that is not a ULID (or whose `mid8` the slug does not carry), or an
 * `origin_ticket` that is not exactly the seven non-empty keys.
 */
export function validateMeta(meta: MissionMeta): void {
  const problem = findProblem(meta)
  if (problem !== null) throw new KittyError('mission-invalid', `meta.json ${problem}.`)
}

function findProblem(meta: MissionMeta): string | null {
  for (const field of REQUIRED_FIELDS) {
    if (pythonSplit(meta[field]).length === 0) return `needs a non-empty ${field}`
  }
  if (pythonSplit(meta.purpose_tldr).length === 0) return 'needs a non-blank purpose_tldr'
  if (pythonSplit(meta.purpose_context).length === 0) return 'needs a non-blank purpose_context'
  if (/[\r\n]/.test(meta.purpose_tldr.trim())) return 'needs a single-line purpose_tldr'
  for (const field of ['mission_slug', 'slug'] as const) {
    if (!MISSION_SLUG_PATTERN.test(meta[field])) {
      return `has ${field} ${meta[field]}, which is neither NNN-<slug> nor <slug>-<mid8>`
    }
  }
  if (!ULID_PATTERN.test(meta.mission_id)) return `has mission_id ${meta.mission_id}, not a ULID`
  const tail = meta.mission_slug.slice(-9)
  if (!/^\d{3}-/.test(meta.mission_slug) && tail !== `-${mid8(meta.mission_id)}`) {
    return `has mission_slug ${meta.mission_slug}, which does not end in the mission id's mid8`
  }
  if (!OriginTicket.safeParse(meta.origin_ticket).success) {
    return 'needs an origin_ticket of exactly the seven non-empty keys (provider, resource and issue)'
  }
  return null
}

/** The result of parseMeta: the meta, and whether the text is byte-for-byte what kitty-origin writes. */
export interface ParsedMeta {
  meta: MissionMeta
  /** True when re-serialising gives the same bytes (`serializeMeta(meta) === text`). */
  canonical: boolean
}

/**
 * Reads a meta.json (e.g. from a mission branch being resumed): parses, checks the shape and
 * validateMeta's rules. Returns a KittyError (code `mission-invalid`) instead of throwing.
 * Keys kitty-origin does not write are dropped from `meta` but count against `canonical`.
 */
export function parseMeta(text: string): ParsedMeta | KittyError {
  let raw: unknown
  try {
    raw = JSON.parse(text)
  } catch {
    return new KittyError('mission-invalid', 'meta.json is not valid JSON.')
  }
  const parsed = MissionMeta.safeParse(raw)
  if (!parsed.success) {
    const path = parsed.error.issues.map(issue => issue.path.join('.')).find(key => key !== '')
    return new KittyError(
      'mission-invalid',
      path === undefined
        ? 'meta.json is not a JSON object.'
        : `meta.json has a missing or mistyped ${path}.`,
      parsed.error.message
    )
  }
  try {
    validateMeta(parsed.data)
    return { meta: parsed.data, canonical: pythonJsonPretty(raw as JsonValue) + '\n' === text }
  } catch (error) {
    return toKittyError(error)
  }
}
