import { createRequire } from 'node:module'
import { describe, expect, it } from '@jest/globals'
import Ajv from 'ajv'
import { issueCommentEvent, pullRequestEvent, workflowDispatchEvent } from '../../sandbox/events.js'
import type { IssueCommentEventOptions } from '../../sandbox/events.js'
import { recordedExample, stableId } from '../../sandbox/recorded.js'

const ajv = new Ajv({ allErrors: true })
ajv.addSchema(createRequire(import.meta.url)('@octokit/webhooks-schemas') as object, 'webhooks')

/** Schema violations of `payload` against one webhook definition, as readable lines. */
function violations(definition: string, payload: unknown): string[] {
  const validate = ajv.getSchema(`webhooks#/definitions/${definition}`)
  if (validate === undefined) throw new Error(`no schema definition ${definition}`)
  return validate(payload) === true
    ? []
    : (validate.errors ?? []).map(error => `${error.dataPath} ${error.message ?? ''}`)
}

const target = { owner: 'acme', repo: 'webapp', defaultBranch: 'main' }
const comment: IssueCommentEventOptions = {
  ...target,
  issueNumber: 42,
  commentCount: 3,
  commentId: 1_000_123,
  body: '/kitty start-from WEB-123',
  login: 'ana'
}
const RECORDED_NAMES = /Codertocat|Hello-World|Octocoders|octo-org|octo-repo/

describe('recorded examples', () => {
  it.each([
    ['issue_comment', 'created', 'issue_comment$created'],
    ['pull_request', 'opened', 'pull_request$opened'],
    ['pull_request', 'synchronize', 'pull_request$synchronize'],
    ['workflow_dispatch', undefined, 'workflow_dispatch$event']
  ] as const)(
    'the newest %s recording (action %s) is valid as recorded',
    (name, action, definition) => {
      expect(violations(definition, recordedExample(name, action))).toEqual([])
    }
  )

  it('the schema check catches a payload GitHub would never send', () => {
    const payload = issueCommentEvent(comment)
    Object.assign(payload.comment.user, { type: 'Robot' })
    Reflect.deleteProperty(payload.issue, 'number')
    expect(violations('issue_comment$created', payload)).toEqual(
      expect.arrayContaining([
        expect.stringContaining('.comment.user.type'),
        expect.stringContaining("should have required property 'number'")
      ])
    )
  })

  it('hands out a fresh copy each time', () => {
    const first = recordedExample('issue_comment', 'created')
    first.comment.body = 'changed'
    expect(recordedExample('issue_comment', 'created').comment.body).not.toBe('changed')
  })

  it('says which recording is missing', () => {
    expect(() => recordedExample('issue_comment', 'pinned')).toThrow(
      '@octokit/webhooks-examples has no issue_comment pinned recording.'
    )
  })
})

describe('built payloads validate against @octokit/webhooks-schemas', () => {
  it.each([
    ['a comment on an issue', 'issue_comment$created', issueCommentEvent(comment)],
    [
      'a comment on a pull request',
      'issue_comment$created',
      issueCommentEvent({ ...comment, onPullRequest: true })
    ],
    [
      'a comment by a bot',
      'issue_comment$created',
      issueCommentEvent({ ...comment, login: 'github-actions[bot]', userType: 'Bot' })
    ],
    [
      'a comment in a user-owned public repository',
      'issue_comment$created',
      issueCommentEvent({ ...comment, owner: 'ana', ownerType: 'User', private: false })
    ],
    [
      'an edited comment',
      'issue_comment$edited',
      issueCommentEvent({ ...comment, action: 'edited' })
    ],
    [
      'a deleted comment',
      'issue_comment$deleted',
      issueCommentEvent({ ...comment, action: 'deleted' })
    ],
    [
      'a workflow dispatch',
      'workflow_dispatch$event',
      workflowDispatchEvent({ ...target, login: 'ana', inputs: { query: 'WEB-123' } })
    ],
    [
      'an opened pull request',
      'pull_request$opened',
      pullRequestEvent({ ...target, number: 43, login: 'ana', head: 'kitty/mission-x' })
    ],
    [
      'a synchronized pull request',
      'pull_request$synchronize',
      pullRequestEvent({
        ...target,
        action: 'synchronize',
        number: 43,
        login: 'ana',
        head: 'kitty/mission-x'
      })
    ]
  ])('%s', (_what, definition, payload) => {
    expect(violations(definition, payload)).toEqual([])
    expect(JSON.stringify(payload)).not.toMatch(RECORDED_NAMES)
  })
})

