import { afterAll, beforeAll, beforeEach, describe, expect, it } from '@jest/globals'
import { gzipSync } from 'node:zlib'
import { OUTBOX_BRANCH, serializeOutboxEntry } from '../../src/events/outbox-entry.js'
import {
  createGitHubOutboxStore,
  OUTBOX_README,
  OUTBOX_README_PATH
} from '../../src/github/outbox-store.js'
import type { GitHubOutboxOptions } from '../../src/github/outbox-store.js'
import { KittyError } from '../../src/errors.js'
import type { GitHub, GitHubApi } from '../../src/github/client.js'
import { commitFiles } from '../../src/github/commit.js'
import { gitArchive } from '../../sandbox/github/git-archive.js'
import { startSandboxGitHub } from '../../sandbox/github/server.js'
import type { SandboxGitHub } from '../../sandbox/github/server.js'
import { nthEvent, queued, recordingLog } from '../../__fixtures__/events/fakes.js'
import type { RecordingLog } from '../../__fixtures__/events/fakes.js'
import { gitHubClientFor, intercepted, seen, WEBAPP } from '../../__fixtures__/sandbox/github.js'
import {
  alteredArchive,
  serveArchive,
  truncatedArchive
} from '../../__fixtures__/sandbox/outbox-archive.js'

const REF = 'refs/heads/kitty-origin/outbox'
let gh: SandboxGitHub
let client: GitHub
let log: RecordingLog
let sleeps: number[]

beforeAll(async () => {
  gh = await startSandboxGitHub()
  client = gitHubClientFor(gh)
})
afterAll(async () => {
  await gh.close()
})
beforeEach(() => {
  gh.repo().refs.delete(REF)
  gh.faults.clear()
  gh.requests.length = 0
  log = recordingLog()
  sleeps = []
})

function storeOver(api: GitHubApi = client, options: Partial<GitHubOutboxOptions> = {}) {
  return createGitHubOutboxStore(api, WEBAPP, {
    log,
    sleep: ms => {
      sleeps.push(ms)
      return Promise.resolve()
    },
    ...options
  })
}

const head = (): string | undefined => gh.branchHead('acme/webapp', OUTBOX_BRANCH)
const file = (path: string): string | undefined => gh.readFile('acme/webapp', OUTBOX_BRANCH, path)
const eventFile = (n: number): string | undefined => file(`events/${nthEvent(n).event_id}.json`)
const idsOnBranch = (): string[] => {
  const sha = head()
  const tree = sha === undefined ? undefined : gh.repo().git.commit(sha)?.tree
  return [...(tree === undefined ? [] : gh.repo().git.flatten(tree).keys())].sort()
}

