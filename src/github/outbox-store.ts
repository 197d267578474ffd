import { setTimeout as delay } from 'node:timers/promises'
import { KittyError } from '../errors.js'
import {
  eventIdOfFile,
  OUTBOX_BRANCH,
  OUTBOX_EVENTS_DIR,
  outboxPath,
  parseOutboxEntry,
  serializeOutboxEntry
} from '../events/outbox-entry.js'
import type { OutboxEntry } from '../events/outbox-entry.js'
import type { OutboxLog, OutboxStore } from '../events/outbox.js'
import type { GitHubApi, RepoRef } from './client.js'
import { commitFiles, createCommit } from './commit.js'
import type { FileChange } from './commit.js'
import { archivedBlob, archiveSizeOf, readCommitArchive } from './archive.js'
import { isGitHubFailure } from './errors.js'
import { createBranch, deleteBranch, getBranchHead } from './refs.js'
import { listTreeRecursive } from './trees.js'
import type { TreeEntryKind, TreeItem } from './trees.js'
import { mebibytes } from './tar-gz.js'

/** The note at the root of the outbox branch, for whoever finds it in the branch list. */
export const OUTBOX_README_PATH = 'README.md'

/** The text of the branch's README. */
export const OUTBOX_README = `# kitty-origin outbox

Events that kitty-origin could not deliver to the Spec Kitty SaaS yet, one file per event in
\`events/\`. Every run of the kitty-origin action sends them first and deletes this branch once
it is empty. Entries marked \`"rejected": true\` were refused by the SaaS and are kept for
inspection: delete their files once handled. The branch shares no history with the others.
`

/** How the GitHub outbox behaves; the defaults suit a real repository. */
export interface GitHubOutboxOptions {
  /** Warned about files in the outbox it cannot read (they are left in place). */
  log: Pick<OutboxLog, 'warning'>
  sleep?: (ms: number) => Promise<void>
  /** Writes tried against a branch that keeps moving before giving up (default 5). */
  maxAttempts?: number
  /**
   * How long a write that landed on an emptied outbox waits before it checks that a concurrent
   * removal did not delete the branch under it (default 3 s).
   */
  settleMs?: number
  /** The most the branch's archive may unpack to before it is refused (default 64 MiB). */
  maxArchiveBytes?: number
}

/** An entry file larger than this is left in place unread (an entry takes about 2 kB). */
const MAX_ENTRY_BYTES = 1_048_576
/** The most the outbox's archive may unpack to by default: some 20,000 entries. */
export const MAX_ARCHIVE_BYTES = 64 * 1_048_576

const RETRY_BASE_MS = 250

/** A write that lost a race: the branch moved or vanished after it was read. */
function lostRace(error: unknown): boolean {
  return (
    error instanceof KittyError &&
    isGitHubFailure(error.cause, 422, /not a fast.?forward|reference does not exist/i)
  )
}

/** A file written with its text (never a deletion). */
type NewFile = FileChange & { content: string }

interface Snapshot {
  head: string
  /** The root tree of `head`, the base of the next commit (read again when unknown). */
  tree: string | undefined
  /** Every name under `events/` at `head`. */
  names: string[]
  /** The same names with their tree entries (a file, or a directory, symlink or submodule). */
  entries: { name: string; item: TreeItem }[]
  /** Everything the commit holds, for the size of its archive. */
  items: TreeItem[]
}

const KIND_WORDS: Record<Exclude<TreeEntryKind, 'file'>, string> = {
  dir: 'a directory',
  symlink: 'a symlink',
  submodule: 'a submodule'
}

/**
 * The outbox on the `kitty-origin/outbox` branch, written with the Git Data API and listed with
 * the Git trees API (complete however many events wait: the contents API would stop at 1,000,
 * and an event left out of a listing would be lost to the drain). The entries are read from one
 * archive of the listed commit (`tarball`), so a drain costs the same few requests however many
 * events wait; an entry that archive does not hold as its blob is left in place with a warning.
 * The branch is an orphan (its first commit has no parent and holds only this README and
 * `events/`), so it never shows a diff against the default branch and carries no workflow files.
 * Writes are commits on the head just read, moved without force; a write that loses a race
 * re-reads and tries again. Removing the last entry first commits an emptied tree on the head
 * just read (so a concurrent write makes it fail and retry), then deletes the branch; a write
 * that lands on such an emptied head waits `settleMs` and writes again if the branch was
 * deleted under it.
 */
