import { describe, expect, it } from '@jest/globals'
import { deliverEvents, NO_RESULT_REASON } from '../../src/events/delivery.js'
import { KittyError } from '../../src/errors.js'
import type { EventResult } from '../../src/saas/types.js'
import { nthEvent } from '../../__fixtures__/events/fakes.js'

function answering(results: EventResult[]) {
  const batches: string[][] = []
  return {
    batches,
    sendEvents: (events: { event_id: string }[]) => {
      batches.push(events.map(event => event.event_id))
      return Promise.resolve(results)
    }
  }
}

function throwing(error: Error) {
  return { sendEvents: () => Promise.reject(error) }
}

const one = nthEvent(1)
const two = nthEvent(2)

describe('deliverEvents per-event results', () => {
  it.each<[EventResult['status'], 'delivered' | 'rejected']>([
    ['success', 'delivered'],
    ['accepted', 'delivered'],
    ['duplicate', 'delivered'],
    ['warning', 'delivered'],
    ['pending', 'delivered'],
    ['queued', 'delivered'],
    ['rejected', 'rejected']
  ])('counts %s as %s', async (status, where) => {
    const outcome = await deliverEvents([one], answering([{ event_id: one.event_id, status }]))
    expect(outcome[where].length).toBe(1)
    expect(outcome.delivered.length + outcome.rejected.length + outcome.pending.length).toBe(1)
  })

  it('keeps the SaaS error text of a rejected event as its reason', async () => {
    const outcome = await deliverEvents(
      [one],
      answering([{ event_id: one.event_id, status: 'rejected', error: 'payload: mission_slug' }])
    )
    expect(outcome.rejected).toEqual([{ event: one, reason: 'payload: mission_slug' }])
  })

  it('gives a rejection without error text a reason anyway', async () => {
    const outcome = await deliverEvents(
      [one],
      answering([{ event_id: one.event_id, status: 'rejected' }])
    )
    expect(outcome.rejected[0]?.reason).toBe('rejected by the Spec Kitty SaaS')
  })

  it('leaves an event the SaaS sent no result for pending, with the reason', async () => {
    const outcome = await deliverEvents(
      [one, two],
      answering([{ event_id: two.event_id, status: 'success' }])
    )
    expect(outcome).toEqual({
      delivered: [two],
      rejected: [],
      dropped: [],
      pending: [one],
      pendingReason: NO_RESULT_REASON
    })
  })

  it('matches results by event id, not by position', async () => {
    const outcome = await deliverEvents(
      [one, two],
      answering([
        { event_id: two.event_id, status: 'rejected', error: 'no' },
        { event_id: one.event_id, status: 'success' }
      ])
    )
    expect(outcome.delivered).toEqual([one])
    expect(outcome.rejected).toEqual([{ event: two, reason: 'no' }])
  })

  it('uses the first result when the SaaS answers twice for one event', async () => {
    const outcome = await deliverEvents(
      [one],
      answering([
        { event_id: one.event_id, status: 'duplicate' },
        { event_id: one.event_id, status: 'rejected', error: 'late' }
      ])
    )
    expect(outcome.delivered).toEqual([one])
    expect(outcome.pendingReason).toBe('')
  })

  it('sends nothing for no events', async () => {
    const saas = answering([])
    expect(await deliverEvents([], saas)).toEqual({
      delivered: [],
      rejected: [],
      dropped: [],
      pending: [],
      pendingReason: ''
    })
    expect(saas.batches).toEqual([])
  })

  it('sends all events in one batch', async () => {
    const saas = answering([])
    await deliverEvents([one, two], saas)
    expect(saas.batches).toEqual([[one.event_id, two.event_id]])
  })
})

describe('deliverEvents when the call throws', () => {
  const unavailable = new KittyError(
    'saas-unavailable',
    'The Spec Kitty SaaS is unavailable (HTTP 503); try again later.',
    'operation=events status=503',
    { retryable: true }
  )
  const mismatch = new KittyError(
    'saas-protocol-mismatch',
    'The Spec Kitty SaaS needs a newer event protocol than this kitty-origin sends (client-too-old); upgrade kitty-origin.',
    'operation=events status=412 saas_code=client-too-old'
  )
  const badRequest = new KittyError(
    'saas-error',
    'The Spec Kitty SaaS refused the event delivery: bad.'
  )
  const unreadable = new KittyError('saas-bad-response', 'The Spec Kitty SaaS sent an answer …')

  it.each<[string, Error, 'pending' | 'rejected']>([
    ['a retryable error (503, 429, 401, network)', unavailable, 'pending'],
    ['a 412 protocol mismatch', mismatch, 'rejected'],
    ['a 400 without results', badRequest, 'rejected'],
    ['an answer it could not read', unreadable, 'pending'],
    ['an unexpected non-Kitty error', new TypeError('boom'), 'pending']
  ])('puts every event of the batch in %s → %s', async (_label, error, where) => {
    const outcome = await deliverEvents([one, two], throwing(error))
    expect(outcome[where].map(item => ('event' in item ? item.event : item))).toEqual([one, two])
    expect(outcome.delivered).toEqual([])
  })

  it('gives the pending events the error as their reason', async () => {
    const outcome = await deliverEvents([one], throwing(unavailable))
    expect(outcome.pendingReason).toBe(
      'The Spec Kitty SaaS is unavailable (HTTP 503); try again later. (operation=events status=503)'
    )
  })

  it('gives rejected events the error, detail included, as their reason', async () => {
    const outcome = await deliverEvents([one], throwing(mismatch))
    expect(outcome.rejected[0]?.reason).toContain('client-too-old')
    expect(outcome.rejected[0]?.reason).toContain('status=412')
    expect(outcome.pendingReason).toBe('')
  })

  it('gives a rejection of an error without detail its message alone', async () => {
    const outcome = await deliverEvents([one], throwing(badRequest))
    expect(outcome.rejected[0]?.reason).toBe('The Spec Kitty SaaS refused the event delivery: bad.')
  })
})

describe('deliverEvents refusals for the project', () => {
  it.each(['project_not_admitted', 'project_not_consented', 'project_refused'])(
    'drops an event rejected with %s, whichever key names the category',
    async category => {
      const [one, two, three] = [nthEvent(1), nthEvent(2), nthEvent(3)]
      const outcome = await deliverEvents(
        [one, two, three],
        answering([
          { event_id: one.event_id, status: 'rejected', error: 'no', category },
          { event_id: two.event_id, status: 'rejected', error: 'bad payload' },
          { event_id: three.event_id, status: 'rejected', category: 'other' }
        ])
      )
      expect(outcome.dropped).toEqual([{ event: one, reason: `no (${category})` }])
      expect(outcome.rejected.map(r => r.event)).toEqual([two, three])
    }
  )
})
