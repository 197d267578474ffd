import { describe, expect, it } from '@jest/globals'
import { drainOutbox, emitWithOutbox } from '../../src/events/outbox.js'
import { KittyError } from '../../src/errors.js'
import type { EventEnvelope } from '../../src/events/envelope.js'
import type { EventResult } from '../../src/saas/types.js'
import { memoryStore, nthEvent, queued, recordingLog } from '../../__fixtures__/events/fakes.js'

const NOW = Date.UTC(2026, 3, 2, 9, 30, 0, 5)
const unavailable = new KittyError(
  'saas-unavailable',
  'The Spec Kitty SaaS is unavailable (HTTP 503); try again later.',
  undefined,
  { retryable: true }
)
const mismatch = new KittyError('saas-protocol-mismatch', 'The SaaS refused the protocol (412).')

/** A SaaS fake: answers `status` (per event id, else `fallback`), or throws `error`. */
function saasFake(options: {
  error?: Error
  fallback?: EventResult['status']
  status?: Record<string, EventResult['status']>
}) {
  const batches: string[][] = []
  return {
    batches,
    sendEvents(events: EventEnvelope[]) {
      batches.push(events.map(event => event.event_id))
      if (options.error !== undefined) return Promise.reject(options.error)
      return Promise.resolve(
        events.map(event => {
          const status = options.status?.[event.event_id] ?? options.fallback ?? 'success'
          return status === 'rejected'
            ? { event_id: event.event_id, status, error: 'payload: bad' }
            : { event_id: event.event_id, status }
        })
      )
    }
  }
}

describe('emitWithOutbox', () => {
  it('delivers and writes nothing to the outbox when the SaaS takes the events', async () => {
    const store = memoryStore()
    const result = await emitWithOutbox([nthEvent(1)], {
      saas: saasFake({}),
      store,
      log: recordingLog()
    })
    expect(result).toEqual({ delivered: 1, queued: 0, rejected: [], lost: [], dropped: [] })
    expect(store.calls).toEqual([])
  })

  it('queues the events the SaaS could not take, with one attempt and the error', async () => {
    const store = memoryStore()
    const log = recordingLog()
    const result = await emitWithOutbox([nthEvent(1), nthEvent(2)], {
      saas: saasFake({ error: unavailable }),
      store,
      log,
      now: () => NOW
    })
    expect(result).toEqual({ delivered: 0, queued: 2, rejected: [], lost: [], dropped: [] })
    expect(store.entries?.get(nthEvent(1).event_id)).toEqual({
      event: nthEvent(1),
      attempts: 1,
      first_queued_at: '2026-04-02T09:30:00.005Z',
      last_error: unavailable.message,
      rejected: false
    })
    expect(store.entries?.size).toBe(2)
    expect(log.lines).toContainEqual({
      level: 'warning',
      message: expect.stringContaining('Queued 2 event(s) in the kitty-origin/outbox branch')
    })
  })

  it('queues only the event the SaaS did not answer for', async () => {
    const store = memoryStore()
    const saas = {
      sendEvents: () =>
        Promise.resolve([{ event_id: nthEvent(2).event_id, status: 'success' as const }])
    }
    const result = await emitWithOutbox([nthEvent(1), nthEvent(2)], {
      saas,
      store,
      log: recordingLog()
    })
    expect(result).toMatchObject({ delivered: 1, queued: 1 })
    expect([...(store.entries?.keys() ?? [])]).toEqual([nthEvent(1).event_id])
  })

  it('reports an event the SaaS refused and keeps it in the outbox marked rejected', async () => {
    const store = memoryStore()
    const log = recordingLog()
    const bad = nthEvent(1)
    const result = await emitWithOutbox([bad, nthEvent(2)], {
      saas: saasFake({ status: { [bad.event_id]: 'rejected' } }),
      store,
      log
    })
    expect(result).toEqual({
      delivered: 1,
      queued: 0,
      rejected: [{ eventId: bad.event_id, reason: 'payload: bad' }],
      lost: [],
      dropped: []
    })
    expect(store.entries?.get(bad.event_id)).toMatchObject({
      rejected: true,
      rejection_reason: 'payload: bad'
    })
    expect(log.lines.some(line => line.message.includes(`refused event ${bad.event_id}`))).toBe(
      true
    )
  })

  it('never sends or queues an invalid event, and logs it as an error', async () => {
    const store = memoryStore()
    const log = recordingLog()
    const saas = saasFake({})
    const invalid = { ...nthEvent(1), payload: { ...nthEvent(1).payload, mission_slug: 'No' } }
    const result = await emitWithOutbox([invalid, nthEvent(2)], { saas, store, log })
    expect(result.rejected).toEqual([
      { eventId: invalid.event_id, reason: expect.stringContaining('payload.mission_slug') }
    ])
    expect(result.delivered).toBe(1)
    expect(saas.batches).toEqual([[nthEvent(2).event_id]])
    expect(store.entries).toBeUndefined()
    expect(log.lines[0]).toMatchObject({ level: 'error' })
  })

  it('never throws when the outbox cannot be written: it returns the lost events and names them', async () => {
    const store = memoryStore()
    store.failNext.add('put')
    const log = recordingLog()
    const result = await emitWithOutbox([nthEvent(1), nthEvent(2)], {
      saas: saasFake({ error: unavailable }),
      store,
      log
    })
    expect(result).toEqual({
      delivered: 0,
      queued: 0,
      rejected: [],
      dropped: [],
      lost: [nthEvent(1), nthEvent(2)]
    })
    const errors = log.lines.filter(line => line.level === 'error')
    expect(errors).toHaveLength(1)
    expect(errors[0]?.message).toContain(`${nthEvent(1).event_id}, ${nthEvent(2).event_id}`)
    expect(errors[0]?.message).toContain('put failed')
  })

  it('does nothing at all for no events', async () => {
    const store = memoryStore()
    const saas = saasFake({})
    const result = await emitWithOutbox([], { saas, store, log: recordingLog() })
    expect(result).toEqual({ delivered: 0, queued: 0, rejected: [], lost: [], dropped: [] })
    expect(saas.batches).toEqual([])
    expect(store.calls).toEqual([])
  })
})

