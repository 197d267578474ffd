import { missionOriginBoundEvent, nodeIdFor } from '../../src/events/envelope.js'
import type { MissionOriginBoundInput } from '../../src/events/envelope.js'
import type { OutboxEntry } from '../../src/events/outbox-entry.js'
import type { OutboxLog, OutboxStore } from '../../src/events/outbox.js'
import type { EventEnvelope } from '../../src/events/envelope.js'

/** The mission of the contract's example: WEB-123 bound to web-123-01M0M9D8. */
export function boundInput(
  overrides: Partial<MissionOriginBoundInput> = {}
): MissionOriginBoundInput {
  return {
    mission: {
      missionId: '01M0M9D8R83DDKSZ62QKGV3YW0',
      missionSlug: 'web-123-01M0M9D8',
      originTicket: {
        external_issue_id: '3f0c2a9e-8d41-4c5b-b6f7-1e2d3c4b5a69',
        external_issue_key: 'WEB-123',
        external_issue_url: 'https://linear.app/acme/issue/WEB-123/add-clerk-auth',
        provider: 'linear',
        resource_id: 'team-uuid',
        resource_type: 'linear_team',
        title: 'Add Clerk auth'
      }
    },
    eventId: '01JQ8Z6W3M4N5P6Q7R8S9T0V1W',
    nowMs: Date.UTC(2026, 3, 1, 12, 0, 0, 123),
    nodeId: nodeIdFor('acme/webapp'),
    repoSlug: 'acme/webapp',
    gitBranch: 'kitty-origin/web-123-01M0M9D8',
    headCommitSha: '4b825dc642cb6eb9a060e54bf8d69288fbee4904',
    project: { uuid: '6c2f0e4a-9d3b-4f1e-8a7c-5b2d1e0f9a84', slug: 'acme-web', buildId: null },
    teamSlug: null,
    saasOrigin: 'https://spec-kitty.example.com',
    ...overrides
  }
}

/** The n-th event of a run of distinct, valid events (ULIDs differ in their last characters). */
export function nthEvent(n: number): EventEnvelope {
  const eventId = `01JQ8Z6W3M4N5P6Q7R8S9T${String(n).padStart(4, '0')}`
  return missionOriginBoundEvent(boundInput({ eventId }))
}

/** A log that keeps every line by level. */
export interface RecordingLog extends OutboxLog {
  lines: { level: 'info' | 'warning' | 'error'; message: string }[]
}

/** A log that records its lines. */
export function recordingLog(): RecordingLog {
  const lines: RecordingLog['lines'] = []
  return {
    lines,
    info: message => lines.push({ level: 'info', message }),
    warning: message => lines.push({ level: 'warning', message }),
    error: message => lines.push({ level: 'error', message })
  }
}

/** An in-memory OutboxStore; `failNext` makes the next call of a method throw. */
export interface MemoryStore extends OutboxStore {
  /** Entries by event id; undefined when the outbox does not exist. */
  entries: Map<string, OutboxEntry> | undefined
  calls: string[]
  failNext: Set<'list' | 'put' | 'remove'>
}

/** An outbox in memory that behaves like the branch: absent until written, gone when emptied. */
export function memoryStore(initial?: OutboxEntry[]): MemoryStore {
  const store: MemoryStore = {
    entries:
      initial === undefined
        ? undefined
        : new Map(initial.map(entry => [entry.event.event_id, structuredClone(entry)])),
    calls: [],
    failNext: new Set(),
    list() {
      store.calls.push('list')
      if (store.failNext.delete('list')) return Promise.reject(new Error('list failed'))
      const entries = store.entries
      return Promise.resolve(
        entries === undefined ? null : [...entries.values()].map(entry => structuredClone(entry))
      )
    },
    put(entries) {
      store.calls.push('put')
      if (store.failNext.delete('put')) return Promise.reject(new Error('put failed'))
      store.entries ??= new Map()
      for (const entry of entries) store.entries.set(entry.event.event_id, structuredClone(entry))
      return Promise.resolve()
    },
    remove(eventIds) {
      store.calls.push('remove')
      if (store.failNext.delete('remove')) return Promise.reject(new Error('remove failed'))
      for (const id of eventIds) store.entries?.delete(id)
      if (store.entries?.size === 0) store.entries = undefined
      return Promise.resolve()
    }
  }
  return store
}

/** A queued entry of an event. */
export function queued(event: EventEnvelope, overrides: Partial<OutboxEntry> = {}): OutboxEntry {
  return {
    event,
    attempts: 1,
    first_queued_at: '2026-04-01T12:00:00.123Z',
    last_error: 'The Spec Kitty SaaS is unavailable (HTTP 503); try again later.',
    rejected: false,
    ...overrides
  }
}
