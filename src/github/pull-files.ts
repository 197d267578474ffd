import { z } from 'zod'
import type { GitHubPager, RepoRef } from './client.js'
import { attempt, parseAnswer } from './errors.js'

/** How GitHub describes what a pull request did to one file. */
export const FILE_STATUSES = [
  'added',
  'removed',
  'modified',
  'renamed',
  'copied',
  'changed',
  'unchanged'
] as const

/** One file a pull request changes, as GitHub lists it. */
export interface PullRequestFile {
  path: string
  status: (typeof FILE_STATUSES)[number]
  /** The path before a rename (or the source of a copy). */
  previousPath?: string
}

/** The largest page GitHub serves; `listPullRequestFiles` reads pages of this size. */
export const PULL_FILES_PER_PAGE = 100
/** GitHub lists at most this many files of one pull request. */
export const MAX_LISTED_PULL_FILES = 3000

const FileAnswer = z.object({
  filename: z.string().min(1),
  status: z.enum(FILE_STATUSES),
  previous_filename: z.string().optional()
})

/** The most pages a listing reads: GitHub's cap in pages, also a bound on a `Link` that loops. */
const MAX_PAGES = Math.ceil(MAX_LISTED_PULL_FILES / PULL_FILES_PER_PAGE)

/**
 * Every file a pull request changes (at most GitHub's 3,000), page by page with Octokit's
 * `paginate`. Renamed files name their previous path.
 */
export async function listPullRequestFiles(
  api: GitHubPager,
  repo: RepoRef,
  pullNumber: number
): Promise<PullRequestFile[]> {
  const call = {
    action: `list the files of pull request #${pullNumber}`,
    permission: 'pull-requests: read'
  }
  return attempt(call, async () => {
    const files: PullRequestFile[] = []
    const pages = api.paginate.iterator('GET /repos/{owner}/{repo}/pulls/{pull_number}/files', {
      owner: repo.owner,
      repo: repo.repo,
      pull_number: pullNumber,
      per_page: PULL_FILES_PER_PAGE
    })
    let read = 0
    for await (const page of pages) {
      for (const file of parseAnswer(z.array(FileAnswer), page.data, call)) {
        files.push({
          path: file.filename,
          status: file.status,
          ...(file.previous_filename === undefined ? {} : { previousPath: file.previous_filename })
        })
      }
      read += 1
      if (read === MAX_PAGES) break
    }
    return files
  })
}
