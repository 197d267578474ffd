import { z } from 'zod'
import { KittyError } from '../errors.js'
import type { GitHubApi, RepoRef } from './client.js'
import { attempt, isGitHubFailure, parseAnswer, Sha } from './errors.js'
import { settleAll } from '../settle-all.js'

/** What a path of a tree is: a directory, a regular file, a symlink or a submodule. */
export type TreeEntryKind = 'dir' | 'file' | 'symlink' | 'submodule'

/** One entry of a Git tree, with its path below the tree that was listed. */
export interface TreeItem {
  path: string
  kind: TreeEntryKind
  sha: string
  /** Bytes of a file or symlink; absent for directories and submodules. */
  size?: number
}

/** A whole tree: its own id and every entry below it. */
export interface ListedTree {
  sha: string
  items: TreeItem[]
}

const TreeAnswer = z.object({
  sha: Sha,
  truncated: z.boolean(),
  tree: z.array(
    z.object({
      path: z.string().min(1),
      mode: z.string(),
      type: z.string(),
      sha: Sha,
      size: z.number().int().nonnegative().optional()
    })
  )
})

/** How many subtrees a cut listing reads at once while it walks them one at a time. */
const WALK_CONCURRENCY = 8

function kindOf(mode: string, type: string): TreeEntryKind {
  if (type === 'tree' || mode === '040000') return 'dir'
  if (type === 'commit' || mode === '160000') return 'submodule'
  return mode === '120000' ? 'symlink' : 'file'
}

/** One listing of a tree; null when GitHub has no such tree (404). */
async function getTree(
  api: GitHubApi,
  repo: RepoRef,
  treeish: string,
  recursive: boolean
): Promise<z.infer<typeof TreeAnswer> | null> {
  const call = { action: `read the tree ${treeish.slice(0, 40)}`, permission: 'contents: read' }
  const data = await attempt<unknown>(
    call,
    async () =>
      (
        await api.request('GET /repos/{owner}/{repo}/git/trees/{tree_sha}', {
          owner: repo.owner,
          repo: repo.repo,
          tree_sha: treeish,
          ...(recursive ? { recursive: '1' } : {})
        })
      ).data,
    error => (isGitHubFailure(error, 404) ? null : undefined)
  )
  return data === null ? null : parseAnswer(TreeAnswer, data, call)
}

function itemsOf(answer: z.infer<typeof TreeAnswer>, prefix: string): TreeItem[] {
  return answer.tree.map(entry => ({
    path: `${prefix}${entry.path}`,
    kind: kindOf(entry.mode, entry.type),
    sha: entry.sha,
    ...(entry.size === undefined ? {} : { size: entry.size })
  }))
}

/**
 * The entries of one tree (a tree or commit id, or a branch name), not descending into
 * directories; null when there is no such tree. A single directory too large for GitHub to
 * list whole is an error, never a silently shorter list.
 */
export async function listTreeEntries(
  api: GitHubApi,
  repo: RepoRef,
  treeish: string
): Promise<TreeItem[] | null> {
  const answer = await getTree(api, repo, treeish, false)
  if (answer === null) return null
  if (answer.truncated) {
    throw new KittyError(
      'github-error',
      `A directory of the repository has more entries than GitHub lists in one tree (${answer.tree.length}); kitty-origin cannot read it whole.`,
      `tree ${treeish} truncated`
    )
  }
  return itemsOf(answer, '')
}

/**
 * Every entry below a tree (a tree or commit id, or a branch name), with paths relative to it,
 * in one request while GitHub lists it whole. When GitHub cuts the recursive listing
 * (`truncated: true`, past 100,000 entries or 7 MB), the tree is walked directory by directory
 * instead, so the result is always complete. Null when there is no such tree. With the entries
 * comes the tree's own id (a commit's root tree, when a commit was named).
 */
export async function listTreeRecursive(
  api: GitHubApi,
  repo: RepoRef,
  treeish: string
): Promise<ListedTree | null> {
  const answer = await getTree(api, repo, treeish, true)
  if (answer === null) return null
  if (!answer.truncated) return { sha: answer.sha, items: itemsOf(answer, '') }
  const items: TreeItem[] = []
  let pending: { sha: string; prefix: string }[] = [{ sha: treeish, prefix: '' }]
  while (pending.length > 0) {
    const batch = pending.slice(0, WALK_CONCURRENCY)
    pending = pending.slice(WALK_CONCURRENCY)
    const listed = await settleAll(
      batch.map(async ({ sha, prefix }) => ({
        prefix,
        entries: (await listTreeEntries(api, repo, sha)) ?? []
      }))
    )
    for (const { prefix, entries } of listed) {
      for (const entry of entries) {
        const item = { ...entry, path: `${prefix}${entry.path}` }
        items.push(item)
        if (item.kind === 'dir') pending.push({ sha: item.sha, prefix: `${item.path}/` })
      }
    }
  }
  return { sha: answer.sha, items }
}

/**
 * The entry at `path` below a commit (or branch), found by walking its directories one tree at
 * a time; null when nothing is there. `''` is the commit's root tree.
 */
export async function treeEntryAt(
  api: GitHubApi,
  repo: RepoRef,
  commitish: string,
  path: string
): Promise<TreeItem | null> {
  let current: TreeItem = { path: '', kind: 'dir', sha: commitish }
  for (const part of path.split('/').filter(segment => segment !== '')) {
    if (current.kind !== 'dir') return null
    const entries = await listTreeEntries(api, repo, current.sha)
    const next = entries?.find(entry => entry.path === part)
    if (next === undefined) return null
    current = { ...next, path: current.path === '' ? part : `${current.path}/${part}` }
  }
  return current
}
