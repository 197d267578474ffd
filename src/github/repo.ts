import { z } from 'zod'
import { KittyError } from '../errors.js'
import type { GitHubApi, RepoRef } from './client.js'
import { attempt, isGitHubFailure, parseAnswer, Sha } from './errors.js'
import { listTreeEntries, treeEntryAt } from './trees.js'
import type { TreeEntryKind } from './trees.js'

/** The kinds of directory entry: a file, a directory, a symlink or a submodule. */
export type EntryType = TreeEntryKind

/** The contents API lists at most this many entries of a directory (GitHub's limit). */
export const CONTENTS_LIST_LIMIT = 1_000

const ContentsAnswer = z.union([
  z.array(z.object({ name: z.string(), type: z.string() })),
  z.object({ type: z.string(), encoding: z.string().optional(), content: z.string().optional() })
])
type ContentsAnswer = z.infer<typeof ContentsAnswer>

/** GitHub's 404 when the ref itself (not the path) does not exist. */
const NO_SUCH_REF = /no commit found for the ref/i

/**
 * A file (object) or directory (array) at `ref`; null when GitHub has nothing at that path
 * (404). A ref that does not exist is an error that names it: "nothing there" would be wrong.
 */
async function getContents(
  api: GitHubApi,
  repo: RepoRef,
  path: string,
  ref: string,
  action: string
): Promise<ContentsAnswer | null> {
  const call = { action, permission: 'contents: read' }
  const data = await attempt<unknown>(
    call,
    async () =>
      (
        await api.request('GET /repos/{owner}/{repo}/contents/{path}', {
          owner: repo.owner,
          repo: repo.repo,
          path,
          ref
        })
      ).data,
    error => {
      if (isGitHubFailure(error, 404, NO_SUCH_REF)) {
        throw new KittyError(
          'github-error',
          Sha.safeParse(ref).success
            ? `The commit ${ref.slice(0, 12)} does not exist in this repository, so kitty-origin could not ${action}; re-run the job.`
            : `The branch ${ref} does not exist in this repository, so kitty-origin could not ${action}; create it or check the base-branch input.`,
          `GitHub answered 404: No commit found for the ref ${ref}`,
          { cause: error }
        )
      }
      return isGitHubFailure(error, 404) ? null : undefined
    }
  )
  return data === null ? null : parseAnswer(ContentsAnswer, data, call)
}

/**
 * The text of a file at `ref` (UTF-8); null when there is no file at that path (nothing there,
 * or a directory). A file too large for the contents API (over 1 MB) is an error.
 */
export async function readTextFile(
  api: GitHubApi,
  repo: RepoRef,
  path: string,
  ref: string
): Promise<string | null> {
  const contents = await getContents(api, repo, path, ref, `read ${path}`)
  if (contents === null || Array.isArray(contents) || contents.type !== 'file') return null
  if (contents.encoding !== 'base64' || contents.content === undefined) {
    throw new KittyError(
      'github-error',
      `${path} is too large for kitty-origin to read through the GitHub API.`,
      `encoding ${contents.encoding ?? 'missing'}`
    )
  }
  return Buffer.from(contents.content, 'base64').toString('utf8')
}

/**
 * The names of a directory's entries at `ref`, sorted; with `only`, just the entries of that
 * kind (e.g. `'dir'`). Null when there is no directory at that path. One contents request while
 * the directory is small; when it has as many entries as the contents API lists at most
 * (1,000, so it may have been cut), the directory is read whole with the Git trees API.
 */
export async function listDirectory(
  api: GitHubApi,
  repo: RepoRef,
  path: string,
  ref: string,
  only?: EntryType
): Promise<string[] | null> {
  const action = `list ${path === '' ? 'the repository' : path}`
  const contents = await getContents(api, repo, path, ref, action)
  if (!Array.isArray(contents)) return null
  let entries = contents.map(entry => ({ name: entry.name, kind: entry.type }))
  if (contents.length >= CONTENTS_LIST_LIMIT) {
    const directory = await treeEntryAt(api, repo, ref, path)
    const whole = directory?.kind === 'dir' ? await listTreeEntries(api, repo, directory.sha) : null
    entries = (whole ?? []).map(entry => ({ name: entry.path, kind: entry.kind }))
  }
  return entries
    .filter(entry => only === undefined || entry.kind === only)
    .map(entry => entry.name)
    .sort()
}