describe('drainOutbox', () => {
  it('makes one store call and sends nothing when there is no outbox', async () => {
    const store = memoryStore()
    const saas = saasFake({})
    const result = await drainOutbox({ saas, store, log: recordingLog() })
    expect(result).toEqual({ delivered: 0, stillQueued: 0, rejected: [], parked: 0, dropped: [] })
    expect(store.calls).toEqual(['list'])
    expect(saas.batches).toEqual([])
  })

  it('delivers every queued event in one batch and removes the outbox', async () => {
    const store = memoryStore([queued(nthEvent(1)), queued(nthEvent(2))])
    const saas = saasFake({ status: { [nthEvent(1).event_id]: 'duplicate' } })
    const result = await drainOutbox({ saas, store, log: recordingLog() })
    expect(result).toEqual({ delivered: 2, stillQueued: 0, rejected: [], parked: 0, dropped: [] })
    expect(saas.batches).toEqual([[nthEvent(1).event_id, nthEvent(2).event_id]])
    expect(store.entries).toBeUndefined()
    expect(store.calls).toEqual(['list', 'remove'])
  })

  it('counts an attempt and keeps the error on events that are still not delivered', async () => {
    const store = memoryStore([queued(nthEvent(1), { attempts: 2, last_error: 'old' })])
    const result = await drainOutbox({
      saas: saasFake({ error: unavailable }),
      store,
      log: recordingLog()
    })
    expect(result).toEqual({ delivered: 0, stillQueued: 1, rejected: [], parked: 0, dropped: [] })
    expect(store.entries?.get(nthEvent(1).event_id)).toEqual(
      queued(nthEvent(1), { attempts: 3, last_error: unavailable.message })
    )
    expect(store.calls).toEqual(['list', 'put'])
  })

  it('marks a 412 refusal rejected, keeps it with its reason and reports it', async () => {
    const store = memoryStore([queued(nthEvent(1))])
    const log = recordingLog()
    const result = await drainOutbox({ saas: saasFake({ error: mismatch }), store, log })
    expect(result.rejected).toEqual([{ eventId: nthEvent(1).event_id, reason: mismatch.message }])
    expect(store.entries?.get(nthEvent(1).event_id)).toMatchObject({
      attempts: 2,
      rejected: true,
      rejection_reason: mismatch.message,
      last_error: mismatch.message
    })
    expect(log.lines.some(line => line.message.includes('refused queued event'))).toBe(true)
  })

  it('never sends a rejected entry again and keeps it, reporting how many are parked', async () => {
    const parked = queued(nthEvent(1), { rejected: true, rejection_reason: 'no' })
    const store = memoryStore([parked, queued(nthEvent(2))])
    const saas = saasFake({})
    const log = recordingLog()
    const result = await drainOutbox({ saas, store, log })
    expect(result).toEqual({ delivered: 1, stillQueued: 0, rejected: [], parked: 1, dropped: [] })
    expect(saas.batches).toEqual([[nthEvent(2).event_id]])
    expect([...(store.entries?.values() ?? [])]).toEqual([parked])
    expect(log.lines).toContainEqual({
      level: 'warning',
      message: expect.stringContaining('1 event(s) the Spec Kitty SaaS refused stay')
    })
  })

  it('sends nothing when only rejected entries are left', async () => {
    const store = memoryStore([queued(nthEvent(1), { rejected: true, rejection_reason: 'no' })])
    const saas = saasFake({})
    const result = await drainOutbox({ saas, store, log: recordingLog() })
    expect(result).toEqual({ delivered: 0, stillQueued: 0, rejected: [], parked: 1, dropped: [] })
    expect(saas.batches).toEqual([])
    expect(store.calls).toEqual(['list'])
  })

  it('removes an outbox that exists but holds no entries', async () => {
    const store = memoryStore([])
    const result = await drainOutbox({ saas: saasFake({}), store, log: recordingLog() })
    expect(result.delivered).toBe(0)
    expect(store.calls).toEqual(['list', 'remove'])
  })

  it('updates the undelivered and removes the delivered in the same drain', async () => {
    const store = memoryStore([queued(nthEvent(1)), queued(nthEvent(2)), queued(nthEvent(3))])
    const saas = saasFake({
      status: { [nthEvent(2).event_id]: 'rejected', [nthEvent(3).event_id]: 'queued' }
    })
    const saasWithGap = {
      sendEvents: async (events: EventEnvelope[]) =>
        (await saas.sendEvents(events)).filter(result => result.event_id !== nthEvent(1).event_id)
    }
    const result = await drainOutbox({ saas: saasWithGap, store, log: recordingLog() })
    expect(result).toEqual({
      delivered: 1,
      stillQueued: 1,
      rejected: [{ eventId: nthEvent(2).event_id, reason: 'payload: bad' }],
      parked: 0,
      dropped: []
    })
    expect(store.calls).toEqual(['list', 'put', 'remove'])
    expect(store.entries?.get(nthEvent(1).event_id)).toMatchObject({ attempts: 2, rejected: false })
    expect(store.entries?.get(nthEvent(2).event_id)).toMatchObject({ rejected: true })
    expect(store.entries?.has(nthEvent(3).event_id)).toBe(false)
  })

  it.each(['list', 'put', 'remove'] as const)(
    'never throws when the store fails to %s, and warns',
    async method => {
      const store = memoryStore([queued(nthEvent(1)), queued(nthEvent(2))])
      store.failNext.add(method)
      const saas = saasFake({ status: { [nthEvent(1).event_id]: 'rejected' } })
      const log = recordingLog()
      await expect(drainOutbox({ saas, store, log })).resolves.toBeDefined()
      expect(log.lines).toContainEqual({
        level: 'warning',
        message: expect.stringContaining(`${method} failed`)
      })
    }
  )

  it('keeps delivered entries when their removal fails, so they are sent again later', async () => {
    const store = memoryStore([queued(nthEvent(1))])
    store.failNext.add('remove')
    await drainOutbox({ saas: saasFake({}), store, log: recordingLog() })
    expect(store.entries?.has(nthEvent(1).event_id)).toBe(true)
  })
})

