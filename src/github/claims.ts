import type { GitHubApi, RepoRef } from './client.js'
import { createCommit } from './commit.js'
import { createRef, deleteRef, readRef } from './refs.js'
import { readTextFile } from './repo.js'

/** Where claims live: hidden refs, outside branches and tags, so no one sees or clones them. */
export const CLAIMS_NAMESPACE = 'kitty-origin/claims'

/** The file a claim's commit holds. */
export const CLAIM_FILE = 'claim.json'

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
  const sha = await createCommit(
    api,
    repo,
    {
      parentSha: null,
      files: [{ path: CLAIM_FILE, content: text }],
      message: `kitty-origin claim ${name}\n`
    },
    call
  )
  return createRef(api, repo, claimRef(name), sha, call)
}

/** The text of the claim `name`, or null when there is none. */
export async function readClaim(
  api: GitHubApi,
  repo: RepoRef,
  name: string
): Promise<string | null> {
  const call = { action: `read the claim ${name}`, permission: 'contents: read' }
  const sha = await readRef(api, repo, claimRef(name), call)
  return sha === null ? null : readTextFile(api, repo, CLAIM_FILE, sha)
}

/** Removes the claim `name`; a claim already gone is no error. */
export async function deleteClaim(api: GitHubApi, repo: RepoRef, name: string): Promise<void> {
  const call = { action: `release the claim ${name}`, permission: 'contents: write' }
  await deleteRef(api, repo, claimRef(name), call)
}
