import { z } from 'zod'
import type { GitHubApi, RepoRef } from './client.js'
import { attempt, parseAnswer } from './errors.js'

/** The reactions GitHub offers on a comment. */
export type ReactionContent =
  '+1' | '-1' | 'laugh' | 'confused' | 'heart' | 'hooray' | 'rocket' | 'eyes'

/** A comment on an issue or pull request, as kitty-origin reads it. */
export interface IssueComment {
  id: number
  body: string
  /** Null for a deleted account ("ghost"). */
  author: { login: string; type: string } | null
  createdAt: string
  updatedAt: string
  url: string
}

/** The largest page GitHub serves; `findNewestComments` reads pages of this size. */
export const COMMENTS_PER_PAGE = 100

const CommentAnswer = z.object({
  id: z.number().int(),
  body: z.string().nullish(),
  user: z.object({ login: z.string(), type: z.string() }).nullable(),
  created_at: z.string(),
  updated_at: z.string(),
  html_url: z.string()
})

function toComment(answer: z.infer<typeof CommentAnswer>): IssueComment {
  return {
    id: answer.id,
    body: answer.body ?? '',
    author: answer.user === null ? null : { login: answer.user.login, type: answer.user.type },
    createdAt: answer.created_at,
    updatedAt: answer.updated_at,
    url: answer.html_url
  }
}

function commentCall(action: string): { action: string; permission: string } {
  return { action, permission: 'issues: write' }
}

/** Posts a comment on an issue or pull request. */
export async function createComment(
  api: GitHubApi,
  repo: RepoRef,
  issueNumber: number,
  body: string
): Promise<IssueComment> {
  const call = commentCall(`comment on #${issueNumber}`)
  const { data } = await attempt(call, () =>
    api.request('POST /repos/{owner}/{repo}/issues/{issue_number}/comments', {
      owner: repo.owner,
      repo: repo.repo,
      issue_number: issueNumber,
      body
    })
  )
  return toComment(parseAnswer(CommentAnswer, data, call))
}

/** Replaces the body of a comment. */
export async function updateComment(
  api: GitHubApi,
  repo: RepoRef,
  commentId: number,
  body: string
): Promise<IssueComment> {
  const call = commentCall(`update comment ${commentId}`)
  const { data } = await attempt(call, () =>
    api.request('PATCH /repos/{owner}/{repo}/issues/comments/{comment_id}', {
      owner: repo.owner,
      repo: repo.repo,
      comment_id: commentId,
      body
    })
  )
  return toComment(parseAnswer(CommentAnswer, data, call))
}

/** Reacts to a comment; reacting twice the same way is harmless (GitHub keeps one). */
export async function addReaction(
  api: GitHubApi,
  repo: RepoRef,
  commentId: number,
  content: ReactionContent
): Promise<void> {
  await attempt(commentCall(`react to comment ${commentId}`), () =>
    api.request('POST /repos/{owner}/{repo}/issues/comments/{comment_id}/reactions', {
      owner: repo.owner,
      repo: repo.repo,
      comment_id: commentId,
      content
    })
  )
}

/** The page number a `Link` header gives for `rel`, if any. */
export function linkedPage(link: string | undefined, rel: string): number | undefined {
  for (const match of (link ?? '').matchAll(/<([^>]+)>;\s*rel="([^"]+)"/g)) {
    if (match[2] !== rel || match[1] === undefined) continue
    const page = Number(new URL(match[1]).searchParams.get('page'))
    return Number.isInteger(page) && page > 0 ? page : undefined
  }
  return undefined
}

interface Page {
  comments: IssueComment[]
  link: string | undefined
}

async function readPage(
  api: GitHubApi,
  repo: RepoRef,
  issueNumber: number,
  page: number
): Promise<Page> {
  const call = { action: `read the comments of #${issueNumber}`, permission: 'issues: read' }
  const answer = await attempt(call, () =>
    api.request('GET /repos/{owner}/{repo}/issues/{issue_number}/comments', {
      owner: repo.owner,
      repo: repo.repo,
      issue_number: issueNumber,
      per_page: COMMENTS_PER_PAGE,
      page
    })
  )
  const comments = parseAnswer(z.array(CommentAnswer), answer.data, call).map(toComment)
  return { comments, link: answer.headers.link }
}

/**
 * The newest page of an issue's comments, found from the comment count the event carried
 * without walking the thread from its start: the page the count points at, then the real last
 * page if the count was stale (more comments since, or fewer).
 */
async function newestPage(
  api: GitHubApi,
  repo: RepoRef,
  issueNumber: number,
  totalComments: number
): Promise<{ number: number; page: Page }> {
  const guess = Math.max(1, Math.ceil(totalComments / COMMENTS_PER_PAGE))
  const page = await readPage(api, repo, issueNumber, guess)
  const last = linkedPage(page.link, 'last')
  if (last !== undefined && last > guess) {
    return { number: last, page: await readPage(api, repo, issueNumber, last) }
  }
  if (page.comments.length > 0 || guess === 1) return { number: guess, page }
  const first = await readPage(api, repo, issueNumber, 1)
  const real = linkedPage(first.link, 'last') ?? 1
  if (real === 1) return { number: 1, page: first }
  return { number: real, page: await readPage(api, repo, issueNumber, real) }
}

/**
 * An issue's comments, newest first, read lazily page by page from the end: the caller stops
 * when it found what it looks for, so a lookup among the newest comments of a 10,000-comment
 * thread costs one request (three when the count is stale). `totalComments` is the count from
 * the event payload.
 */
export async function* findNewestComments(
  api: GitHubApi,
  repo: RepoRef,
  issueNumber: number,
  totalComments: number
): AsyncGenerator<IssueComment, void, undefined> {
  const seen = new Set<number>()
  let { number, page } = await newestPage(api, repo, issueNumber, totalComments)
  for (;;) {
    for (const comment of [...page.comments].reverse()) {
      if (seen.has(comment.id)) continue
      seen.add(comment.id)
      yield comment
    }
    number -= 1
    if (number < 1) return
    page = await readPage(api, repo, issueNumber, number)
  }
}
