import { beforeEach, describe, expect, it } from '@jest/globals'
import { OUTBOX_BRANCH, parseOutboxEntry } from '../../src/events/outbox-entry.js'
import { createGitHubOutboxStore } from '../../src/github/outbox-store.js'
import { drainOutbox, emitWithOutbox } from '../../src/events/outbox.js'
import type { OutboxDeps } from '../../src/events/outbox.js'
import type { SaasClient } from '../../src/saas/client.js'
import type { EventEnvelope } from '../../src/events/envelope.js'
import type { EventResult } from '../../src/saas/types.js'
import { nthEvent, recordingLog } from '../../__fixtures__/events/fakes.js'
import { useSandboxGitHub, WEBAPP } from '../../__fixtures__/sandbox/github.js'
import { EVENTS, saasClientFor, useSandboxSaas } from '../../__fixtures__/sandbox/saas.js'

const sandbox = useSandboxGitHub()
const saas = useSandboxSaas()
beforeEach(() => {
  sandbox.gh.repo().refs.delete(`refs/heads/${OUTBOX_BRANCH}`)
})

/** Every answer the SaaS gave, per event id, in order. */
type Answers = Map<string, EventResult['status'][]>

/** A real SaaS client whose answers are recorded. */
function recordingSaas(answers: Answers): Pick<SaasClient, 'sendEvents'> {
  const client = saasClientFor(saas)
  return {
    async sendEvents(events: EventEnvelope[]) {
      const results = await client.sendEvents(events)
      for (const result of results) {
        answers.set(result.event_id, [...(answers.get(result.event_id) ?? []), result.status])
      }
      return results
    }
  }
}

/** The dependencies of one run of the action, as main would build them. */
function run(answers: Answers): OutboxDeps {
  const log = recordingLog()
  return {
    saas: recordingSaas(answers),
    store: createGitHubOutboxStore(sandbox.client, WEBAPP, {
      log,
      sleep: () => Promise.resolve()
    }),
    log
  }
}

/** One run of the action: drain first, then emit this run's event. */
async function actionRun(answers: Answers, event: EventEnvelope) {
  const deps = run(answers)
  const drained = await drainOutbox(deps)
  const emitted = await emitWithOutbox([event], deps)
  return { drained, emitted }
}

function entryOnBranch(n: number) {
  const text = sandbox.gh.readFile(
    'acme/webapp',
    OUTBOX_BRANCH,
    `events/${nthEvent(n).event_id}.json`
  )
  const parsed = parseOutboxEntry(text ?? '')
  return parsed.ok ? parsed.entry : undefined
}

describe('an events endpoint that is down for several runs, then up', () => {
  it('delivers every event exactly once by event id, drops none and removes the outbox', async () => {
    const answers: Answers = new Map()
    saas.faults.add({ path: EVENTS, status: 503, body: 'Service Unavailable', times: 5 })

    const first = await actionRun(answers, nthEvent(1))
    expect(first.drained).toEqual({
      delivered: 0,
      stillQueued: 0,
      rejected: [],
      parked: 0,
      dropped: []
    })
    expect(first.emitted).toEqual({ delivered: 0, queued: 1, rejected: [], lost: [], dropped: [] })
    await actionRun(answers, nthEvent(2))
    const third = await actionRun(answers, nthEvent(3))
    expect(third.drained).toMatchObject({ delivered: 0, stillQueued: 2 })
    expect(third.emitted).toMatchObject({ queued: 1 })
    expect(entryOnBranch(1)).toMatchObject({ attempts: 3, rejected: false })
    expect(entryOnBranch(1)?.last_error).toContain('HTTP 503')
    expect(entryOnBranch(3)).toMatchObject({ attempts: 1 })
    expect(saas.faults.pending).toBe(0)
    expect(saas.state.events.size).toBe(0)

    const fourth = await actionRun(answers, nthEvent(4))
    expect(fourth.drained).toEqual({
      delivered: 3,
      stillQueued: 0,
      rejected: [],
      parked: 0,
      dropped: []
    })
    expect(fourth.emitted).toEqual({ delivered: 1, queued: 0, rejected: [], lost: [], dropped: [] })

    expect(sandbox.gh.branchHead('acme/webapp', OUTBOX_BRANCH)).toBeUndefined()
    const ids = [1, 2, 3, 4].map(n => nthEvent(n).event_id)
    expect([...saas.state.events.keys()].sort()).toEqual(ids)
    for (const n of [1, 2, 3, 4]) {
      expect(saas.state.events.get(nthEvent(n).event_id)).toEqual(nthEvent(n))
      expect(answers.get(nthEvent(n).event_id)).toEqual(['success'])
    }
  })

  it('resends events whose removal failed and counts the SaaS duplicate answers as delivered', async () => {
    const answers: Answers = new Map()
    saas.faults.add({ path: EVENTS, status: 503, times: 3 })
    await actionRun(answers, nthEvent(1))
    await actionRun(answers, nthEvent(2))

    sandbox.gh.faults.add({ method: 'PATCH', path: /\/git\/refs\//, status: 500, times: 10 })
    const deps = run(answers)
    expect(await drainOutbox(deps)).toMatchObject({ delivered: 2, stillQueued: 0 })
    expect(sandbox.gh.branchHead('acme/webapp', OUTBOX_BRANCH)).toBeDefined()
    sandbox.gh.faults.clear()

    const again = await drainOutbox(run(answers))
    expect(again).toMatchObject({ delivered: 2, stillQueued: 0 })
    expect(sandbox.gh.branchHead('acme/webapp', OUTBOX_BRANCH)).toBeUndefined()
    expect(saas.state.events.size).toBe(2)
    for (const n of [1, 2]) {
      expect(answers.get(nthEvent(n).event_id)).toEqual(['success', 'duplicate'])
    }
  })

  it('costs one GitHub request per run while there is no outbox', async () => {
    const answers: Answers = new Map()
    sandbox.gh.requests.length = 0
    await drainOutbox(run(answers))
    expect(sandbox.gh.requests).toHaveLength(1)
    expect(sandbox.seen('GET', /\/git\/ref\//)).toBe(1)
  })
})

describe('an events endpoint that refuses the protocol', () => {
  it('parks the queued events as rejected, reports them once and never sends them again', async () => {
    const answers: Answers = new Map()
    saas.faults.add({ path: EVENTS, status: 503 })
    await actionRun(answers, nthEvent(1))
    saas.faults.add({
      path: EVENTS,
      status: 412,
      body: { error_code: 'client-too-old', message: 'upgrade' }
    })

    const refused = await drainOutbox(run(answers))
    expect(refused.rejected).toEqual([
      { eventId: nthEvent(1).event_id, reason: expect.stringContaining('client-too-old') }
    ])
    expect(entryOnBranch(1)).toMatchObject({ rejected: true, attempts: 2 })

    saas.requests.length = 0
    const later = await drainOutbox(run(answers))
    expect(later).toEqual({ delivered: 0, stillQueued: 0, rejected: [], parked: 1, dropped: [] })
    expect(saas.requests).toHaveLength(0)
    expect(sandbox.gh.branchHead('acme/webapp', OUTBOX_BRANCH)).toBeDefined()
  })
})
