import { describe, expect, it } from '@jest/globals'
import { startScenario } from '../../sandbox/scenario.js'
import type { Scenario } from '../../sandbox/scenario.js'
import { useStarts } from '../../__fixtures__/sandbox/hooks.js'

const STAND_IN = '__fixtures__/runner/stand-in.js'

const scenarios = useStarts(startScenario)

async function start(options: Parameters<typeof startScenario>[0] = {}): Promise<Scenario> {
  return scenarios.start({ entry: STAND_IN, ...options })
}

function childEnv(outputs: Record<string, string>): Record<string, string> {
  return JSON.parse(outputs.env ?? '{}') as Record<string, string>
}

describe('startScenario', () => {
  it('talks on the seeded issue #42 of acme/webapp', async () => {
    const s = await start()
    expect(s.repository).toBe('acme/webapp')
    expect(s.defaultBranch).toBe('main')
    expect(s.issueNumber).toBe(42)
    expect(s.github.repo().issues.get(42)).toMatchObject({ title: 'Add Clerk auth', user: 'ana' })
  })

  it('opens the issue when the repository lacks it', async () => {
    const s = await start({ issue: { number: 77, title: 'Port the importer', user: 'ben' } })
    expect(s.github.repo().issues.get(77)).toMatchObject({
      title: 'Port the importer',
      user: 'ben'
    })
  })

  it('posts a comment in the sandbox and returns the event GitHub would send', async () => {
    const s = await start()
    const payload = s.postComment('ana', '/kitty start-from WEB-123')
    const comments = s.github.comments('acme/webapp', 42)
    expect(comments.at(-1)).toMatchObject({ id: payload.comment.id, user: 'ana' })
    expect(payload.issue).toMatchObject({ number: 42, comments: comments.length })
    expect(payload.comment).toMatchObject({
      body: '/kitty start-from WEB-123',
      user: { login: 'ana', id: 90_000_101, type: 'User' },
      author_association: 'COLLABORATOR',
      created_at: comments.at(-1)!.createdAt
    })
    expect(payload.repository).toMatchObject({ id: s.github.repo().id, full_name: 'acme/webapp' })
    expect(payload.organization).toMatchObject({ login: 'acme', id: 90_000_001 })
    expect(s.postComment('ben', 'again').issue.comments).toBe(comments.length + 1)
  })

  it('marks comments on a pull request and reads the pull request back', async () => {
    const s = await start()
    s.github.pushFiles('acme/webapp', 'feature', { 'a.txt': 'a\n' })
    const created = await fetch(`${s.github.url}/repos/acme/webapp/pulls`, {
      method: 'POST',
      headers: { authorization: `token ${s.github.token}`, 'content-type': 'application/json' },
      body: JSON.stringify({ title: 'Feature', body: 'Adds a', head: 'feature', base: 'main' })
    })
    const { number } = (await created.json()) as { number: number }
    expect(s.pullRequest(number)).toEqual({
      number,
      title: 'Feature',
      body: 'Adds a',
      head: 'feature',
      base: 'main',
      draft: false,
      labels: []
    })
    expect(s.postComment('ana', 'hi', number).issue.pull_request).toBeDefined()
    expect(s.pullRequest(42)).toBeUndefined()
  })

  it('lists only the comments bots posted', async () => {
    const s = await start()
    s.github.addComments('acme/webapp', 42, [
      { user: 'ana', body: '/kitty help' },
      { user: 'github-actions[bot]', body: 'Usage' }
    ])
    expect(s.botComments().map(comment => comment.body)).toEqual(['Usage'])
  })

  it('builds a workflow_dispatch event on the sandbox repository', async () => {
    const s = await start()
    expect(s.dispatch('ana', { query: 'WEB-123' })).toMatchObject({
      inputs: { query: 'WEB-123' },
      ref: 'refs/heads/main',
      sender: { login: 'ana', id: 90_000_101 },
      repository: { full_name: 'acme/webapp' }
    })
  })

  it('runs the action with the sandboxes as inputs, action.yml defaults and the branch head', async () => {
    const s = await start()
    const result = await s.run('issue_comment', s.postComment('ana', '/kitty help'), {
      'dry-run': 'true'
    })
    expect(result.exitCode).toBe(0)
    expect(childEnv(result.outputs)).toMatchObject({
      'INPUT_GITHUB-TOKEN': s.github.token,
      'INPUT_SAAS-URL': s.saas.url,
      'INPUT_SAAS-TOKEN': s.saas.token,
      'INPUT_TEAM-SLUG': 'acme',
      'INPUT_COMMAND-PREFIX': '/kitty',
      'INPUT_DRY-RUN': 'true',
      GITHUB_API_URL: s.github.url,
      GITHUB_SHA: s.github.branchHead('acme/webapp', 'main'),
      GITHUB_EVENT_NAME: 'issue_comment',
      GITHUB_RUN_ID: '7000001'
    })
    expect(result.masks).toEqual([s.saas.token])
    const again = await s.run('issue_comment', s.postComment('ana', 'x'))
    expect(childEnv(again.outputs).GITHUB_RUN_ID).toBe('7000002')
  })

  it('leaves out team-slug when the SaaS checks none', async () => {
    const s = await start({ saas: { teamSlug: null } })
    const result = await s.run('issue_comment', s.postComment('ana', 'x'))
    expect(childEnv(result.outputs)).not.toHaveProperty(['INPUT_TEAM-SLUG'])
  })
})
