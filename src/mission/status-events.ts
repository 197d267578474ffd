import type { MissionMeta } from './meta.js'
import { pythonJsonLine } from './python-json.js'
import { pythonIsoUtc, pythonIsoUtcZ } from './timestamps.js'

/** The lifecycle schema version spec-kitty 3.x writes into `status.events.jsonl`. */
export const LIFECYCLE_SCHEMA_VERSION = '5.0.0'

/** The `actor` of the SpecifyStarted event kitty-origin records. */
export const SPECIFY_ACTOR = 'kitty-origin'

/** What lifecycleEventsJsonl needs; ids and time are inputs so the output is reproducible. */
export interface LifecycleEventsInput {
  meta: MissionMeta
  /** ULIDs for MissionCreated and SpecifyStarted, in that order. */
  eventIds: readonly [string, string]
  nowMs: number
  /** `project.uuid` / `project.slug` from `.kittify/config.yaml`, null when absent. */
  project: { uuid: string | null; slug: string | null }
}

/**
 * The two lines of a new mission's `status.events.jsonl`, MissionCreated then SpecifyStarted,
 * each Python's `json.dumps(event, sort_keys=True)` plus a newline. As in the contract,
 * MissionCreated is keyed by `mission_id` and carries the config's project, while
 * SpecifyStarted is keyed by `mission_slug` with a null project.
 */
export function lifecycleEventsJsonl(input: LifecycleEventsInput): string {
  const { meta, eventIds, nowMs, project } = input
  const timestamp = pythonIsoUtc(nowMs)
  const missionCreated = {
    aggregate_id: meta.mission_id,
    aggregate_type: 'Mission',
    event_id: eventIds[0],
    event_type: 'MissionCreated',
    payload: {
      created_at: meta.created_at,
      friendly_name: meta.friendly_name,
      mission_id: meta.mission_id,
      mission_number: meta.mission_number,
      mission_slug: meta.mission_slug,
      mission_type: meta.mission_type,
      purpose_context: meta.purpose_context,
      purpose_tldr: meta.purpose_tldr,
      target_branch: meta.target_branch,
      wp_count: 0
    },
    project_slug: project.slug,
    project_uuid: project.uuid,
    schema_version: LIFECYCLE_SCHEMA_VERSION,
    timestamp
  }
  const specifyStarted = {
    aggregate_id: meta.mission_slug,
    aggregate_type: 'Mission',
    event_id: eventIds[1],
    event_type: 'SpecifyStarted',
    payload: {
      actor: SPECIFY_ACTOR,
      artifact_path: `kitty-specs/${meta.mission_slug}/spec.md`,
      at: pythonIsoUtcZ(nowMs),
      mission_number: meta.mission_number,
      mission_slug: meta.mission_slug
    },
    project_slug: null,
    project_uuid: null,
    schema_version: LIFECYCLE_SCHEMA_VERSION,
    timestamp
  }
  return `${pythonJsonLine(missionCreated)}\n${pythonJsonLine(specifyStarted)}\n`
}
