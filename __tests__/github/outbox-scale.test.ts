import { afterAll, beforeAll, beforeEach, describe, expect, it } from '@jest/globals'
import { OUTBOX_BRANCH, outboxPath, serializeOutboxEntry } from '../../src/events/outbox-entry.js'
import { drainOutbox } from '../../src/events/outbox.js'
import { createGitHubOutboxStore } from '../../src/github/outbox-store.js'
import { startSandboxGitHub } from '../../sandbox/github/server.js'
import type { SandboxGitHub } from '../../sandbox/github/server.js'
import { startSandboxSaas } from '../../sandbox/saas/server.js'
import type { SandboxSaas } from '../../sandbox/saas/server.js'
import { nthEvent, queued, recordingLog } from '../../__fixtures__/events/fakes.js'
import { gitHubClientFor, WEBAPP } from '../../__fixtures__/sandbox/github.js'
import { saasClientFor } from '../../__fixtures__/sandbox/saas.js'
import { serveArchive, truncatedArchive } from '../../__fixtures__/sandbox/outbox-archive.js'

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

describe('the cost of a drain', () => {
  /** Queues `count` events straight on the branch, then drains them; the requests it cost. */
  async function drainCost(count: number): Promise<string[]> {
    const files: Record<string, string> = {}
    for (const entry of manyEntries(count)) {
      files[outboxPath(entry.event.event_id)] = serializeOutboxEntry(entry)
    }
    gh.pushFiles('acme/webapp', OUTBOX_BRANCH, files)
    gh.requests.length = 0
    const drained = await drainOutbox({
      saas: saasClientFor(saas),
      store: store(),
      log: recordingLog()
    })
    expect(drained.delivered).toBe(count)
    expect(gh.branchHead('acme/webapp', OUTBOX_BRANCH)).toBeUndefined()
    return gh.requests.map(request => `${request.method} ${request.path.split('?')[0]}`)
  }

  it('is the same GitHub requests for 1 event as for 1,500', async () => {
    const one = await drainCost(1)
    const many = await drainCost(1_500)
    const shape = (routes: string[]) => routes.map(route => route.replace(/[0-9a-f]{40}/g, '{sha}'))
    expect(shape(many)).toEqual(shape(one))
    expect(shape(one)).toEqual([
      'GET /repos/acme/webapp/git/ref/heads%2Fkitty-origin%2Foutbox',
      'GET /repos/acme/webapp/git/trees/{sha}',
      'GET /repos/acme/webapp/tarball/{sha}',
      'GET /_codeload/acme/webapp/legacy.tar.gz/{sha}',
      'POST /repos/acme/webapp/git/trees',
      'POST /repos/acme/webapp/git/commits',
      'PATCH /repos/acme/webapp/git/refs/heads%2Fkitty-origin%2Foutbox',
      'DELETE /repos/acme/webapp/git/refs/heads%2Fkitty-origin%2Foutbox'
    ])
  }, 60_000)

  it('delivers nothing and loses nothing when the archive arrives damaged, and all on the next run', async () => {
    await store().put(manyEntries(40))
    const before = gh.branchHead('acme/webapp', OUTBOX_BRANCH)
    serveArchive(gh, truncatedArchive(gh))
    const log = recordingLog()
    const drained = await drainOutbox({ saas: saasClientFor(saas), store: store(), log })
    expect(drained).toMatchObject({ delivered: 0, stillQueued: 0 })
    expect(log.lines).toEqual([
      {
        level: 'warning',
        message: expect.stringContaining(
          "Could not read the kitty-origin/outbox branch: GitHub's archive of the kitty-origin/outbox branch arrived damaged or incomplete; re-run the job."
        )
      }
    ])
    expect(saas.state.events.size).toBe(0)
    expect(gh.branchHead('acme/webapp', OUTBOX_BRANCH)).toBe(before)
    const next = await drainOutbox({
      saas: saasClientFor(saas),
      store: store(),
      log: recordingLog()
    })
    expect(next.delivered).toBe(40)
    expect(saas.state.events.size).toBe(40)
  })
})
