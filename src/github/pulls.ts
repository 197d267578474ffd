import { z } from 'zod'
import { KittyError } from '../errors.js'
import type { GitHubApi, RepoRef } from './client.js'
import { attempt, isGitHubFailure, parseAnswer } from './errors.js'
import { settled } from './settle.js'

/** A pull request as kitty-origin reports it. */
export interface PullRequestRef {
  number: number
  url: string
  state: 'open' | 'closed' | 'merged'
  draft: boolean
}

/** What `openPullRequest` needs. */
export interface PullRequestRequest {
  /** The branch to merge (in this repository). */
  head: string
  base: string
  title: string
  body: string
  draft: boolean
  labels: readonly string[]
}

/** The pull request, and whether its labels could be added. */
export interface OpenedPullRequest extends PullRequestRef {
  /** False when GitHub kept refusing the labels (the pull request itself exists). */
  labelled: boolean
  /** True when the pull request existed already (a re-run). */
  existed: boolean
}

/** Waits before each retry of adding labels, which GitHub may refuse right after creation. */
export const LABEL_RETRY_DELAYS_MS: readonly number[] = [250, 500, 1000]

const PullAnswer = z.object({
  number: z.number().int(),
  html_url: z.string(),
  state: z.enum(['open', 'closed']),
  draft: z.boolean().optional(),
  merged_at: z.string().nullish()
})

function toRef(answer: z.infer<typeof PullAnswer>): PullRequestRef {
  const merged = typeof answer.merged_at === 'string'
  return {
    number: answer.number,
    url: answer.html_url,
    state: merged ? 'merged' : answer.state,
    draft: answer.draft ?? false
  }
}

/**
 * The pull request whose head is `head` (a branch of this repository), in any state; an open
 * one wins over closed ones, then the newest. Null when there is none.
 */
export async function findPullRequestForBranch(
  api: GitHubApi,
  repo: RepoRef,
  head: string
): Promise<PullRequestRef | null> {
  const call = { action: `look for the pull request of ${head}`, permission: 'pull-requests: read' }
  const { data } = await attempt(call, () =>
    api.request('GET /repos/{owner}/{repo}/pulls', {
      owner: repo.owner,
      repo: repo.repo,
      head: `${repo.owner}:${head}`,
      state: 'all',
      per_page: 100
    })
  )
  const pulls = parseAnswer(z.array(PullAnswer), data, call).map(toRef)
  const newestFirst = [...pulls].sort((a, b) => b.number - a.number)
  return newestFirst.find(pull => pull.state === 'open') ?? newestFirst[0] ?? null
}

const OpenPullAnswer = PullAnswer.extend({ head: z.object({ ref: z.string() }) })

/**
 * Open pull requests whose head branch starts with `prefix` (the newest 100 open pull requests
 * are looked at), newest first.
 */
export async function findOpenPullRequestsByHeadPrefix(
  api: GitHubApi,
  repo: RepoRef,
  prefix: string
): Promise<PullRequestRef[]> {
  const call = { action: 'list the open pull requests', permission: 'pull-requests: read' }
  const { data } = await attempt(call, () =>
    api.request('GET /repos/{owner}/{repo}/pulls', {
      owner: repo.owner,
      repo: repo.repo,
      state: 'open',
      sort: 'created',
      direction: 'desc',
      per_page: 100
    })
  )
  return parseAnswer(z.array(OpenPullAnswer), data, call)
    .filter(pull => pull.head.ref.startsWith(prefix))
    .map(toRef)
}

const sleep = (ms: number): Promise<void> => new Promise(resolve => setTimeout(resolve, ms))

/** Adds labels, retrying GitHub's 422s right after creation; false when they never took. */
async function addLabels(
  api: GitHubApi,
  repo: RepoRef,
  issueNumber: number,
  labels: readonly string[],
  delaysMs: readonly number[]
): Promise<boolean> {
  const call = { action: `label #${issueNumber}`, permission: 'pull-requests: write' }
  for (let attemptIndex = 0; ; attemptIndex += 1) {
    const added = await attempt(
      call,
      async () => {
        await api.request('POST /repos/{owner}/{repo}/issues/{issue_number}/labels', {
          owner: repo.owner,
          repo: repo.repo,
          issue_number: issueNumber,
          labels: [...labels]
        })
        return true
      },
      error => (isGitHubFailure(error, 422) ? false : undefined)
    )
    const delay = delaysMs[attemptIndex]
    if (added || delay === undefined) return added
    await sleep(delay)
  }
}

/**
 * Opens a pull request from `head` into `base` and labels it. A pull request that already
 * exists for the branch (a re-run) is found and returned instead. GitHub's brief "No commits
 * between" right after the branch's commit is tried again. GitHub refusing the Actions
 * token (repository setting) or a missing `pull-requests: write` is a KittyError naming the fix.
 */
export async function openPullRequest(
  api: GitHubApi,
  repo: RepoRef,
  request: PullRequestRequest,
  labelRetryDelaysMs: readonly number[] = LABEL_RETRY_DELAYS_MS
): Promise<OpenedPullRequest> {
  const call = { action: 'open the pull request', permission: 'pull-requests: write' }
  const created = await attempt<unknown>(
    call,
    async () =>
      (
        await settled(['no-commits'], () =>
          api.request('POST /repos/{owner}/{repo}/pulls', {
            owner: repo.owner,
            repo: repo.repo,
            head: request.head,
            base: request.base,
            title: request.title,
            body: request.body,
            draft: request.draft
          })
        )
      ).data,
    error => (isGitHubFailure(error, 422, /already exists/i) ? null : undefined)
  )
  const pull =
    created === null
      ? await findPullRequestForBranch(api, repo, request.head)
      : toRef(parseAnswer(PullAnswer, created, call))
  if (pull === null) {
    throw new KittyError(
      'github-error',
      `GitHub said a pull request for ${request.head} already exists but did not list it; re-run the job.`,
      undefined,
      { retryable: true }
    )
  }
  const labelled =
    request.labels.length === 0 ||
    (await addLabels(api, repo, pull.number, request.labels, labelRetryDelaysMs))
  return { ...pull, labelled, existed: created === null }
}
