import { z } from 'zod'
import type { GitHubApi, RepoRef } from './client.js'
import { attempt, parseAnswer, Sha } from './errors.js'
import type { GitHubCall } from './errors.js'
import { moveBranch } from './refs.js'
import { settled } from './settle.js'

/** One file of a commit: its new text, or null to delete it. */
export interface FileChange {
  path: string
  content: string | null
}

/** A commit of file changes on top of a branch's known head. */
export interface CommitRequest {
  branch: string
  /** The commit the branch points at now; the new commit's only parent. */
  parentSha: string
  files: readonly FileChange[]
  message: string
  /** The parent's tree, when the caller already knows it (saves a request). */
  baseTreeSha?: string | undefined
}

const CommitAnswer = z.object({ sha: Sha, tree: z.object({ sha: Sha }) })
const TreeAnswer = z.object({ sha: Sha })

/** The tree a commit points at. */
export async function getCommitTree(api: GitHubApi, repo: RepoRef, sha: string): Promise<string> {
  const call = { action: `read the commit ${sha.slice(0, 12)}`, permission: 'contents: read' }
  const commit = await attempt(call, () =>
    settled(['not-found'], () =>
      api.request('GET /repos/{owner}/{repo}/git/commits/{commit_sha}', {
        owner: repo.owner,
        repo: repo.repo,
        commit_sha: sha
      })
    )
  )
  return parseAnswer(CommitAnswer, commit.data, call).tree.sha
}

/**
 * A commit of file changes on top of `parentSha`, not yet on any branch; with `parentSha` null,
 * a root commit holding only `files` (which then delete nothing).
 */
export type CommitObjectRequest = Omit<CommitRequest, 'branch' | 'parentSha'> & {
  parentSha: string | null
}

/**
 * Writes `files` as one commit object on top of `parentSha`: a tree on top of the parent
 * commit's tree (inline contents, mode 100644), then the commit. No branch or ref moves; returns
 * the new commit's id, for a ref to be created at (so a branch is never seen without its files).
 * Each step retries GitHub's brief "not visible yet" answers about what the step before wrote.
 * `call` names the write in errors.
 */
export async function createCommit(
  api: GitHubApi,
  repo: RepoRef,
  request: CommitObjectRequest,
  call: GitHubCall = { action: 'write a commit', permission: 'contents: write' }
): Promise<string> {
  const owner = { owner: repo.owner, repo: repo.repo }
  const { parentSha } = request
  const baseTree =
    parentSha === null
      ? undefined
      : (request.baseTreeSha ?? (await getCommitTree(api, repo, parentSha)))
  const tree = await attempt(call, () =>
    settled(['tree'], () =>
      api.request('POST /repos/{owner}/{repo}/git/trees', {
        ...owner,
        ...(baseTree === undefined ? {} : { base_tree: baseTree }),
        tree: request.files.map(file =>
          file.content === null
            ? { path: file.path, mode: '100644' as const, type: 'blob' as const, sha: null }
            : {
                path: file.path,
                mode: '100644' as const,
                type: 'blob' as const,
                content: file.content
              }
        )
      })
    )
  )
  const treeSha = parseAnswer(TreeAnswer, tree.data, call).sha
  const commit = await attempt(call, () =>
    settled(['tree', 'object'], () =>
      api.request('POST /repos/{owner}/{repo}/git/commits', {
        ...owner,
        message: request.message,
        tree: treeSha,
        parents: parentSha === null ? [] : [parentSha]
      })
    )
  )
  return parseAnswer(CommitAnswer, commit.data, call).sha
}

/**
 * Commits `files` on `branch` in one commit (see createCommit), then moves the branch without
 * force. A branch someone else moved since `parentSha` is never reset: that is an error.
 * Returns the new commit's id.
 */
export async function commitFiles(
  api: GitHubApi,
  repo: RepoRef,
  request: CommitRequest
): Promise<string> {
  const sha = await createCommit(api, repo, request)
  await moveBranch(api, repo, request.branch, sha)
  return sha
}