describe('the GitHub outbox store', () => {
  it('answers null with one ref lookup when there is no outbox branch', async () => {
    expect(await storeOver().list()).toBeNull()
    expect(gh.requests.map(request => `${request.method} ${request.path}`)).toEqual([
      'GET /repos/acme/webapp/git/ref/heads%2Fkitty-origin%2Foutbox'
    ])
  })

  it('creates the branch as an orphan holding only the README and the event files', async () => {
    const entry = queued(nthEvent(1))
    await storeOver().put([entry])
    const commit = gh.repo().git.commit(head()!)
    expect(commit?.parents).toEqual([])
    expect(idsOnBranch()).toEqual([OUTBOX_README_PATH, `events/${nthEvent(1).event_id}.json`])
    expect(eventFile(1)).toBe(serializeOutboxEntry(entry))
    expect(file(OUTBOX_README_PATH)).toBe(OUTBOX_README)
    expect(gh.branchHead('acme/webapp', 'main')).not.toBe(head())
  })

  it('reads back every entry it wrote', async () => {
    const store = storeOver()
    const entries = [queued(nthEvent(1)), queued(nthEvent(2), { attempts: 4, last_error: 'x' })]
    await store.put(entries)
    expect(await store.list()).toEqual(entries)
  })

  it('writes later entries as a commit on the head it read, never by force', async () => {
    const store = storeOver()
    await store.put([queued(nthEvent(1))])
    const first = head()!
    gh.requests.length = 0
    await store.put([queued(nthEvent(1), { attempts: 2 }), queued(nthEvent(2))])
    expect(gh.repo().git.commit(head()!)?.parents).toEqual([first])
    const patches = gh.requests.filter(request => request.method === 'PATCH')
    expect(patches.map(request => request.body)).toEqual([{ sha: head(), force: false }])
    expect(JSON.parse(eventFile(1)!)).toMatchObject({ attempts: 2 })
    expect(eventFile(2)).toBeDefined()
  })

  it('removes entries one by one and deletes the branch with the last one', async () => {
    const store = storeOver()
    await store.put([queued(nthEvent(1)), queued(nthEvent(2))])
    await store.remove([nthEvent(1).event_id])
    expect(eventFile(1)).toBeUndefined()
    expect(eventFile(2)).toBeDefined()
    await store.remove([nthEvent(2).event_id])
    expect(head()).toBeUndefined()
    expect(await store.list()).toBeNull()
  })

  it('empties the tree in a commit on the head it read before it deletes the branch', async () => {
    const store = storeOver()
    await store.put([queued(nthEvent(1))])
    const before = head()!
    gh.requests.length = 0
    await store.remove([nthEvent(1).event_id])
    const patch = gh.requests.find(request => request.method === 'PATCH')
    const tombstone = (patch?.body as { sha: string }).sha
    expect(gh.repo().git.commit(tombstone)?.parents).toEqual([before])
    const tree = gh.repo().git.commit(tombstone)!.tree
    expect([...gh.repo().git.flatten(tree).keys()]).toEqual([OUTBOX_README_PATH])
    expect(gh.requests.at(-1)?.method).toBe('DELETE')
  })

  it('writes nothing when asked to remove ids it does not hold', async () => {
    const store = storeOver()
    await store.put([queued(nthEvent(1))])
    const before = head()
    await store.remove([nthEvent(9).event_id])
    expect(head()).toBe(before)
    await storeOver().remove([])
    expect(head()).toBe(before)
  })

  it('does nothing when asked to put no entries or to remove from no outbox', async () => {
    const store = storeOver()
    await store.put([])
    await store.remove([nthEvent(1).event_id])
    expect(gh.requests.map(request => request.method)).toEqual(['GET'])
  })

  it('warns about a file it cannot read, keeps it, and keeps the branch for it', async () => {
    const store = storeOver()
    await store.put([queued(nthEvent(1))])
    gh.pushFiles('acme/webapp', OUTBOX_BRANCH, {
      [`events/${nthEvent(2).event_id}.json`]: '{ not json',
      'events/notes.txt': 'hello'
    })
    expect(await store.list()).toEqual([queued(nthEvent(1))])
    const warnings = log.lines.map(line => line.message)
    expect(warnings).toEqual([
      expect.stringContaining(`events/${nthEvent(2).event_id}.json is not an outbox entry`),
      expect.stringContaining('events/notes.txt is not an outbox entry')
    ])
    await store.remove([nthEvent(1).event_id])
    expect(head()).toBeDefined()
    expect(eventFile(2)).toBe('{ not json')
  })

  it('warns about a folder named like an event file', async () => {
    await storeOver().put([queued(nthEvent(1))])
    gh.pushFiles('acme/webapp', OUTBOX_BRANCH, {
      [`events/${nthEvent(5).event_id}.json/inner.json`]: '{}'
    })
    expect(await storeOver().list()).toEqual([queued(nthEvent(1))])
    expect(log.lines).toEqual([
      {
        level: 'warning',
        message: expect.stringContaining(
          `${nthEvent(5).event_id}.json is not an outbox entry kitty-origin can read (a directory, not a file)`
        )
      }
    ])
  })

  it('refuses an entry whose file name and event id disagree', async () => {
    await storeOver().put([queued(nthEvent(1))])
    gh.pushFiles('acme/webapp', OUTBOX_BRANCH, {
      [`events/${nthEvent(3).event_id}.json`]: serializeOutboxEntry(queued(nthEvent(4)))
    })
    expect(await storeOver().list()).toEqual([queued(nthEvent(1))])
    expect(log.lines).toEqual([
      {
        level: 'warning',
        message: expect.stringContaining(`(holds event ${nthEvent(4).event_id})`)
      }
    ])
  })
})

