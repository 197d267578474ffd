/** Archives of the outbox branch as a test needs them served: cut short, altered, or foreign. */
import { gzipSync } from 'node:zlib'
import { OUTBOX_BRANCH } from '../../src/events/outbox-entry.js'
import { gitArchive } from '../../sandbox/github/git-archive.js'
import { commitChanges } from '../../sandbox/github/helpers.js'
import type { FileSeed } from '../../sandbox/github/helpers.js'
import type { SandboxGitHub } from '../../sandbox/github/server.js'

/** The sandbox's codeload path, where the archive GitHub redirects to is downloaded. */
export const CODELOAD = /^\/_codeload\//

/** The next archive download answers these bytes (a `.tar.gz`, or whatever a test needs). */
export function serveArchive(gh: SandboxGitHub, body: Buffer | string, times = 1): void {
  const type = typeof body === 'string' ? 'text/html; charset=utf-8' : 'application/x-gzip'
  gh.faults.add({
    method: 'GET',
    path: CODELOAD,
    status: 200,
    body,
    headers: { 'content-type': type },
    times
  })
}

/**
 * The archive of the outbox head as `git archive` would write it if `changes` were made to the
 * files first (as `.gitattributes` can make it: `export-ignore`, `export-subst`, end of line):
 * the pax comment still names the head.
 */
export function alteredArchive(gh: SandboxGitHub, changes: Record<string, FileSeed>): Buffer {
  const repo = gh.repo()
  const head = gh.branchHead('acme/webapp', OUTBOX_BRANCH)!
  const altered = commitChanges(gh.state, repo, head, changes, 'What the archive holds')
  const tar = gitArchive(repo.git, altered, `acme-webapp-${head.slice(0, 7)}`)
  tar.write(head, 512 + '52 comment='.length, 'latin1')
  return gzipSync(tar)
}

/** The archive of the outbox head cut short, as a broken download would leave it. */
export function truncatedArchive(gh: SandboxGitHub): Buffer {
  const archive = alteredArchive(gh, {})
  return archive.subarray(0, Math.floor(archive.length / 2))
}