describe('issueCommentEvent', () => {
  it('carries the repository, issue, comment and sender it was given', () => {
    const payload = issueCommentEvent({
      ...comment,
      userIds: { ana: 90_000_101, acme: 90_000_001 }
    })
    expect(payload.action).toBe('created')
    expect(payload.repository).toMatchObject({
      name: 'webapp',
      full_name: 'acme/webapp',
      default_branch: 'main',
      private: true,
      visibility: 'private',
      html_url: 'https://github.com/acme/webapp',
      owner: { login: 'acme', id: 90_000_001, type: 'Organization' }
    })
    expect(payload.organization).toMatchObject({ login: 'acme', id: 90_000_001 })
    expect(payload.issue).toMatchObject({
      number: 42,
      comments: 3,
      title: 'Add Clerk auth',
      html_url: 'https://github.com/acme/webapp/issues/42',
      url: 'https://api.github.com/repos/acme/webapp/issues/42',
      comments_url: 'https://api.github.com/repos/acme/webapp/issues/42/comments',
      user: { login: 'ana' },
      labels: [],
      assignee: null
    })
    expect(payload.issue.pull_request).toBeUndefined()
    expect(payload.comment).toMatchObject({
      id: 1_000_123,
      body: '/kitty start-from WEB-123',
      user: { login: 'ana', id: 90_000_101, type: 'User' },
      url: 'https://api.github.com/repos/acme/webapp/issues/comments/1000123',
      html_url: 'https://github.com/acme/webapp/issues/42#issuecomment-1000123',
      issue_url: 'https://api.github.com/repos/acme/webapp/issues/42',
      author_association: 'COLLABORATOR'
    })
    expect(payload.sender).toEqual(payload.comment.user)
  })

  it('marks a comment on a pull request the way GitHub does', () => {
    const payload = issueCommentEvent({ ...comment, issueNumber: 43, onPullRequest: true })
    expect(payload.issue.pull_request).toEqual({
      url: 'https://api.github.com/repos/acme/webapp/pulls/43',
      html_url: 'https://github.com/acme/webapp/pull/43',
      diff_url: 'https://github.com/acme/webapp/pull/43.diff',
      patch_url: 'https://github.com/acme/webapp/pull/43.patch',
      merged_at: null
    })
    expect(payload.comment.html_url).toBe(
      'https://github.com/acme/webapp/pull/43#issuecomment-1000123'
    )
  })

  it('names bots as bots', () => {
    const payload = issueCommentEvent({ ...comment, login: 'github-actions[bot]', userType: 'Bot' })
    expect(payload.comment.user).toMatchObject({
      login: 'github-actions[bot]',
      type: 'Bot',
      url: 'https://api.github.com/users/github-actions%5Bbot%5D',
      html_url: 'https://github.com/apps/github-actions'
    })
  })

  it('leaves out the organization block for a user-owned repository', () => {
    const payload = issueCommentEvent({ ...comment, owner: 'ana', ownerType: 'User' })
    expect(payload.organization).toBeUndefined()
    expect(payload.repository.owner).toMatchObject({ login: 'ana', type: 'User' })
    expect(payload.issue.author_association).toBe('OWNER')
  })

  it('gives unknown logins a stable id, and the given time', () => {
    const payload = issueCommentEvent({ ...comment, createdAt: '2026-01-05T10:00:00Z' })
    expect(payload.sender.id).toBe(stableId('ana'))
    expect(issueCommentEvent(comment).sender.id).toBe(payload.sender.id)
    expect(payload.comment.created_at).toBe('2026-01-05T10:00:00Z')
  })

  it('uses the given issue author, title and association', () => {
    const payload = issueCommentEvent({
      ...comment,
      issueAuthor: 'ben',
      issueTitle: 'Something else',
      authorAssociation: 'NONE'
    })
    expect(payload.issue).toMatchObject({ title: 'Something else', user: { login: 'ben' } })
    expect(payload.comment.author_association).toBe('NONE')
  })
})

describe('workflowDispatchEvent', () => {
  it('carries the inputs, ref, workflow, repository and sender', () => {
    const payload = workflowDispatchEvent({
      ...target,
      login: 'ben',
      inputs: { query: 'WEB-123', confirm: 'WEB-123', 'issue-number': '42' }
    })
    expect(payload).toMatchObject({
      inputs: { query: 'WEB-123', confirm: 'WEB-123', 'issue-number': '42' },
      ref: 'refs/heads/main',
      workflow: '.github/workflows/kitty-origin.yml',
      repository: { full_name: 'acme/webapp', default_branch: 'main' },
      sender: { login: 'ben' }
    })
  })

  it('takes another ref and workflow when given', () => {
    const payload = workflowDispatchEvent({
      ...target,
      login: 'ben',
      inputs: {},
      ref: 'refs/heads/dev',
      workflow: '.github/workflows/other.yml'
    })
    expect(payload).toMatchObject({
      ref: 'refs/heads/dev',
      workflow: '.github/workflows/other.yml'
    })
  })
})

describe('pullRequestEvent', () => {
  it('carries number, head and base on the target repository', () => {
    const payload = pullRequestEvent({
      ...target,
      number: 43,
      login: 'ana',
      head: 'kitty/mission-x',
      headSha: 'a'.repeat(40),
      baseSha: 'b'.repeat(40),
      title: 'Start mission',
      body: 'Body'
    })
    expect(payload.action).toBe('opened')
    expect(payload.number).toBe(43)
    expect(payload.pull_request).toMatchObject({
      number: 43,
      title: 'Start mission',
      body: 'Body',
      html_url: 'https://github.com/acme/webapp/pull/43',
      statuses_url: `https://api.github.com/repos/acme/webapp/statuses/${'a'.repeat(40)}`,
      user: { login: 'ana' },
      head: {
        ref: 'kitty/mission-x',
        sha: 'a'.repeat(40),
        label: 'acme:kitty/mission-x',
        repo: { full_name: 'acme/webapp' }
      },
      base: {
        ref: 'main',
        sha: 'b'.repeat(40),
        label: 'acme:main',
        repo: { full_name: 'acme/webapp' }
      }
    })
  })

  it('sets before and after on synchronize', () => {
    const payload = pullRequestEvent({
      ...target,
      action: 'synchronize',
      number: 43,
      login: 'ana',
      head: 'kitty/mission-x',
      headSha: 'c'.repeat(40),
      before: 'd'.repeat(40)
    })
    expect(payload).toMatchObject({ before: 'd'.repeat(40), after: 'c'.repeat(40) })
  })
})
