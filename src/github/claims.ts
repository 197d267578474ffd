import { z } from 'zod'
import type { GitHubApi, RepoRef } from './client.js'
import { attempt, isGitHubFailure, parseAnswer } from './errors.js'
import { readTextFile } from './repo.js'

/** Where claims live: hidden refs, outside branches and tags, so no one sees or clones them. */
export const CLAIMS_NAMESPACE = 'kitty-origin/claims'

/** The file a claim's commit holds. */
export const CLAIM_FILE = 'claim.json'

const Sha = z.string().regex(/^[0-9a-f]{40}$/)
const ShaAnswer = z.object({ sha: Sha })
const RefAnswer = z.object({ object: z.object({ sha: Sha }) })

const ALREADY_EXISTS = /reference already exists/i
const DOES_NOT_EXIST = /reference does not exist/i

function claimRef(name: string): string {
  return `${CLAIMS_NAMESPACE}/${name}`
}

/**
 * Records `text` under the claim `name`, once: a root commit holding `claim.json`, then the ref
 * `refs/kitty-origin/claims/<name>` created at it. Creating a ref is atomic, so of two racing
 * claims exactly one gets `'created'`; the other gets `'exists'` and reads the winner's text.
 */
export async function createClaim(
  api: GitHubApi,
  repo: RepoRef,
  name: string,
  text: string
): Promise<'created' | 'exists'> {
  const call = { action: `claim ${name}`, permission: 'contents: write' }
  const owner = { owner: repo.owner, repo: repo.repo }
  const tree = await attempt(call, () =>
    api.request('POST /repos/{owner}/{repo}/git/trees', {
      ...owner,
      tree: [{ path: CLAIM_FILE, mode: '100644' as const, type: 'blob' as const, content: text }]
    })
  )
  const commit = await attempt(call, () =>
    api.request('POST /repos/{owner}/{repo}/git/commits', {
      ...owner,
      message: `kitty-origin claim ${name}\n`,
      tree: parseAnswer(ShaAnswer, tree.data, call).sha,
      parents: []
    })
  )
  const sha = parseAnswer(ShaAnswer, commit.data, call).sha
  return attempt<'created' | 'exists'>(
    call,
    async () => {
      await api.request('POST /repos/{owner}/{repo}/git/refs', {
        ...owner,
        ref: `refs/${claimRef(name)}`,
        sha
      })
      return 'created'
    },
    error => (isGitHubFailure(error, 422, ALREADY_EXISTS) ? 'exists' : undefined)
  )
}

/** The text of the claim `name`, or null when there is none. */
export async function readClaim(
  api: GitHubApi,
  repo: RepoRef,
  name: string
): Promise<string | null> {
  const call = { action: `read the claim ${name}`, permission: 'contents: read' }
  const data = await attempt<unknown>(
    call,
    async () =>
      (
        await api.request('GET /repos/{owner}/{repo}/git/ref/{ref}', {
          ...repo,
          ref: claimRef(name)
        })
      ).data,
    error => (isGitHubFailure(error, 404) ? null : undefined)
  )
  if (data === null) return null
  return readTextFile(api, repo, CLAIM_FILE, parseAnswer(RefAnswer, data, call).object.sha)
}

/** Removes the claim `name`; a claim already gone is no error. */
export async function deleteClaim(api: GitHubApi, repo: RepoRef, name: string): Promise<void> {
  const call = { action: `release the claim ${name}`, permission: 'contents: write' }
  await attempt<null>(
    call,
    async () => {
      await api.request('DELETE /repos/{owner}/{repo}/git/refs/{ref}', {
        owner: repo.owner,
        repo: repo.repo,
        ref: claimRef(name)
      })
      return null
    },
    error => (isGitHubFailure(error, 422, DOES_NOT_EXIST) ? null : undefined)
  )
}
