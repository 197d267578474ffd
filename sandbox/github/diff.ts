import { HTML_ROOT } from './shapes-repo.js'
import { pullHeadSha } from './shapes-issues.js'
import type { PullStats } from './shapes-issues.js'
import type { FlatEntry } from './git-store.js'
import type { PullRequest, SandboxRepo } from './state.js'

/** One changed file of a pull request, before it is rendered. */
interface FileChange {
  filename: string
  status: 'added' | 'removed' | 'modified'
  sha: string
  additions: number
  deletions: number
}

function lines(repo: SandboxRepo, entry: FlatEntry | undefined): string[] {
  if (entry === undefined) return []
  const text = repo.git.blob(entry.sha)?.toString('utf8') ?? ''
  return text === '' ? [] : text.replace(/\n$/, '').split('\n')
}

/** Lines of `a` not matched by a line of `b` (a multiset difference: a cheap stand-in for diff). */
function unmatched(a: string[], b: string[]): number {
  const pool = new Map<string, number>()
  for (const line of b) pool.set(line, (pool.get(line) ?? 0) + 1)
  let count = 0
  for (const line of a) {
    const left = pool.get(line) ?? 0
    if (left > 0) pool.set(line, left - 1)
    else count += 1
  }
  return count
}

function tips(repo: SandboxRepo, pull: PullRequest): { base: string; head: string } {
  const head = pullHeadSha(repo, pull)
  const baseTip = repo.refs.get(`refs/heads/${pull.base}`) ?? head
  return { base: repo.git.mergeBase(baseTip, head) ?? baseTip, head }
}

function changes(repo: SandboxRepo, pull: PullRequest): FileChange[] {
  const { base, head } = tips(repo, pull)
  const before = repo.git.flatten(repo.git.commit(base)?.tree ?? '')
  const after = repo.git.flatten(repo.git.commit(head)?.tree ?? '')
  const paths = [...new Set([...before.keys(), ...after.keys()])].sort()
  return paths.flatMap(filename => {
    const old = before.get(filename)
    const now = after.get(filename)
    if (old?.sha === now?.sha) return []
    const oldLines = lines(repo, old)
    const newLines = lines(repo, now)
    const status = old === undefined ? 'added' : now === undefined ? 'removed' : 'modified'
    return [
      {
        filename,
        status,
        sha: (now ?? old)?.sha ?? '',
        additions: unmatched(newLines, oldLines),
        deletions: unmatched(oldLines, newLines)
      }
    ]
  })
}

/** The `diff-entry` shapes of a pull request's changed files, by path. */
export function pullFilesJson(
  api: string,
  repo: SandboxRepo,
  pull: PullRequest
): Record<string, unknown>[] {
  const { head } = tips(repo, pull)
  const base = `${api}/repos/${repo.owner}/${repo.name}`
  const html = `${HTML_ROOT}/${repo.owner}/${repo.name}`
  return changes(repo, pull).map(change => ({
    sha: change.sha,
    filename: change.filename,
    status: change.status,
    additions: change.additions,
    deletions: change.deletions,
    changes: change.additions + change.deletions,
    blob_url: `${html}/blob/${head}/${change.filename}`,
    raw_url: `${html}/raw/${head}/${change.filename}`,
    contents_url: `${base}/contents/${change.filename}?ref=${head}`
  }))
}

/** Commit and line counts of a pull request. */
export function pullStats(repo: SandboxRepo, pull: PullRequest): PullStats {
  const { base, head } = tips(repo, pull)
  const inBase = new Set(repo.git.ancestors(base))
  const files = changes(repo, pull)
  return {
    commits: repo.git.ancestors(head).filter(sha => !inBase.has(sha)).length,
    additions: files.reduce((sum, file) => sum + file.additions, 0),
    deletions: files.reduce((sum, file) => sum + file.deletions, 0),
    changedFiles: files.length
  }
}
