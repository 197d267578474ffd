import { createHash } from 'node:crypto'
import { decodeTime } from 'ulid'
import { z } from 'zod'
import { KittyError } from '../errors.js'
import { MISSION_SLUG_PATTERN } from '../mission/rules.js'
import { ULID_PATTERN, ulidFromParts } from '../mission/names.js'
import { pythonIsoUtc } from '../mission/timestamps.js'
import { OriginTicket, Provider } from '../origin/models.js'
import { deriveBuildId, UUID_PATTERN } from './uuid5.js'

/** The label hashed with the repository into its node id, so ids are ours and stable. */
const NODE_ID_LABEL = 'kitty-origin/node-id/v1'

/** `owner/repo`: two non-empty parts without slashes or whitespace. */
const REPO_SLUG_PATTERN = /^[^/\s]+\/[^/\s]+$/

/** The label spec-kitty's dispatcher gives a self-admitted delivery target. */
export const LOCAL_AUDIENCE_PREFIX = 'local-nonstrict:'

/** The admission generation of spec-kitty's local self-admission. */
export const LOCAL_ADMISSION_GENERATION = 1

const nonEmpty = z.string().min(1)
const ulid = z.string().regex(ULID_PATTERN, 'is not a ULID')

/** The payload of `MissionOriginBound` (spec-kitty-events' `MissionOriginBoundPayload`). */
export const MissionOriginBoundPayload = z.strictObject({
  mission_slug: z.string().regex(MISSION_SLUG_PATTERN, 'is neither NNN-<slug> nor <slug>-<mid8>'),
  mission_id: ulid,
  provider: Provider,
  external_issue_id: nonEmpty,
  external_issue_key: nonEmpty,
  external_issue_url: nonEmpty,
  title: nonEmpty
})

/**
 * A whole `MissionOriginBound` envelope as kitty-origin sends it and the outbox stores it: the
 * keys of spec-kitty's emitter, then the four its delivery dispatcher adds. The one definition
 * of the shape; the type and the outbox's key order are derived from it.
 */
export const MissionOriginBoundEnvelope = z.strictObject({
  event_id: ulid,
  event_type: z.literal('MissionOriginBound'),
  aggregate_type: z.literal('Mission'),
  aggregate_id: ulid,
  schema_version: z.literal('3.0.0'),
  build_id: nonEmpty,
  payload: MissionOriginBoundPayload,
  node_id: z.string().regex(/^[0-9a-f]{12}$/, 'is not 12 lowercase hex digits'),
  lamport_clock: z.number().int().min(1),
  causation_id: z.null(),
  correlation_id: ulid,
  timestamp: z
    .string()
    .regex(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(?:\.\d{6})?\+00:00$/, 'is not ISO 8601 UTC'),
  team_slug: z.string().min(1).nullable(),
  project_uuid: z.string().regex(UUID_PATTERN, 'is not a lower-case UUID'),
  project_slug: z.string().min(1).nullable(),
  git_branch: nonEmpty,
  head_commit_sha: nonEmpty,
  repo_slug: z.string().regex(REPO_SLUG_PATTERN, 'is not owner/repo'),
  type: z.literal('event'),
  spec_kitty_delivery_identity: ulid,
  admission_generation: z.literal(LOCAL_ADMISSION_GENERATION),
  binding_audience: z
    .string()
    .regex(/^local-nonstrict:https?:\/\/[^/\s]+$/, 'is not local-nonstrict:<saas origin>')
})
/** The event envelope sent to `POST /api/v1/events/batch/` (sync protocol 2.0). */
export type EventEnvelope = z.infer<typeof MissionOriginBoundEnvelope>

/** The spec-kitty project an event belongs to, from `.kittify/config.yaml`. */
export interface EventProject {
  /** `project.uuid`, a UUID (any case). */
  uuid: string
  slug: string | null
  /** `project.build_id`; derived as spec-kitty does when absent. */
  buildId: string | null
}

