import { z } from 'zod'
import { KittyError } from '../errors.js'
import type { GitHubApi, RepoRef } from './client.js'
import { attempt, isGitHubFailure, parseAnswer, toGitHubError } from './errors.js'
import { settled } from './settle.js'

const RefAnswer = z.object({ object: z.object({ sha: z.string().regex(/^[0-9a-f]{40}$/) }) })

const ALREADY_EXISTS = /reference already exists/i
const DOES_NOT_EXIST = /reference does not exist/i
const NOT_FAST_FORWARD = /not a fast.?forward/i

/** The commit a branch points at; null when the branch does not exist. */
export async function getBranchHead(
  api: GitHubApi,
  repo: RepoRef,
  branch: string
): Promise<string | null> {
  const call = { action: `read the branch ${branch}`, permission: 'contents: read' }
  const data = await attempt<unknown>(
    call,
    async () =>
      (
        await api.request('GET /repos/{owner}/{repo}/git/ref/{ref}', {
          owner: repo.owner,
          repo: repo.repo,
          ref: `heads/${branch}`
        })
      ).data,
    error => (isGitHubFailure(error, 404) ? null : undefined)
  )
  return data === null ? null : parseAnswer(RefAnswer, data, call).object.sha
}

/**
 * Creates a branch at `sha`. Creating a ref is atomic on GitHub, so of two concurrent callers
 * exactly one gets `'created'`; the other (and a re-run) gets `'exists'`.
 */
export async function createBranch(
  api: GitHubApi,
  repo: RepoRef,
  branch: string,
  sha: string
): Promise<'created' | 'exists'> {
  const call = { action: `create the branch ${branch}`, permission: 'contents: write' }
  return attempt<'created' | 'exists'>(
    call,
    async () => {
      await api.request('POST /repos/{owner}/{repo}/git/refs', {
        owner: repo.owner,
        repo: repo.repo,
        ref: `refs/heads/${branch}`,
        sha
      })
      return 'created'
    },
    error => (isGitHubFailure(error, 422, ALREADY_EXISTS) ? 'exists' : undefined)
  )
}

/** Deletes a branch; `'missing'` when it was already gone (so a retry is harmless). */
export async function deleteBranch(
  api: GitHubApi,
  repo: RepoRef,
  branch: string
): Promise<'deleted' | 'missing'> {
  const call = { action: `delete the branch ${branch}`, permission: 'contents: write' }
  return attempt<'deleted' | 'missing'>(
    call,
    async () => {
      await api.request('DELETE /repos/{owner}/{repo}/git/refs/{ref}', {
        owner: repo.owner,
        repo: repo.repo,
        ref: `heads/${branch}`
      })
      return 'deleted'
    },
    error => (isGitHubFailure(error, 422, DOES_NOT_EXIST) ? 'missing' : undefined)
  )
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
