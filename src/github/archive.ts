import { createHash } from 'node:crypto'
import { isArrayBuffer } from 'node:util/types'
import { KittyError } from '../errors.js'
import type { GitHubApi, RepoRef } from './client.js'
import { attempt } from './errors.js'
import { unpackTarGz } from './tar-gz.js'
import type { TreeItem } from './trees.js'

const BLOCK = 512
/** Per entry at most: its header and a pax header for a path or link too long for it. */
const ENTRY_OVERHEAD = 3 * BLOCK
/** The pax global header, the top directory and the end of the archive with its padding. */
const ARCHIVE_OVERHEAD = 24 * BLOCK

/** What to read: the commit, how the user knows it, and the most its archive may unpack to. */
export interface CommitArchiveRequest {
  commit: string
  /** E.g. "the kitty-origin/outbox branch". */
  what: string
  maxBytes: number
}

/**
 * An upper bound on the unpacked size of GitHub's archive of a commit, from the commit's
 * complete tree listing: every entry's headers plus its bytes, padded as tar pads them.
 */
export function archiveSizeOf(items: readonly TreeItem[]): number {
  return items.reduce(
    (sum, item) => sum + ENTRY_OVERHEAD + Math.ceil((item.size ?? 0) / BLOCK) * BLOCK,
    ARCHIVE_OVERHEAD
  )
}

/**
 * Every regular file of a commit by its path from the root, read from GitHub's archive of that
 * exact commit: one request, which GitHub answers with a redirect to codeload that fetch
 * follows. The archive must name the commit asked for (the pax comment `git archive` writes);
 * its top directory (`<owner>-<repo>-<sha7>/`) is taken off every path.
 */
export async function readCommitArchive(
  api: GitHubApi,
  repo: RepoRef,
  request: CommitArchiveRequest
): Promise<Map<string, Buffer>> {
  const call = { action: `download ${request.what}`, permission: 'contents: read' }
  const data: unknown = await attempt(
    call,
    async () =>
      (
        await api.request('GET /repos/{owner}/{repo}/tarball/{ref}', {
          owner: repo.owner,
          repo: repo.repo,
          ref: request.commit
        })
      ).data
  )
  if (!isArrayBuffer(data)) {
    throw new KittyError(
      'github-error',
      `GitHub's answer when kitty-origin tried to ${call.action} was not an archive; see the run log.`,
      `a ${typeof data} body`
    )
  }
  const { comment, files } = unpackTarGz(new Uint8Array(data), {
    what: `GitHub's archive of ${request.what}`,
    maxBytes: request.maxBytes
  })
  if (comment !== request.commit) {
    throw new KittyError(
      'github-error',
      `GitHub's archive of ${request.what} is not of the commit kitty-origin asked for; re-run the job.`,
      `asked for ${request.commit}, the archive names ${comment ?? 'no commit'}`,
      { retryable: true }
    )
  }
  return new Map([...files].map(([path, bytes]) => [path.slice(path.indexOf('/') + 1), bytes]))
}

/**
 * The bytes of a file of the listing as the archive holds them, or why they cannot stand for
 * it: missing from the archive, or not the blob the tree names (`.gitattributes` can make
 * `git archive` rewrite a file: `export-subst`, end-of-line conversion, `export-ignore`).
 */
export function archivedBlob(files: ReadonlyMap<string, Buffer>, item: TreeItem): Buffer | string {
  const bytes = files.get(item.path)
  if (bytes === undefined) return "missing from GitHub's archive of the branch"
  const sha = createHash('sha1').update(`blob ${bytes.length}\0`).update(bytes).digest('hex')
  return sha === item.sha ? bytes : "GitHub's archive holds other bytes than the branch's blob"
}
