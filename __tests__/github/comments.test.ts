import { describe, expect, it } from '@jest/globals'
import {
  addReaction,
  createComment,
  findNewestComments,
  linkedPage,
  updateComment
} from '../../src/github/comments.js'
import type { IssueComment } from '../../src/github/comments.js'
import type { GitHubApi } from '../../src/github/client.js'
import type { RepoRef } from '../../src/github/client.js'
import { useSandboxGitHub, WEBAPP } from '../../__fixtures__/sandbox/github.js'

const sandbox = useSandboxGitHub()

/** A new issue with `count` comments `c1`…`cN` (oldest first). */
function issueWith(count: number): number {
  const issue = sandbox.gh.createIssue('acme/webapp', { title: `${count} comments`, user: 'ana' })
  sandbox.gh.addComments(
    'acme/webapp',
    issue,
    Array.from({ length: count }, (_, index) => ({ user: 'ana', body: `c${index + 1}` }))
  )
  return issue
}

async function take(
  api: GitHubApi,
  repo: RepoRef,
  issue: number,
  total: number,
  limit: number
): Promise<IssueComment[]> {
  const found: IssueComment[] = []
  for await (const comment of findNewestComments(api, repo, issue, total)) {
    found.push(comment)
    if (found.length >= limit) break
  }
  return found
}

const listRequests = (): number => sandbox.seen('GET', /\/issues\/\d+\/comments$/)

describe('createComment, updateComment, addReaction', () => {
  it('posts a comment as the bot and reads it back', async () => {
    const comment = await createComment(sandbox.client, WEBAPP, 42, 'Tickets matching WEB-123')
    expect(comment).toMatchObject({
      body: 'Tickets matching WEB-123',
      author: { login: 'github-actions[bot]', type: 'Bot' }
    })
    expect(comment.url).toBe(`https://github.com/acme/webapp/issues/42#issuecomment-${comment.id}`)
    expect(sandbox.gh.comments('acme/webapp', 42).pop()?.body).toBe('Tickets matching WEB-123')
  })

  it('replaces the body of a comment', async () => {
    const comment = await createComment(sandbox.client, WEBAPP, 42, 'before')
    const updated = await updateComment(sandbox.client, WEBAPP, comment.id, 'after')
    expect(updated).toMatchObject({ id: comment.id, body: 'after' })
    expect(sandbox.gh.repo().comments.get(comment.id)?.body).toBe('after')
  })

  it('reacts to a comment once, however often it is asked', async () => {
    const [comment] = sandbox.gh.addComments('acme/webapp', 42, [
      { user: 'ana', body: '/kitty start-from WEB-123' }
    ])
    await addReaction(sandbox.client, WEBAPP, comment!.id, 'eyes')
    await addReaction(sandbox.client, WEBAPP, comment!.id, 'eyes')
    await addReaction(sandbox.client, WEBAPP, comment!.id, 'rocket')
    expect(comment!.reactions.map(reaction => reaction.content)).toEqual(['eyes', 'rocket'])
  })

  it('reports an issue that does not exist', async () => {
    await expect(createComment(sandbox.client, WEBAPP, 9999, 'x')).rejects.toMatchObject({
      message: expect.stringContaining(
        'GitHub found nothing when kitty-origin tried to comment on #9999'
      )
    })
  })
})