describe('events the SaaS refuses for the project', () => {
  const refusing = {
    sendEvents: (events: readonly { event_id: string }[]) =>
      Promise.resolve(
        events.map(event => ({
          event_id: event.event_id,
          status: 'rejected' as const,
          error: 'not admitted',
          category: 'project_not_admitted'
        }))
      )
  }

  it('are never queued on emit, and noted in the log and the summary', async () => {
    const store = memoryStore()
    const log = recordingLog()
    const notes: string[] = []
    const result = await emitWithOutbox([nthEvent(1)], {
      saas: refusing,
      store,
      log,
      note: text => notes.push(text)
    })
    expect(result.dropped).toEqual([
      { eventId: nthEvent(1).event_id, reason: 'not admitted (project_not_admitted)' }
    ])
    expect(result.queued).toBe(0)
    expect(store.calls).toEqual([])
    expect(notes).toHaveLength(1)
    expect(notes[0]).toMatch(/dropped, not queued/)
    expect(log.lines.some(line => line.level === 'warning' && line.message === notes[0])).toBe(true)
  })

  it('leave the outbox on a drain', async () => {
    const store = memoryStore([queued(nthEvent(1)), queued(nthEvent(2))])
    const notes: string[] = []
    const result = await drainOutbox({
      saas: refusing,
      store,
      log: recordingLog(),
      note: text => notes.push(text)
    })
    expect(result.dropped.map(d => d.eventId)).toEqual([nthEvent(1).event_id, nthEvent(2).event_id])
    expect(store.entries).toBeUndefined()
    expect(notes).toHaveLength(2)
  })
})
