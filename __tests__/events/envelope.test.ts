import { decodeTime, isValid } from 'ulid'
import { describe, expect, it } from '@jest/globals'
import {
  missionOriginBoundEventId,
  missionOriginBoundEvent,
  nodeIdFor,
  validateEnvelopePayload
} from '../../src/events/envelope.js'
import { KittyError } from '../../src/errors.js'
import type { EventEnvelope } from '../../src/events/envelope.js'
import { EventHead, MissionOriginBoundPayload } from '../../sandbox/saas/schemas.js'
import { boundInput } from '../../__fixtures__/events/fakes.js'

const CONTRACT_BYTES =
  '{"event_id":"01JQ8Z6W3M4N5P6Q7R8S9T0V1W","event_type":"MissionOriginBound",' +
  '"aggregate_type":"Mission","aggregate_id":"01M0M9D8R83DDKSZ62QKGV3YW0",' +
  '"schema_version":"3.0.0","build_id":"ca80610c-8725-53ac-bd7f-93b740b5b116",' +
  '"payload":{"mission_slug":"web-123-01M0M9D8","mission_id":"01M0M9D8R83DDKSZ62QKGV3YW0",' +
  '"provider":"linear","external_issue_id":"3f0c2a9e-8d41-4c5b-b6f7-1e2d3c4b5a69",' +
  '"external_issue_key":"WEB-123",' +
  '"external_issue_url":"https://linear.app/acme/issue/WEB-123/add-clerk-auth",' +
  '"title":"Add Clerk auth"},' +
  '"node_id":"ae756c7686a6","lamport_clock":1,"causation_id":null,' +
  '"correlation_id":"01JQ8Z6W3M4N5P6Q7R8S9T0V1W",' +
  '"timestamp":"2026-04-01T12:00:00.123000+00:00","team_slug":null,' +
  '"project_uuid":"6c2f0e4a-9d3b-4f1e-8a7c-5b2d1e0f9a84","project_slug":"acme-web",' +
  '"git_branch":"kitty-origin/web-123-01M0M9D8",' +
  '"head_commit_sha":"4b825dc642cb6eb9a060e54bf8d69288fbee4904","repo_slug":"acme/webapp",' +
  '"type":"event","spec_kitty_delivery_identity":"01JQ8Z6W3M4N5P6Q7R8S9T0V1W",' +
  '"admission_generation":1,"binding_audience":"local-nonstrict:https://spec-kitty.example.com"}'

function withPayload(changes: Record<string, unknown>): unknown {
  const event = missionOriginBoundEvent(boundInput())
  return { ...event, payload: { ...event.payload, ...changes } }
}

function without(payloadKey: string): unknown {
  const event = missionOriginBoundEvent(boundInput())
  const payload = Object.fromEntries(
    Object.entries(event.payload).filter(([key]) => key !== payloadKey)
  )
  return { ...event, payload }
}

