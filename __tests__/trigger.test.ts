import { describe, expect, it } from '@jest/globals'
import { readTrigger } from '../src/trigger.js'
import { issueCommentEvent, pullRequestEvent, workflowDispatchEvent } from '../sandbox/events.js'

const REPO = { owner: 'acme', repo: 'webapp', defaultBranch: 'trunk' }
const comment = (overrides: Partial<Parameters<typeof issueCommentEvent>[0]> = {}) =>
  issueCommentEvent({
    ...REPO,
    issueNumber: 42,
    commentCount: 3,
    commentId: 9001,
    body: '/kitty start-from WEB-123',
    login: 'ana',
    ...overrides
  })

describe('readTrigger', () => {
  it('reads a command from a recorded issue_comment created payload', () => {
    expect(readTrigger('issue_comment', comment(), '/kitty', 'ana')).toEqual({
      kind: 'command',
      command: { verb: 'start-from', query: { kind: 'key', key: 'WEB-123' } },
      source: { owner: 'acme', repo: 'webapp', defaultBranch: 'trunk', actor: 'ana' },
      issueNumber: 42,
      issueCommentCount: 3,
      commentId: 9001
    })
  })

  it('takes the comment author as the actor, not the workflow actor', () => {
    const trigger = readTrigger(
      'issue_comment',
      comment({ login: 'ben' }),
      '/kitty',
      'someone-else'
    )
    expect(trigger.kind === 'command' && trigger.source.actor).toBe('ben')
  })

  it('handles commands on pull requests too', () => {
    expect(
      readTrigger('issue_comment', comment({ onPullRequest: true }), '/kitty', 'ana').kind
    ).toBe('command')
  })

  it.each([
    [
      'an edited comment',
      'issue_comment',
      comment({ action: 'edited' }),
      'comments that are edited are not commands'
    ],
    [
      'a deleted comment',
      'issue_comment',
      comment({ action: 'deleted' }),
      'comments that are deleted are not commands'
    ],
    [
      'a bot',
      'issue_comment',
      comment({ login: 'github-actions[bot]', userType: 'Bot' }),
      'github-actions[bot] is a bot'
    ],
    [
      'a comment without a command',
      'issue_comment',
      comment({ body: 'LGTM /kitty' }),
      'the comment holds no /kitty command'
    ],
    ['another event', 'push', {}, 'the push event is not handled'],
    [
      'a malformed payload',
      'issue_comment',
      { action: 'created' },
      'the issue_comment event is not shaped as expected'
    ],
    [
      'a malformed pull_request payload',
      'pull_request',
      { action: 'opened', number: 7 },
      'the pull_request event is not shaped as expected'
    ],
    [
      'a dispatch without repository',
      'workflow_dispatch',
      {},
      'the workflow_dispatch event has no repository'
    ]
  ])('ignores %s with a one-line reason', (_name, eventName, payload, reason) => {
    expect(readTrigger(eventName, payload, '/kitty', 'ana')).toEqual({ kind: 'ignored', reason })
  })

  it('ignores a bot even without the Bot type when its login says [bot]', () => {
    const payload = comment({ login: 'renovate[bot]' })
    expect(readTrigger('issue_comment', payload, '/kitty', 'ana').kind).toBe('ignored')
  })

  it('uses the configured prefix', () => {
    expect(readTrigger('issue_comment', comment({ body: '!bot help' }), '!bot', 'ana').kind).toBe(
      'command'
    )
    expect(readTrigger('issue_comment', comment({ body: '!bot help' }), '/kitty', 'ana').kind).toBe(
      'ignored'
    )
  })

  it('reads a workflow_dispatch with its sender as the actor', () => {
    const payload = workflowDispatchEvent({ ...REPO, login: 'ben', inputs: { query: 'WEB-123' } })
    expect(readTrigger('workflow_dispatch', payload, '/kitty', 'fallback')).toEqual({
      kind: 'dispatch',
      source: { owner: 'acme', repo: 'webapp', defaultBranch: 'trunk', actor: 'ben' }
    })
  })

  it('verifies an opened pull request at its head commit against its base branch', () => {
    const payload = pullRequestEvent({
      ...REPO,
      number: 7,
      login: 'ben',
      head: 'kitty-origin/web-123-01M0M9D8',
      headSha: 'a'.repeat(40),
      base: 'release'
    })
    expect(readTrigger('pull_request', payload, '/kitty', 'fallback')).toEqual({
      kind: 'verify',
      source: { owner: 'acme', repo: 'webapp', defaultBranch: 'trunk', actor: 'ben' },
      pullNumber: 7,
      headSha: 'a'.repeat(40),
      headRef: 'kitty-origin/web-123-01M0M9D8',
      baseRef: 'release'
    })
  })

  it.each(['opened', 'synchronize', 'reopened', 'ready_for_review'])(
    'verifies a pull request that was %s',
    action => {
      const payload = {
        ...pullRequestEvent({ ...REPO, number: 7, login: 'ana', head: 'feature' }),
        action
      }
      expect(readTrigger('pull_request', payload, '/kitty', 'ana').kind).toBe('verify')
    }
  )

  it('verifies a synchronize at the new head commit', () => {
    const payload = pullRequestEvent({
      ...REPO,
      action: 'synchronize',
      number: 7,
      login: 'ana',
      head: 'feature',
      headSha: 'b'.repeat(40)
    })
    const trigger = readTrigger('pull_request', payload, '/kitty', 'ana')
    expect(trigger.kind === 'verify' && trigger.headSha).toBe('b'.repeat(40))
  })

  it.each(['closed', 'edited', 'labeled', 'assigned', 'converted_to_draft'])(
    'ignores a pull request that was %s',
    action => {
      const payload = {
        ...pullRequestEvent({ ...REPO, number: 7, login: 'ana', head: 'feature' }),
        action
      }
      expect(readTrigger('pull_request', payload, '/kitty', 'ana')).toEqual({
        kind: 'ignored',
        reason: `pull requests that are ${action} are not verified`
      })
    }
  )

  it('takes the workflow actor when the pull_request payload names no sender', () => {
    const { sender: _sender, ...payload } = pullRequestEvent({
      ...REPO,
      number: 7,
      login: 'ana',
      head: 'feature'
    })
    const trigger = readTrigger('pull_request', payload, '/kitty', 'dora')
    expect(trigger.kind === 'verify' && trigger.source.actor).toBe('dora')
  })

  it('ignores pull_request_target events', () => {
    const payload = pullRequestEvent({ ...REPO, number: 7, login: 'ana', head: 'feature' })
    expect(readTrigger('pull_request_target', payload, '/kitty', 'ana')).toEqual({
      kind: 'ignored',
      reason: 'the pull_request_target event is not handled'
    })
  })

  it('falls back to main and a zero count when the payload leaves them out', () => {
    const payload = {
      action: 'created',
      comment: { id: 1, body: null, user: { login: 'ana' } },
      issue: { number: 5 },
      repository: { name: 'webapp', owner: { login: 'acme' } }
    }
    expect(
      readTrigger(
        'issue_comment',
        { ...payload, comment: { ...payload.comment, body: '/kitty help' } },
        '/kitty',
        'ana'
      )
    ).toMatchObject({
      source: { defaultBranch: 'main' },
      issueCommentCount: 0
    })
    expect(readTrigger('issue_comment', payload, '/kitty', 'ana').kind).toBe('ignored')
  })
})
