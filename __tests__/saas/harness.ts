/** The routing, mission, ticket and event the SaaS client tests send, and how they catch errors. */
import { KittyError } from '../../src/errors.js'
import type { EventEnvelope } from '../../src/events/envelope.js'
import type { BindMission, BindTicket, IssueQuery, TrackerRoute } from '../../src/saas/types.js'

/** The Linear team's routing. */
export const linearRoute: TrackerRoute = { provider: 'linear', projectSlug: 'acme-web' }

/** A key query for WEB-123. */
export const keyQuery: IssueQuery = { kind: 'key', key: 'WEB-123' }

/** The mission of the binds in these tests. */
export const mission: BindMission = {
  repo: 'acme/web',
  missionId: '01M0M9D8R83DDKSZ62QKGV3YW0',
  missionSlug: 'web-123-01M0M9D8'
}

/** WEB-123 as a bind sends it. */
export function ticket(overrides: Partial<BindTicket> = {}): BindTicket {
  return {
    external_issue_id: '3f0c2a9e-8d41-4c5b-b6f7-1e2d3c4b5a69',
    external_issue_key: 'WEB-123',
    url: 'https://linear.app/acme/issue/WEB-123/add-clerk-auth',
    title: 'Add Clerk auth',
    status: 'In Progress',
    ...overrides
  }
}

/** A valid MissionOriginBound envelope. */
export function originEvent(overrides: Partial<EventEnvelope> = {}): EventEnvelope {
  const eventId = overrides.event_id ?? '01JQ8Z6W3M4N5P6Q7R8S9T0V1W'
  return {
    event_id: eventId,
    event_type: 'MissionOriginBound',
    aggregate_type: 'Mission',
    aggregate_id: '01M0M9D8R83DDKSZ62QKGV3YW0',
    schema_version: '3.0.0',
    build_id: '00d1b337-6e6d-57da-967d-f42156a4b5c5',
    payload: {
      mission_slug: 'web-123-01M0M9D8',
      mission_id: '01M0M9D8R83DDKSZ62QKGV3YW0',
      provider: 'linear',
      external_issue_id: '3f0c2a9e-8d41-4c5b-b6f7-1e2d3c4b5a69',
      external_issue_key: 'WEB-123',
      external_issue_url: 'https://linear.app/acme/issue/WEB-123/add-clerk-auth',
      title: 'Add Clerk auth'
    },
    node_id: '0a1b2c3d4e5f',
    lamport_clock: 1,
    causation_id: null,
    correlation_id: eventId,
    timestamp: '2026-04-01T12:00:00.123456+00:00',
    team_slug: null,
    project_uuid: '8a4a7da6-1c2b-4d3e-9f00-0123456789ab',
    project_slug: 'acme-web',
    git_branch: 'kitty-origin/web-123-01M0M9D8',
    head_commit_sha: '4b825dc642cb6eb9a060e54bf8d69288fbee4904',
    repo_slug: 'acme/web',
    type: 'event',
    spec_kitty_delivery_identity: eventId,
    admission_generation: 1,
    binding_audience: 'local-nonstrict:https://spec-kitty.example.com',
    ...overrides
  }
}

/** The KittyError a promise rejects with (fails the test when it resolves or throws otherwise). */
export async function rejectionOf(promise: Promise<unknown>): Promise<KittyError> {
  try {
    await promise
  } catch (error) {
    if (error instanceof KittyError) return error
    throw error
  }
  throw new Error('expected a KittyError, but the call succeeded')
}
