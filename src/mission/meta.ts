import { z } from 'zod'
import { KittyError, toKittyError } from '../errors.js'
import type { MissionNames } from './names.js'
import { brokenMetaRule } from './rules.js'
import { pythonJsonPretty, type JsonValue } from './python-json.js'
import { codePointLength, collapseWhitespace, paragraphs } from './text.js'
import { OriginTicket } from './ticket.js'
import { pythonIsoUtc } from './timestamps.js'

/**
 * A mission's meta.json as kitty-origin reads it: the keys `spec-kitty agent mission create
 * --pr-bound --topology single_branch` writes, plus `origin_ticket`. Reading is broader than
 * writing (buildMeta): a mission spec-kitty made may be numbered (`mission_number` an integer,
 * never the string `"004"`: spec-kitty 3.x's writer emits `int | null`) or have another topology.
 */
export const MissionMeta = z.object({
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

/** The topology of every mission kitty-origin writes: no coordination branch, ever. */
export const MISSION_TOPOLOGY = 'single_branch'

/** What buildMeta needs; time comes in as epoch milliseconds. */
export interface MetaInput {
  missionId: string
  names: Pick<MissionNames, 'missionSlug' | 'branch'>
  /** The ticket's title and, when the tracker has one, its body. */
  ticket: { title: string; body?: string | undefined }
  originTicket: OriginTicket
  missionType: string
  nowMs: number
}

/** spec-kitty's shortest explanatory paragraph (`tracker/origin.py`). */
const MIN_PURPOSE_CONTEXT = 24

/**
 * `purpose_context`: the first paragraph of the ticket body with at least 24 characters,
 * searching all paragraphs, whitespace collapsed (spec-kitty's `_derive_ticket_summary`). Where
 * spec-kitty refuses a ticket without one, kitty-origin writes spec-kitty's default sentence.
 */
export function purposeContext(
  body: string | undefined,
  friendlyName: string,
  targetBranch: string
): string {
  const found = paragraphs(body ?? '').find(
    paragraph => codePointLength(paragraph) >= MIN_PURPOSE_CONTEXT
  )
  return (
    found ??
    `This mission advances ${friendlyName} on ${targetBranch} so stakeholders can track the work from mission creation onward.`
  )
}

/**
 * A new mission's meta.json in the shape spec-kitty writes for a mission that lives on a
 * feature branch: `topology: single_branch` with no `coordination_branch` key, never flattened,
 * PR-bound, and `target_branch` the mission branch (the PR's head), where spec-kitty commits
 * planning files and `spec-kitty merge` lands. `friendly_name` and `purpose_tldr` are the title
 * with whitespace collapsed (the ticket key when the title is blank); see purposeContext.
 */
export function buildMeta(input: MetaInput): MissionMeta {
  const { names, originTicket } = input
  const friendlyName =
    collapseWhitespace(input.ticket.title) || collapseWhitespace(originTicket.external_issue_key)
  return {
    created_at: pythonIsoUtc(input.nowMs),
    flattened: false,
    friendly_name: friendlyName,
    mission_id: input.missionId,
    mission_number: null,
    mission_slug: names.missionSlug,
    mission_type: input.missionType,
    origin_ticket: { ...originTicket },
    pr_bound: true,
    purpose_context: purposeContext(input.ticket.body, friendlyName, names.branch),
    purpose_tldr: friendlyName,
    slug: names.missionSlug,
    target_branch: names.branch,
    topology: MISSION_TOPOLOGY
  }
}

/** meta.json's bytes: Python's `json.dumps(meta, indent=2, ensure_ascii=False, sort_keys=True)` + newline. */
export function serializeMeta(meta: MissionMeta): string {
  return pythonJsonPretty(meta) + '\n'
}

/**
 * Refuses a meta.json spec-kitty would reject or kitty-origin must not write: one that breaks
 * spec-kitty's rules for any mission (`brokenMetaRule`, which also refuses a blank purpose
 * summary), a multi-line `purpose_tldr`, or an `origin_ticket` that is not exactly the seven
 * non-empty keys.
 */
export function validateMeta(meta: MissionMeta): void {
  const problem = findProblem(meta)
  if (problem !== null) throw new KittyError('mission-invalid', `meta.json ${problem}.`)
}

function findProblem(meta: MissionMeta): string | null {
  const broken = brokenMetaRule(meta)
  if (broken !== null) return broken.problem
  if (/[\r\n]/.test(meta.purpose_tldr.trim())) return 'needs a single-line purpose_tldr'
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

/** The `origin_ticket` keys absent from a parsed meta.json's object, sorted as spec-kitty lists them. */
function missingOriginKeys(raw: unknown): string[] {
  const origin: unknown = (raw as { origin_ticket?: unknown } | null)?.origin_ticket
  if (typeof origin !== 'object' || origin === null || Array.isArray(origin)) return []
  return Object.keys(OriginTicket.shape)
    .filter(key => !(key in origin))
    .sort()
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
    const missing = missingOriginKeys(raw)
    const path = parsed.error.issues.map(issue => issue.path.join('.')).find(key => key !== '')
    return new KittyError(
      'mission-invalid',
      missing.length > 0
        ? `meta.json's origin_ticket is missing ${missing.join(', ')}.`
        : path === undefined
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
