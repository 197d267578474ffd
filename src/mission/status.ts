import { pythonJsonPretty } from './python-json.js'

/** The nine lanes spec-kitty's status reducer counts, all empty in a new mission. */
const LANES = [
  'approved',
  'blocked',
  'canceled',
  'claimed',
  'done',
  'for_review',
  'in_progress',
  'in_review',
  'planned'
] as const

/**
 * A new mission's `status.json`: what `spec-kitty agent status materialize` writes for a mission
 * whose event log holds no work-package event yet, so `agent status validate` passes from the
 * start. The empty `mission_slug`, `mission_number` and `materialized_at` are spec-kitty's own
 * for a log without status events. Serialised like meta.json.
 */
export function freshStatusJson(missionType: string): string {
  const status = {
    event_count: 0,
    last_event_id: null,
    materialized_at: '',
    mission_number: '',
    mission_slug: '',
    mission_type: missionType,
    summary: Object.fromEntries(LANES.map(lane => [lane, 0])),
    work_packages: {}
  }
  return pythonJsonPretty(status) + '\n'
}