describe('missionOriginBoundEvent', () => {
  it('writes the contract envelope byte for byte, keys in the contract order', () => {
    expect(JSON.stringify(missionOriginBoundEvent(boundInput()))).toBe(CONTRACT_BYTES)
  })

  it('uses the event id as correlation id and the mission id as aggregate id', () => {
    const event = missionOriginBoundEvent(boundInput({ eventId: '01JQ8Z6W3M4N5P6Q7R8S9T0V2X' }))
    expect(event.correlation_id).toBe('01JQ8Z6W3M4N5P6Q7R8S9T0V2X')
    expect(event.aggregate_id).toBe(event.payload.mission_id)
  })

  it('writes a whole-second clock without a fraction, as Python isoformat does', () => {
    const event = missionOriginBoundEvent(boundInput({ nowMs: Date.UTC(2026, 3, 1, 12, 0, 0) }))
    expect(event.timestamp).toBe('2026-04-01T12:00:00+00:00')
  })

  it('derives build_id as spec-kitty does: uuid5 of the project uuid and the node id', () => {
    // Python: uuid5(uuid5(NAMESPACE_URL, "spec-kitty:identity:build_id"), f"{uuid}:{node}")
    expect(missionOriginBoundEvent(boundInput()).build_id).toBe(
      'ca80610c-8725-53ac-bd7f-93b740b5b116'
    )
  })

  it('takes build_id from the config when it names one, and lower-cases the project uuid', () => {
    const event = missionOriginBoundEvent(
      boundInput({
        project: { uuid: '6C2F0E4A-9D3B-4F1E-8A7C-5B2D1E0F9A84', slug: null, buildId: 'b-1' }
      })
    )
    expect(event).toMatchObject({
      build_id: 'b-1',
      project_uuid: '6c2f0e4a-9d3b-4f1e-8a7c-5b2d1e0f9a84',
      project_slug: null
    })
  })

  it('carries the private teamspace as team_slug and the SaaS origin as binding audience', () => {
    const event = missionOriginBoundEvent(
      boundInput({ teamSlug: 'pts_1', saasOrigin: 'http://127.0.0.1:9' })
    )
    expect(event).toMatchObject({
      team_slug: 'pts_1',
      binding_audience: 'local-nonstrict:http://127.0.0.1:9',
      type: 'event',
      admission_generation: 1,
      spec_kitty_delivery_identity: event.event_id
    })
  })

  it('refuses a project uuid that is not a UUID', () => {
    expect(() =>
      missionOriginBoundEvent(boundInput({ project: { uuid: 'acme', slug: null, buildId: null } }))
    ).toThrow(KittyError)
  })

  it('carries a numbered mission slug and a Jira provider', () => {
    const input = boundInput()
    input.mission = {
      ...input.mission,
      missionSlug: '004-fix-login',
      originTicket: { ...input.mission.originTicket, provider: 'jira' }
    }
    const event = missionOriginBoundEvent(input)
    expect(event.payload).toMatchObject({ mission_slug: '004-fix-login', provider: 'jira' })
  })

  it('throws a mission-invalid KittyError naming the field the SaaS would refuse', () => {
    const input = boundInput()
    input.mission = { ...input.mission, missionSlug: 'Web 123' }
    let thrown: unknown
    try {
      missionOriginBoundEvent(input)
    } catch (error) {
      thrown = error
    }
    expect(thrown).toBeInstanceOf(KittyError)
    expect(thrown).toMatchObject({ code: 'mission-invalid' })
    expect((thrown as KittyError).detail).toContain('payload.mission_slug')
  })
})

