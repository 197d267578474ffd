/**
 * Writes what a sandbox repository holds into a real git repository: every object reachable
 * from its refs (as loose objects, byte for byte, so every id stays the same) and the refs.
 * The interop suite clones the result to run real tools (spec-kitty, git) on the bot's work.
 */
import { execFileSync } from 'node:child_process'
import { createHash } from 'node:crypto'
import { existsSync, mkdirSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { deflateSync } from 'node:zlib'
import type { GitStore } from './git-store.js'
import type { SandboxRepo } from './state.js'

/**
 * Every object id reachable from `tips`: commits, their trees and the trees' blobs. A
 * submodule's commit belongs to another repository and is not followed, as in git.
 */
function reachable(git: GitStore, tips: Iterable<string>): Set<string> {
  const seen = new Set<string>()
  const queue = [...tips]
  for (let sha = queue.pop(); sha !== undefined; sha = queue.pop()) {
    if (seen.has(sha)) continue
    seen.add(sha)
    const commit = git.commit(sha)
    if (commit !== undefined) queue.push(commit.tree, ...commit.parents)
    for (const entry of git.tree(sha) ?? []) if (entry.type !== 'commit') queue.push(entry.sha)
  }
  return seen
}

/** Writes one object as git stores it loose; refuses an object whose bytes do not hash to its id. */
function writeLoose(gitDir: string, sha: string, type: string, body: Buffer): void {
  const object = Buffer.concat([Buffer.from(`${type} ${body.length}\0`), body])
  const actual = createHash('sha1').update(object).digest('hex')
  if (actual !== sha) throw new Error(`Object ${sha} serialises to ${actual}; export aborted.`)
  const dir = join(gitDir, 'objects', sha.slice(0, 2))
  const file = join(dir, sha.slice(2))
  if (existsSync(file)) return
  mkdirSync(dir, { recursive: true })
  writeFileSync(file, deflateSync(object))
}

/**
 * Creates a bare repository at `gitDir` holding the sandbox repository's refs (branches, tags)
 * and everything they reach, with `HEAD` on its default branch. Object ids are those of the
 * sandbox, so a commit the bot made has the same id in the export.
 */
export function exportRepository(repo: SandboxRepo, gitDir: string): void {
  execFileSync('git', [
    'init',
    '--quiet',
    '--bare',
    `--initial-branch=${repo.defaultBranch}`,
    gitDir
  ])
  for (const sha of reachable(repo.git, repo.refs.values())) {
    const raw = repo.git.raw(sha)
    if (raw === undefined) throw new Error(`The sandbox store lacks object ${sha}.`)
    writeLoose(gitDir, sha, raw.type, raw.body)
  }
  const updates = [...repo.refs].map(([ref, sha]) => `update ${ref} ${sha}\n`).join('')
  execFileSync('git', ['--git-dir', gitDir, 'update-ref', '--stdin'], { input: updates })
}