describe('the GitHub outbox store under concurrent runs', () => {
  it('re-reads and writes again when another run moved the branch first', async () => {
    await storeOver().put([queued(nthEvent(1))])
    let raced = false
    const racing = intercepted(client, async route => {
      if (route.startsWith('PATCH') && !raced) {
        raced = true
        await storeOver().put([queued(nthEvent(2))])
      }
    })
    await storeOver(racing).put([queued(nthEvent(3))])
    expect(raced).toBe(true)
    expect([eventFile(1), eventFile(2), eventFile(3)].every(text => text !== undefined)).toBe(true)
    expect(sleeps).toEqual([250])
  })

  it('starts a new branch when another run deleted the branch it was writing on', async () => {
    await storeOver().put([queued(nthEvent(1))])
    const racing = intercepted(client, route => {
      if (route.startsWith('PATCH')) gh.repo().refs.delete(REF)
      return Promise.resolve()
    })
    await storeOver(racing).put([queued(nthEvent(2))])
    expect(gh.repo().git.commit(head()!)?.parents).toEqual([])
    expect(eventFile(2)).toBeDefined()
    expect(eventFile(1)).toBeUndefined()
  })

  it('writes on top of the branch another run created at the same moment', async () => {
    let raced = false
    const racing = intercepted(client, async route => {
      if (route.startsWith('POST /repos/{owner}/{repo}/git/refs') && !raced) {
        raced = true
        await storeOver().put([queued(nthEvent(2))])
      }
    })
    await storeOver(racing).put([queued(nthEvent(1))])
    expect(eventFile(1)).toBeDefined()
    expect(eventFile(2)).toBeDefined()
  })

  it('does not delete the branch when an entry arrived after it read the last one', async () => {
    await storeOver().put([queued(nthEvent(1))])
    let raced = false
    const racing = intercepted(client, async route => {
      if (route.startsWith('PATCH') && !raced) {
        raced = true
        await storeOver().put([queued(nthEvent(2))])
      }
    })
    await storeOver(racing).remove([nthEvent(1).event_id])
    expect(eventFile(1)).toBeUndefined()
    expect(eventFile(2)).toBeDefined()
  })

  it('removes on the listing it just read, and reads again when another run wrote after it', async () => {
    await storeOver().put([queued(nthEvent(1))])
    const store = storeOver()
    expect(await store.list()).toHaveLength(1)
    gh.requests.length = 0
    await storeOver().put([queued(nthEvent(2))])
    const others = gh.requests.length
    await store.remove([nthEvent(1).event_id])
    expect(eventFile(1)).toBeUndefined()
    expect(eventFile(2)).toBeDefined()
    // The first try wrote on the stale listing and lost the race; only then was the branch read.
    const after = gh.requests.slice(others)
    const count = (method: string, part: string) =>
      after.filter(request => request.method === method && request.path.includes(part)).length
    expect(count('PATCH', '/git/refs/')).toBe(2)
    expect(count('GET', '/git/ref/')).toBe(1)
  })

  it('removes right after listing without reading the branch again', async () => {
    await storeOver().put([queued(nthEvent(1)), queued(nthEvent(2))])
    const store = storeOver()
    await store.list()
    gh.requests.length = 0
    await store.remove([nthEvent(1).event_id])
    expect(eventFile(1)).toBeUndefined()
    expect(gh.requests.map(request => `${request.method} ${request.path.split('?')[0]}`)).toEqual([
      'POST /repos/acme/webapp/git/trees',
      'POST /repos/acme/webapp/git/commits',
      'PATCH /repos/acme/webapp/git/refs/heads%2Fkitty-origin%2Foutbox'
    ])
  })

  it('writes again when the branch it wrote on was being emptied and got deleted', async () => {
    const store = storeOver()
    await store.put([queued(nthEvent(1))])
    await commitFiles(client, WEBAPP, {
      branch: OUTBOX_BRANCH,
      parentSha: head()!,
      files: [{ path: `events/${nthEvent(1).event_id}.json`, content: null }],
      message: 'another run emptied the outbox and is about to delete it'
    })
    let deleted = false
    const racingStore = storeOver(client, {
      sleep: ms => {
        sleeps.push(ms)
        if (!deleted) gh.repo().refs.delete(REF)
        deleted = true
        return Promise.resolve()
      }
    })
    await racingStore.put([queued(nthEvent(2))])
    expect(deleted).toBe(true)
    expect(sleeps[0]).toBe(3_000)
    expect(eventFile(2)).toBeDefined()
    expect(gh.repo().git.commit(head()!)?.parents).toEqual([])
  })

  it('keeps a write on an emptied branch that nobody deleted, after the settle time', async () => {
    await storeOver().put([queued(nthEvent(1))])
    await commitFiles(client, WEBAPP, {
      branch: OUTBOX_BRANCH,
      parentSha: head()!,
      files: [{ path: `events/${nthEvent(1).event_id}.json`, content: null }],
      message: 'emptied'
    })
    const realClock = createGitHubOutboxStore(client, WEBAPP, { log, settleMs: 10 })
    await realClock.put([queued(nthEvent(2))])
    expect(seen(gh, 'POST', /\/git\/refs$/)).toBe(1)
    expect(eventFile(2)).toBeDefined()
  })

  it('gives up with a clear error when the branch keeps moving', async () => {
    await storeOver().put([queued(nthEvent(1))])
    gh.faults.add({
      method: 'PATCH',
      path: /\/git\/refs\//,
      status: 422,
      body: { message: 'Update is not a fast forward' },
      times: 3
    })
    const attempt = storeOver(client, { maxAttempts: 3 }).put([queued(nthEvent(2))])
    await expect(attempt).rejects.toThrow(KittyError)
    await expect(attempt).rejects.toThrow(/kitty-origin\/outbox branch kept changing/)
    expect(sleeps).toEqual([250, 500, 750])
    const removal = storeOver(client, { maxAttempts: 1 })
    gh.faults.add({
      method: 'PATCH',
      path: /\/git\/refs\//,
      status: 422,
      body: { message: 'Update is not a fast forward' }
    })
    await expect(removal.remove([nthEvent(1).event_id])).rejects.toThrow(/remove delivered events/)
  })

  it('does not retry a write GitHub refuses for another reason', async () => {
    await storeOver().put([queued(nthEvent(1))])
    gh.faults.add({
      method: 'PATCH',
      path: /\/git\/refs\//,
      status: 403,
      body: { message: 'Resource not accessible by integration' },
      times: 2
    })
    await expect(storeOver().put([queued(nthEvent(2))])).rejects.toMatchObject({
      code: 'github-error'
    })
    await expect(storeOver().remove([nthEvent(1).event_id])).rejects.toMatchObject({
      code: 'github-error'
    })
    expect(sleeps).toEqual([])
  })
})