export function createGitHubOutboxStore(
  github: GitHubApi,
  repo: RepoRef,
  options: GitHubOutboxOptions
): OutboxStore {
  const sleep = options.sleep ?? (ms => delay(ms))
  const maxAttempts = options.maxAttempts ?? 5
  const settleMs = options.settleMs ?? 3_000
  const maxArchiveBytes = options.maxArchiveBytes ?? MAX_ARCHIVE_BYTES

  /** The snapshot `list()` read last, until a removal takes it. */
  let listed: Snapshot | undefined
  function takeListed(): Snapshot | undefined {
    const taken = listed
    listed = undefined
    return taken
  }

  async function snapshot(): Promise<Snapshot | null> {
    const head = await getBranchHead(github, repo, OUTBOX_BRANCH)
    if (head === null) return null
    const prefix = `${OUTBOX_EVENTS_DIR}/`
    const tree = await listTreeRecursive(github, repo, head)
    const items = tree?.items ?? []
    const entries = items
      .map(item => ({ name: item.path.slice(prefix.length), item }))
      .filter(({ name, item }) => item.path.startsWith(prefix) && !name.includes('/'))
      .sort((a, b) => (a.name < b.name ? -1 : 1))
    return { head, tree: tree?.sha, names: entries.map(entry => entry.name), entries, items }
  }

  /** Why an entry of `events/` is not read, or null when it is read from the archive. */
  function unread({ name, item }: Snapshot['entries'][number]): string | null {
    if (eventIdOfFile(name) === null) return 'not an event file'
    if (item.kind !== 'file') return `${KIND_WORDS[item.kind]}, not a file`
    return (item.size ?? 0) > MAX_ENTRY_BYTES ? `larger than ${mebibytes(MAX_ENTRY_BYTES)}` : null
  }

  /**
   * The files of the snapshot's head, from one archive of it; none are fetched when no entry is
   * to be read. An archive larger than `maxArchiveBytes` (told by the listing) is refused unread.
   */
  async function archivedFiles(current: Snapshot): Promise<ReadonlyMap<string, Buffer>> {
    if (current.entries.every(entry => unread(entry) !== null)) return new Map()
    const size = archiveSizeOf(current.items)
    if (size > maxArchiveBytes) {
      throw new KittyError(
        'github-error',
        `The ${OUTBOX_BRANCH} branch is too large for kitty-origin to read (it reads up to ${mebibytes(maxArchiveBytes)}); its events stay there. Delete the files of events the SaaS refused (\`"rejected": true\`) once handled, and any file that is not an outbox entry.`,
        `archive of up to ${size} bytes`
      )
    }
    const what = `the ${OUTBOX_BRANCH} branch`
    return readCommitArchive(github, repo, {
      commit: current.head,
      what,
      maxBytes: maxArchiveBytes
    })
  }

  /** The entry in a file of `events/`, or why it is not one. */
  function readEntry(
    entry: Snapshot['entries'][number],
    files: ReadonlyMap<string, Buffer>
  ): OutboxEntry | string {
    const problem = unread(entry)
    if (problem !== null) return problem
    const bytes = archivedBlob(files, entry.item)
    if (typeof bytes === 'string') return bytes
    const parsed = parseOutboxEntry(bytes.toString('utf8'))
    if (!parsed.ok) return parsed.problem
    const id = eventIdOfFile(entry.name)
    return parsed.entry.event.event_id === id
      ? parsed.entry
      : `holds event ${parsed.entry.event.event_id}`
  }

  async function retryAfterRace(round: number): Promise<void> {
    await sleep(RETRY_BASE_MS * round)
  }

  function gaveUp(what: string): KittyError {
    return new KittyError(
      'github-error',
      `The ${OUTBOX_BRANCH} branch kept changing while kitty-origin tried to ${what}; re-run the job.`,
      `gave up after ${maxAttempts} attempts`
    )
  }

  /** True when the branch still holds every one of these entries after the settle time. */
  async function survived(eventIds: readonly string[]): Promise<boolean> {
    await sleep(settleMs)
    const now = await snapshot()
    return now !== null && eventIds.every(id => now.names.includes(`${id}.json`))
  }

  async function put(entries: OutboxEntry[]): Promise<void> {
    if (entries.length === 0) return
    const files: NewFile[] = entries.map(entry => ({
      path: outboxPath(entry.event.event_id),
      content: serializeOutboxEntry(entry)
    }))
    const ids = entries.map(entry => entry.event.event_id)
    const message = `kitty-origin outbox: queue ${ids.join(', ')}`
    for (let round = 1; round <= maxAttempts; round += 1) {
      const current = await snapshot()
      if (current === null) {
        const root = await createRootCommit(github, repo, files, message)
        if ((await createBranch(github, repo, OUTBOX_BRANCH, root)) === 'created') return
      } else {
        try {
          await commitFiles(github, repo, {
            branch: OUTBOX_BRANCH,
            parentSha: current.head,
            baseTreeSha: current.tree,
            files,
            message
          })
        } catch (error) {
          if (!lostRace(error)) throw error
          await retryAfterRace(round)
          continue
        }
        const emptied = !current.names.some(name => eventIdOfFile(name) !== null)
        if (!emptied || (await survived(ids))) return
      }
      await retryAfterRace(round)
    }
    throw gaveUp('queue events')
  }

  async function remove(eventIds: string[]): Promise<void> {
    for (let round = 1; round <= maxAttempts; round += 1) {
      // The drain removes right after it listed: its first try writes on that listing (a branch
      // moved since makes the commit lose the race, and the next try reads it afresh).
      const current = (round === 1 ? takeListed() : undefined) ?? (await snapshot())
      if (current === null) return
      const gone = new Set(eventIds.map(id => `${id}.json`))
      const deletions = current.names.filter(name => gone.has(name))
      const emptied = current.names.every(name => gone.has(name))
      if (deletions.length === 0 && !emptied) return
      const files: FileChange[] = deletions.map(name => ({
        path: `${OUTBOX_EVENTS_DIR}/${name}`,
        content: null
      }))
      if (emptied) files.push({ path: OUTBOX_README_PATH, content: OUTBOX_README })
      try {
        await commitFiles(github, repo, {
          branch: OUTBOX_BRANCH,
          parentSha: current.head,
          baseTreeSha: current.tree,
          files,
          message: emptied
            ? 'kitty-origin outbox: empty, removing the branch'
            : `kitty-origin outbox: delivered ${deletions.map(name => name.slice(0, -5)).join(', ')}`
        })
      } catch (error) {
        if (!lostRace(error)) throw error
        await retryAfterRace(round)
        continue
      }
      if (emptied) await deleteBranch(github, repo, OUTBOX_BRANCH)
      return
    }
    throw gaveUp('remove delivered events')
  }

  return {
    async list() {
      const current = await snapshot()
      listed = current ?? undefined
      if (current === null) return null
      const files = await archivedFiles(current)
      const entries: OutboxEntry[] = []
      for (const file of current.entries) {
        const entry = readEntry(file, files)
        if (typeof entry !== 'string') {
          entries.push(entry)
          continue
        }
        options.log.warning(
          `${OUTBOX_BRANCH}: ${OUTBOX_EVENTS_DIR}/${file.name} is not an outbox entry kitty-origin can read (${entry}); it is left in place.`
        )
      }
      return entries
    },
    put,
    remove
  }
}

/** The first commit of the outbox: no parent, the README and these files. */
function createRootCommit(
  github: GitHubApi,
  repo: RepoRef,
  files: readonly NewFile[],
  message: string
): Promise<string> {
  return createCommit(
    github,
    repo,
    {
      parentSha: null,
      files: [{ path: OUTBOX_README_PATH, content: OUTBOX_README }, ...files],
      message
    },
    { action: `create the branch ${OUTBOX_BRANCH}`, permission: 'contents: write' }
  )
}
