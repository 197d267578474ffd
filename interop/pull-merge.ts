/**
 * GitHub's side of "Merge pull request" on the exported repository: a merge commit (the
 * default button) or a squash, pushed to the base, then the head branch deleted, as the
 * repository setting "Automatically delete head branches" does.
 */
import { execFileSync } from 'node:child_process'
import { join } from 'node:path'

/** The pull request to merge. */
export interface PullToMerge {
  number: number
  title: string
  head: string
  base: string
}

/** How the PR is merged. */
export type MergeMethod = 'merge' | 'squash'

/** Merges `pull` into its base in `origin` with `method`, deletes its head; returns the new base head. */
export function mergePull(
  origin: string,
  pull: PullToMerge,
  method: MergeMethod,
  scratch: string
): string {
  const work = join(scratch, `github-merge-${pull.number}-${method}`)
  const env = {
    ...process.env,
    GIT_CONFIG_GLOBAL: '/dev/null',
    GIT_AUTHOR_NAME: 'GitHub',
    GIT_AUTHOR_EMAIL: 'noreply@github.com',
    GIT_COMMITTER_NAME: 'GitHub',
    GIT_COMMITTER_EMAIL: 'noreply@github.com'
  }
  const git = (...args: string[]): string =>
    execFileSync('git', args, { cwd: work, env, encoding: 'utf8', stdio: 'pipe' }).trim()
  execFileSync('git', ['clone', '--quiet', '--branch', pull.base, origin, work], {
    env,
    stdio: 'pipe'
  })
  if (method === 'merge') {
    git(
      'merge',
      '--no-ff',
      '--quiet',
      `origin/${pull.head}`,
      '-m',
      `Merge pull request #${pull.number} from acme/${pull.head}\n\n${pull.title}`
    )
  } else {
    git('merge', '--squash', '--quiet', `origin/${pull.head}`)
    git('commit', '--quiet', '-m', `${pull.title} (#${pull.number})`)
  }
  git('push', '--quiet', 'origin', `HEAD:${pull.base}`, `:${pull.head}`)
  return git('rev-parse', 'HEAD')
}