describe('the GitHub outbox store reading its entries from one archive', () => {
  const tarball = /\/tarball\//
  const warnings = (): string[] => log.lines.map(line => line.message)

  it('reads every entry from one archive of the head it listed, with no per-entry read', async () => {
    const entries = Array.from({ length: 30 }, (_, index) => queued(nthEvent(index + 1)))
    await storeOver().put(entries)
    gh.requests.length = 0
    expect(await storeOver().list()).toEqual(entries)
    expect(gh.requests.map(request => `${request.method} ${request.path.split('?')[0]}`)).toEqual([
      'GET /repos/acme/webapp/git/ref/heads%2Fkitty-origin%2Foutbox',
      `GET /repos/acme/webapp/git/trees/${head()}`,
      `GET /repos/acme/webapp/tarball/${head()}`,
      `GET /_codeload/acme/webapp/legacy.tar.gz/${head()}`
    ])
  })

  it('downloads no archive when no entry is to be read', async () => {
    gh.pushFiles('acme/webapp', OUTBOX_BRANCH, { 'events/notes.txt': 'hello' })
    expect(await storeOver().list()).toEqual([])
    expect(seen(gh, 'GET', tarball)).toBe(0)
    expect(warnings()).toEqual([expect.stringContaining('events/notes.txt is not an outbox entry')])
  })

  it.each([
    ['cut short', truncatedArchive, /arrived damaged or incomplete; re-run the job/],
    ['an HTML page', () => '<html>Unicorn!</html>', /was not an archive/],
    [
      'of another commit',
      () => gzipSync(gitArchive(gh.repo().git, gh.branchHead('acme/webapp', 'main')!, 'x')),
      /is not of the commit kitty-origin asked for/
    ]
  ])(
    'refuses an archive that is %s with a clear error, and loses nothing',
    async (_case, body, message) => {
      const entries = [queued(nthEvent(1)), queued(nthEvent(2))]
      await storeOver().put(entries)
      const before = head()
      serveArchive(gh, body(gh))
      const listing = storeOver().list()
      await expect(listing).rejects.toThrow(KittyError)
      await expect(listing).rejects.toThrow(message)
      expect(head()).toBe(before)
      expect(await storeOver().list()).toEqual(entries)
    }
  )

  it('refuses an outbox whose archive would unpack beyond its bound, without downloading it', async () => {
    await storeOver().put([queued(nthEvent(1))])
    gh.pushFiles('acme/webapp', OUTBOX_BRANCH, { 'events/big.bin': 'x'.repeat(1_048_576) })
    const bounded = storeOver(client, { maxArchiveBytes: 1_048_576 })
    await expect(bounded.list()).rejects.toThrow(
      /kitty-origin\/outbox branch is too large for kitty-origin to read \(it reads up to 1 MiB\); its events stay there/
    )
    expect(seen(gh, 'GET', tarball)).toBe(0)
    expect(eventFile(1)).toBeDefined()
  })

  it('refuses an archive that unpacks beyond its bound whatever the listing said', async () => {
    await storeOver().put([queued(nthEvent(1))])
    serveArchive(gh, gzipSync(Buffer.alloc(2_000_000)))
    const bounded = storeOver(client, { maxArchiveBytes: 1_048_576 })
    await expect(bounded.list()).rejects.toThrow(
      "GitHub's archive of the kitty-origin/outbox branch holds more than the 1 MiB kitty-origin reads at once."
    )
  })

  it('leaves an entry over 1 MiB in place with a warning, and reads the others', async () => {
    const store = storeOver()
    await store.put([queued(nthEvent(1))])
    const large = `${serializeOutboxEntry(queued(nthEvent(2)))}${' '.repeat(1_048_576)}`
    gh.pushFiles('acme/webapp', OUTBOX_BRANCH, { [`events/${nthEvent(2).event_id}.json`]: large })
    expect(await store.list()).toEqual([queued(nthEvent(1))])
    expect(warnings()).toEqual([
      `kitty-origin/outbox: events/${nthEvent(2).event_id}.json is not an outbox entry kitty-origin can read (larger than 1 MiB); it is left in place.`
    ])
    await store.remove([nthEvent(1).event_id])
    expect(eventFile(2)).toBe(large)
  })

  it('leaves an entry the archive lacks, or holds as other bytes, in place with a warning', async () => {
    const store = storeOver()
    await store.put([1, 2, 3].map(n => queued(nthEvent(n))))
    const crlf = serializeOutboxEntry(queued(nthEvent(3))).replace(/\n/g, '\r\n')
    serveArchive(
      gh,
      alteredArchive(gh, {
        [`events/${nthEvent(2).event_id}.json`]: null,
        [`events/${nthEvent(3).event_id}.json`]: crlf
      })
    )
    expect(await store.list()).toEqual([queued(nthEvent(1))])
    expect(warnings()).toEqual([
      expect.stringContaining(
        `${nthEvent(2).event_id}.json is not an outbox entry kitty-origin can read (missing from GitHub's archive of the branch); it is left in place.`
      ),
      expect.stringContaining(
        `${nthEvent(3).event_id}.json is not an outbox entry kitty-origin can read (GitHub's archive holds other bytes than the branch's blob)`
      )
    ])
    await store.remove([nthEvent(1).event_id])
    expect([eventFile(2), eventFile(3)]).toEqual([
      serializeOutboxEntry(queued(nthEvent(2))),
      serializeOutboxEntry(queued(nthEvent(3)))
    ])
  })

  it('leaves symlinks and submodules named like entries in place with a warning', async () => {
    await storeOver().put([queued(nthEvent(1))])
    gh.pushFiles('acme/webapp', OUTBOX_BRANCH, {
      [`events/${nthEvent(2).event_id}.json`]: { symlink: `${nthEvent(1).event_id}.json` },
      [`events/${nthEvent(3).event_id}.json`]: { submodule: 'c'.repeat(40) }
    })
    expect(await storeOver().list()).toEqual([queued(nthEvent(1))])
    expect(warnings()).toEqual([
      expect.stringContaining(
        `${nthEvent(2).event_id}.json is not an outbox entry kitty-origin can read (a symlink, not a file)`
      ),
      expect.stringContaining(
        `${nthEvent(3).event_id}.json is not an outbox entry kitty-origin can read (a submodule, not a file)`
      )
    ])
    await storeOver().remove([nthEvent(1).event_id])
    expect(idsOnBranch()).toEqual([
      OUTBOX_README_PATH,
      `events/${nthEvent(2).event_id}.json`,
      `events/${nthEvent(3).event_id}.json`
    ])
  })
})
