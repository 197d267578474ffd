import { afterAll, beforeAll, beforeEach, describe, expect, it } from '@jest/globals'
import { OUTBOX_BRANCH } from '../../src/events/outbox-entry.js'
import { drainOutbox } from '../../src/events/outbox.js'
import { createGitHubOutboxStore } from '../../src/github/outbox-store.js'
import { startSandboxGitHub } from '../../sandbox/github/server.js'
import type { SandboxGitHub } from '../../sandbox/github/server.js'
import { startSandboxSaas } from '../../sandbox/saas/server.js'
import type { SandboxSaas } from '../../sandbox/saas/server.js'
import { nthEvent, queued, recordingLog } from '../../__fixtures__/events/fakes.js'
import { gitHubClientFor, WEBAPP } from '../../__fixtures__/sandbox/github.js'
import { saasClientFor } from '../../__fixtures__/sandbox/saas.js'

/** More events than the contents API lists of one directory (1,000). */
const MANY = 1_050
let gh: SandboxGitHub
let saas: SandboxSaas

beforeAll(async () => {
  ;[gh, saas] = await Promise.all([startSandboxGitHub(), startSandboxSaas()])
})
afterAll(async () => {
  await Promise.all([gh.close(), saas.close()])
})
beforeEach(() => {
  gh.repo().refs.delete(`refs/heads/${OUTBOX_BRANCH}`)
  gh.repo().settings.treeEntryLimit = 100_000
  saas.state.events.clear()
})

function store() {
  return createGitHubOutboxStore(gitHubClientFor(gh), WEBAPP, {
    log: recordingLog(),
    sleep: () => Promise.resolve()
  })
}

const manyEntries = (count: number) =>
  Array.from({ length: count }, (_, index) => queued(nthEvent(index + 1)))

describe('an outbox with more events than one contents listing holds', () => {
  it('lists and delivers every event the branch holds, not the first 1,000', async () => {
    await store().put(manyEntries(MANY))
    const listing = await fetch(
      `${gh.url}/repos/acme/webapp/contents/events?ref=${encodeURIComponent(OUTBOX_BRANCH)}`,
      { headers: { authorization: `token ${gh.token}` } }
    )
    expect(((await listing.json()) as unknown[]).length).toBe(1_000)
    const listed = await store().list()
    expect(new Set(listed?.map(entry => entry.event.event_id)).size).toBe(MANY)
    const drained = await drainOutbox({
      saas: saasClientFor(saas),
      store: store(),
      log: recordingLog()
    })
    expect(drained.delivered).toBe(MANY)
    expect(saas.state.events.size).toBe(MANY)
    expect(gh.branchHead('acme/webapp', OUTBOX_BRANCH)).toBeUndefined()
  }, 90_000)

  it('walks the tree directory by directory when GitHub cuts the recursive listing', async () => {
    await store().put(manyEntries(120))
    gh.repo().settings.treeEntryLimit = 50
    gh.requests.length = 0
    const listed = await store().list()
    expect(listed?.map(entry => entry.event.event_id)).toEqual(
      manyEntries(120).map(entry => entry.event.event_id)
    )
    const trees = gh.requests.filter(request => request.path.includes('/git/trees/'))
    expect(trees.map(request => request.path.includes('recursive=1'))).toEqual([true, false, false])
  }, 30_000)
})