describe('findNewestComments', () => {
  it('reads a 10,000-comment thread from its end in one request', async () => {
    const issue = issueWith(10_000)
    const newest = await take(sandbox.client, WEBAPP, issue, 10_000, 5)
    expect(newest.map(comment => comment.body)).toEqual([
      'c10000',
      'c9999',
      'c9998',
      'c9997',
      'c9996'
    ])
    expect(listRequests()).toBe(1)
    const [request] = sandbox.gh.requests
    expect(new URL(request!.path, 'http://x').searchParams.get('page')).toBe('100')
  })

  it('finds the state within 3 requests even when the count is stale by a page', async () => {
    const issue = issueWith(10_000)
    const newest = await take(sandbox.client, WEBAPP, issue, 9_850, 150)
    expect(newest[0]?.body).toBe('c10000')
    expect(newest[149]?.body).toBe('c9851')
    expect(listRequests()).toBeLessThanOrEqual(3)
  })

  it('jumps to the real last page when comments were deleted since the count', async () => {
    const issue = issueWith(150)
    const newest = await take(sandbox.client, WEBAPP, issue, 1_000, 1)
    expect(newest[0]?.body).toBe('c150')
    expect(listRequests()).toBe(3)
  })

  it('walks back page by page, newest first, with no duplicates', async () => {
    const issue = issueWith(250)
    const all = await take(sandbox.client, WEBAPP, issue, 250, 1_000)
    expect(all.map(comment => comment.body)).toEqual(
      Array.from({ length: 250 }, (_, index) => `c${250 - index}`)
    )
    expect(new Set(all.map(comment => comment.id)).size).toBe(250)
    expect(listRequests()).toBe(3)
  })

  it('yields nothing for an issue without comments', async () => {
    const issue = issueWith(0)
    await expect(take(sandbox.client, WEBAPP, issue, 0, 10)).resolves.toEqual([])
    expect(listRequests()).toBe(1)
  })

  it('answers one page when the count says several but only one is left', async () => {
    const issue = issueWith(30)
    const all = await take(sandbox.client, WEBAPP, issue, 450, 100)
    expect(all).toHaveLength(30)
    expect(listRequests()).toBe(2)
  })

  it('skips a comment it already yielded when a deletion shifts the pages', async () => {
    const issue = issueWith(150)
    const seen: string[] = []
    for await (const comment of findNewestComments(sandbox.client, WEBAPP, issue, 150)) {
      seen.push(comment.body)
      if (seen.length === 50) {
        const oldest = sandbox.gh.comments('acme/webapp', issue)[0]!
        sandbox.gh.repo().comments.delete(oldest.id)
      }
    }
    expect(seen).toHaveLength(149)
    expect(new Set(seen).size).toBe(149)
  })

  it('reports the author of a deleted account as null', async () => {
    const issue = issueWith(1)
    sandbox.gh.faults.add({
      path: `/repos/acme/webapp/issues/${issue}/comments`,
      status: 200,
      body: [
        {
          id: 1,
          body: null,
          user: null,
          created_at: '2026-01-01T00:00:00Z',
          updated_at: '2026-01-01T00:00:00Z',
          html_url: 'https://github.com/acme/webapp/issues/1#issuecomment-1'
        }
      ]
    })
    await expect(take(sandbox.client, WEBAPP, issue, 1, 1)).resolves.toEqual([
      expect.objectContaining({ author: null, body: '' })
    ])
  })
})

describe('linkedPage', () => {
  const link =
    '<https://api.github.com/repositories/1/issues/42/comments?per_page=100&page=2>; rel="prev", ' +
    '<https://api.github.com/repositories/1/issues/42/comments?per_page=100&page=4>; rel="next", ' +
    '<https://api.github.com/repositories/1/issues/42/comments?per_page=100&page=9>; rel="last", ' +
    '<https://api.github.com/repositories/1/issues/42/comments?per_page=100&page=1>; rel="first"'

  it.each([
    ['prev', 2],
    ['next', 4],
    ['last', 9],
    ['first', 1],
    ['missing', undefined]
  ])('reads rel="%s" as page %s', (rel, page) => {
    expect(linkedPage(link, rel)).toBe(page)
  })

  it.each([
    ['no header', undefined],
    ['a link without a page', '<https://api.github.com/x?per_page=100>; rel="last"'],
    ['a page that is not a number', '<https://api.github.com/x?page=abc>; rel="last"']
  ])('answers undefined for %s', (_name, header) => {
    expect(linkedPage(header, 'last')).toBeUndefined()
  })
})
