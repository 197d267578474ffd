import { z } from 'zod'
import type { GitHubApi, RepoRef } from './client.js'
import { linkedPage } from './comments.js'
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

/**
 * Every file a pull request changes (at most GitHub's 3,000), following the `Link` header page
 * by page. Renamed files name their previous path.
 */
export async function listPullRequestFiles(
  api: GitHubApi,
  repo: RepoRef,
  pullNumber: number
): Promise<PullRequestFile[]> {
  const call = {
    action: `list the files of pull request #${pullNumber}`,
    permission: 'pull-requests: read'
  }
  const files: PullRequestFile[] = []
  for (let page: number | undefined = 1; page !== undefined;) {
    const current: number = page
    const answer = await attempt(call, () =>
      api.request('GET /repos/{owner}/{repo}/pulls/{pull_number}/files', {
        owner: repo.owner,
        repo: repo.repo,
        pull_number: pullNumber,
        per_page: PULL_FILES_PER_PAGE,
        page: current
      })
    )
    for (const file of parseAnswer(z.array(FileAnswer), answer.data, call)) {
      files.push({
        path: file.filename,
        status: file.status,
        ...(file.previous_filename === undefined ? {} : { previousPath: file.previous_filename })
      })
    }
    const next = linkedPage(answer.headers.link, 'next')
    page = next !== undefined && next > current ? next : undefined
  }
  return files
}