/** What missionOriginBoundEvent needs: the bound mission, ids, time and where it lives. */
export interface MissionOriginBoundInput {
  mission: { missionId: string; missionSlug: string; originTicket: OriginTicket }
  /** The event id, from missionOriginBoundEventId. */
  eventId: string
  nowMs: number
  /** From nodeIdFor(repoSlug). */
  nodeId: string
  /** `owner/repo`. */
  repoSlug: string
  /** The mission branch the files were committed on. */
  gitBranch: string
  /** The commit that holds the mission files. */
  headCommitSha: string
  project: EventProject
  /** The token user's private teamspace id, or null when it cannot be told. */
  teamSlug: string | null
  /** The SaaS's normalised origin (scheme://host[:port]). */
  saasOrigin: string
}

/**
 * The event id of a mission's `MissionOriginBound`: a ULID with the mission's time and bits of a
 * hash of its id, so every run that reports the same mission sends the same event and the SaaS
 * answers the repeats as `duplicate`.
 */
export function missionOriginBoundEventId(missionId: string): string {
  const random = createHash('sha256')
    .update(`kitty-origin/MissionOriginBound/v1\n${missionId}`)
    .digest()
  return ulidFromParts(decodeTime(missionId), random.subarray(0, 10))
}

/**
 * The node id of a repository: 12 lowercase hex digits of SHA-256 over a label and the
 * lower-cased `owner/repo` (GitHub names are case-insensitive), the same on every runner.
 */
export function nodeIdFor(repoSlug: string): string {
  return createHash('sha256')
    .update(`${NODE_ID_LABEL}\n${repoSlug.toLowerCase()}`)
    .digest('hex')
    .slice(0, 12)
}

function describe(error: z.ZodError): string {
  return error.issues
    .map(issue => (issue.path.length > 0 ? `${issue.path.join('.')} ` : '') + issue.message)
    .join('; ')
}

/**
 * Why the SaaS would refuse this envelope, or null when it is fine: the schema, and the ties
 * between its fields (`correlation_id` and `spec_kitty_delivery_identity` are the event id,
 * `aggregate_id` the mission id). Checked before an event is sent or queued, so no poison event
 * ever waits in the outbox.
 */
export function validateEnvelopePayload(event: unknown): string | null {
  const parsed = MissionOriginBoundEnvelope.safeParse(event)
  if (!parsed.success) return describe(parsed.error)
  const envelope = parsed.data
  if (envelope.correlation_id !== envelope.event_id) return 'correlation_id is not the event_id'
  if (envelope.spec_kitty_delivery_identity !== envelope.event_id) {
    return 'spec_kitty_delivery_identity is not the event_id'
  }
  if (envelope.aggregate_id !== envelope.payload.mission_id) {
    return 'aggregate_id is not the payload mission_id'
  }
  return null
}

/** The `MissionOriginBound` envelope of the contract; throws when it would be refused. */
export function missionOriginBoundEvent(input: MissionOriginBoundInput): EventEnvelope {
  const { mission, eventId, project } = input
  const ticket = mission.originTicket
  const projectUuid = project.uuid.toLowerCase()
  const envelope: EventEnvelope = {
    event_id: eventId,
    event_type: 'MissionOriginBound',
    aggregate_type: 'Mission',
    aggregate_id: mission.missionId,
    schema_version: '3.0.0',
    build_id: project.buildId ?? deriveBuildId(projectUuid, input.nodeId),
    payload: {
      mission_slug: mission.missionSlug,
      mission_id: mission.missionId,
      provider: ticket.provider,
      external_issue_id: ticket.external_issue_id,
      external_issue_key: ticket.external_issue_key,
      external_issue_url: ticket.external_issue_url,
      title: ticket.title
    },
    node_id: input.nodeId,
    lamport_clock: 1,
    causation_id: null,
    correlation_id: eventId,
    timestamp: pythonIsoUtc(input.nowMs),
    team_slug: input.teamSlug,
    project_uuid: projectUuid,
    project_slug: project.slug,
    git_branch: input.gitBranch,
    head_commit_sha: input.headCommitSha,
    repo_slug: input.repoSlug,
    type: 'event',
    spec_kitty_delivery_identity: eventId,
    admission_generation: LOCAL_ADMISSION_GENERATION,
    binding_audience: `${LOCAL_AUDIENCE_PREFIX}${input.saasOrigin}`
  }
  const problem = validateEnvelopePayload(envelope)
  if (problem !== null) {
    throw new KittyError(
      'mission-invalid',
      `The MissionOriginBound event of mission ${mission.missionSlug} is not valid; see the run log.`,
      problem
    )
  }
  return envelope
}