describe('validateEnvelopePayload', () => {
  it('accepts the envelope the builder makes', () => {
    expect(validateEnvelopePayload(missionOriginBoundEvent(boundInput()))).toBeNull()
  })

  it.each([
    ['an empty mission_slug', withPayload({ mission_slug: '' }), 'payload.mission_slug'],
    ['an upper-case slug', withPayload({ mission_slug: 'WEB-123-01M0M9D8' }), 'mission_slug'],
    ['a slug with a short mid8', withPayload({ mission_slug: 'web-123-01M0M9D' }), 'mission_slug'],
    [
      'a slug with I in its mid8',
      withPayload({ mission_slug: 'web-123-01M0M9DI' }),
      'mission_slug'
    ],
    ['an empty external_issue_id', withPayload({ external_issue_id: '' }), 'external_issue_id'],
    ['an empty external_issue_key', withPayload({ external_issue_key: '' }), 'external_issue_key'],
    ['an empty external_issue_url', withPayload({ external_issue_url: '' }), 'external_issue_url'],
    ['provider github', withPayload({ provider: 'github' }), 'payload.provider'],
    ['a missing external_issue_url', without('external_issue_url'), 'external_issue_url'],
    ['a missing title', without('title'), 'payload.title'],
    ['an empty title (spec-kitty case)', withPayload({ title: '' }), 'payload.title'],
    ['a mission_id that is not a ULID', withPayload({ mission_id: 'm-1' }), 'payload.mission_id'],
    ['a numeric title', withPayload({ title: 7 }), 'payload.title']
  ])('refuses %s', (_label, event, field) => {
    expect(validateEnvelopePayload(event)).toContain(field)
  })

  it.each<[string, Partial<EventEnvelope>, string]>([
    ['an event id that is not a ULID', { event_id: 'evt-1' }, 'event_id'],
    ['another event type', { event_type: 'X' as 'MissionOriginBound' }, 'event_type'],
    ['schema version 2', { schema_version: '2.0.0' as '3.0.0' }, 'schema_version'],
    ['an upper-case node id', { node_id: 'AE756C7686A6' }, 'node_id'],
    ['lamport clock 0', { lamport_clock: 0 }, 'lamport_clock'],
    ['a Z timestamp', { timestamp: '2026-04-01T12:00:00Z' }, 'timestamp'],
    ['an empty git branch', { git_branch: '' }, 'git_branch'],
    ['an empty head commit', { head_commit_sha: '' }, 'head_commit_sha'],
    ['a repo slug without owner', { repo_slug: 'webapp' }, 'repo_slug'],
    ['no project uuid', { project_uuid: null as unknown as string }, 'project_uuid'],
    ['an empty build id', { build_id: '' }, 'build_id'],
    [
      'another delivery identity',
      { spec_kitty_delivery_identity: '01JQ8Z6W3M4N5P6Q7R8S9T0V2X' },
      'spec_kitty_delivery_identity'
    ],
    ['an audience without the label', { binding_audience: 'https://x' }, 'binding_audience'],
    [
      'a correlation id of another event',
      { correlation_id: '01JQ8Z6W3M4N5P6Q7R8S9T0V2X' },
      'correlation_id'
    ],
    [
      'an aggregate id of another mission',
      { aggregate_id: '01JQ8Z6W3M4N5P6Q7R8S9T0V2X' },
      'aggregate_id'
    ]
  ])('refuses %s', (_label, changes, field) => {
    const event = { ...missionOriginBoundEvent(boundInput()), ...changes }
    expect(validateEnvelopePayload(event)).toContain(field)
  })

  it('refuses keys the contract does not have', () => {
    const event = { ...missionOriginBoundEvent(boundInput()), extra: 1 }
    expect(validateEnvelopePayload(event)).toContain('extra')
  })

  it('refuses something that is not an envelope at all', () => {
    expect(validateEnvelopePayload(null)).toMatch(/\S/)
  })
})

describe('the envelope against the sandbox SaaS checks', () => {
  it('passes the sandbox payload and head checks', () => {
    const event = missionOriginBoundEvent(boundInput())
    expect(EventHead.safeParse(event).success).toBe(true)
    expect(MissionOriginBoundPayload.safeParse(event.payload).success).toBe(true)
  })

  it.each([
    ['mission_slug', 'Not A Slug'],
    ['mission_slug', ''],
    ['provider', 'github'],
    ['external_issue_id', ''],
    ['external_issue_key', ''],
    ['external_issue_url', ''],
    ['mission_id', '']
  ])('refuses what the sandbox refuses: %s = %j', (key, value) => {
    const event = withPayload({ [key]: value }) as EventEnvelope
    expect(MissionOriginBoundPayload.safeParse(event.payload).success).toBe(false)
    expect(validateEnvelopePayload(event)).toContain(key)
  })
})

describe('nodeIdFor', () => {
  it('is 12 lowercase hex digits, fixed for a repository', () => {
    expect(nodeIdFor('acme/webapp')).toBe('ae756c7686a6')
    expect(nodeIdFor('acme/web')).toBe('f75a9e9b2027')
  })

  it('ignores the case of the repository name, as GitHub does', () => {
    expect(nodeIdFor('Acme/WebApp')).toBe(nodeIdFor('acme/webapp'))
  })
})

describe('missionOriginBoundEventId', () => {
  const missionId = '01M0M9D8R83DDKSZ62QKGV3YW0'

  it('is the same ULID for the same mission on every run, with the mission’s time', () => {
    const id = missionOriginBoundEventId(missionId)
    expect(missionOriginBoundEventId(missionId)).toBe(id)
    expect(isValid(id)).toBe(true)
    expect(decodeTime(id)).toBe(decodeTime(missionId))
  })

  it('differs between missions', () => {
    expect(missionOriginBoundEventId('01M0M9D8R83DDKSZ62QKGV3YW1')).not.toBe(
      missionOriginBoundEventId(missionId)
    )
  })
})
