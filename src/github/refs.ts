import { z } from 'zod'
import { KittyError } from '../errors.js'
import type { GitHubApi, RepoRef } from './client.js'
import { attempt, isGitHubFailure, parseAnswer, Sha, toGitHubError } from './errors.js'
import type { GitHubCall } from './errors.js'
import { settled } from './settle.js'

const RefAnswer = z.object({ object: z.object({ sha: Sha }) })

const ALREADY_EXISTS = /reference already exists/i
const DOES_NOT_EXIST = /reference does not exist/i
const NOT_FAST_FORWARD = /not a fast.?forward/i

/** A ref, as the refs API names it: `heads/<branch>` or a hidden `kitty-origin/claims/<name>`. */
type RefName = string

/** The commit `ref` points at; null when the ref does not exist. */
export async function readRef(
  api: GitHubApi,
  repo: RepoRef,
  ref: RefName,
  call: GitHubCall
): Promise<string | null> {
  const data = await attempt<unknown>(
    call,
    async () =>
      (await api.request('GET /repos/{owner}/{repo}/git/ref/{ref}', { ...repoOf(repo), ref })).data,
    error => (isGitHubFailure(error, 404) ? null : undefined)
  )
  return data === null ? null : parseAnswer(RefAnswer, data, call).object.sha
}

/**
 * Creates `ref` at `sha`. Creating a ref is atomic on GitHub, so of two concurrent callers
 * exactly one gets `'created'`; the other (and a re-run) gets `'exists'`.
 */
export async function createRef(
  api: GitHubApi,
  repo: RepoRef,
  ref: RefName,
  sha: string,
  call: GitHubCall
): Promise<'created' | 'exists'> {
  return attempt<'created' | 'exists'>(
    call,
    async () => {
      await api.request('POST /repos/{owner}/{repo}/git/refs', {
        ...repoOf(repo),
        ref: `refs/${ref}`,
        sha
      })
      return 'created'
    },
    error => (isGitHubFailure(error, 422, ALREADY_EXISTS) ? 'exists' : undefined)
  )
}

/** Deletes `ref`; `'missing'` when it was already gone (so a retry is harmless). */
export async function deleteRef(
  api: GitHubApi,
  repo: RepoRef,
  ref: RefName,
  call: GitHubCall
): Promise<'deleted' | 'missing'> {
  return attempt<'deleted' | 'missing'>(
    call,
    async () => {
      await api.request('DELETE /repos/{owner}/{repo}/git/refs/{ref}', { ...repoOf(repo), ref })
      return 'deleted'
    },
    error => (isGitHubFailure(error, 422, DOES_NOT_EXIST) ? 'missing' : undefined)
  )
}

function repoOf(repo: RepoRef): RepoRef {
  return { owner: repo.owner, repo: repo.repo }
}

/** The commit a branch points at; null when the branch does not exist. */
export function getBranchHead(
  api: GitHubApi,
  repo: RepoRef,
  branch: string
): Promise<string | null> {
  const call = { action: `read the branch ${branch}`, permission: 'contents: read' }
  return readRef(api, repo, `heads/${branch}`, call)
}

/** Creates a branch at `sha`; atomic, so of two concurrent callers exactly one gets `'created'`. */
export function createBranch(
  api: GitHubApi,
  repo: RepoRef,
  branch: string,
  sha: string
): Promise<'created' | 'exists'> {
  const call = { action: `create the branch ${branch}`, permission: 'contents: write' }
  return createRef(api, repo, `heads/${branch}`, sha, call)
}

/** Deletes a branch; `'missing'` when it was already gone (so a retry is harmless). */
export function deleteBranch(
  api: GitHubApi,
  repo: RepoRef,
  branch: string
): Promise<'deleted' | 'missing'> {
  const call = { action: `delete the branch ${branch}`, permission: 'contents: write' }
  return deleteRef(api, repo, `heads/${branch}`, call)
}

/**
 * Moves a branch forward to `sha`, never by force: when someone pushed to the branch in the
 * meantime (so `sha` does not descend from its head), nothing changes and this is an error.
 * A branch or commit just created that GitHub does not show yet is tried again briefly.
 */
export async function moveBranch(
  api: GitHubApi,
  repo: RepoRef,
  branch: string,
  sha: string
): Promise<void> {
  const call = { action: `update the branch ${branch}`, permission: 'contents: write' }
  try {
    await settled(['ref', 'object'], () =>
      api.request('PATCH /repos/{owner}/{repo}/git/refs/{ref}', {
        owner: repo.owner,
        repo: repo.repo,
        ref: `heads/${branch}`,
        sha,
        force: false
      })
    )
  } catch (error) {
    if (!isGitHubFailure(error, 422, NOT_FAST_FORWARD)) throw toGitHubError(error, call)
    throw new KittyError(
      'github-error',
      `The branch ${branch} changed while kitty-origin was writing to it, so kitty-origin left it alone; re-run the job to continue from its new state.`,
      `GitHub answered 422: Update is not a fast forward (to ${sha})`,
      { cause: error }
    )
  }
}
