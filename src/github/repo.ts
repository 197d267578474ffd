import { z } from 'zod'
import { KittyError } from '../errors.js'
import type { GitHubApi, RepoRef } from './client.js'
import { attempt, isGitHubFailure, parseAnswer } from './errors.js'

/** The kinds of directory entry the contents API reports. */
export type EntryType = 'file' | 'dir' | 'symlink' | 'submodule'

const ContentsAnswer = z.union([
  z.array(z.object({ name: z.string(), type: z.string() })),
  z.object({ type: z.string(), encoding: z.string().optional(), content: z.string().optional() })
])
type ContentsAnswer = z.infer<typeof ContentsAnswer>

/** A file (object) or directory (array) at `ref`; null when GitHub has nothing there (404). */
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
    error => (isGitHubFailure(error, 404) ? null : undefined)
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
 * kind (e.g. `'dir'`). Null when there is no directory at that path.
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
  return contents
    .filter(entry => only === undefined || entry.type === only)
    .map(entry => entry.name)
    .sort()
}
