import { beforeEach, describe, expect, it } from '@jest/globals'
import { jiraRepoSeed, numberedRepoSeed, webappSeed } from '../../sandbox/github/seed.js'
import { startSandboxGitHub } from '../../sandbox/github/server.js'
import { useSandboxGitHub } from '../../__fixtures__/sandbox/github.js'
import { at, call, count } from './github-call.js'

const sandbox = useSandboxGitHub()
const repo = '/repos/acme/webapp'

beforeEach(() => {
  const settings = sandbox.gh.repo().settings
  settings.actionsCanCreatePullRequests = true
  settings.labelLagAfterPullCreate = 0
})

/** A new issue with `n` comments by ana. */
function issueWith(n: number): number {
  const issue = sandbox.gh.createIssue('acme/webapp', { title: 'Thread', user: 'ana' })
  sandbox.gh.addComments(
    'acme/webapp',
    issue,
    Array.from({ length: n }, (_, i) => ({ user: 'ana', body: `c${i + 1}` }))
  )
  return issue
}

function pageLink(page: number, rel: string, issue: number, perPage = 100): string {
  return `<${sandbox.gh.url}${repo}/issues/${issue}/comments?per_page=${perPage}&page=${page}>; rel="${rel}"`
}

describe('sandbox GitHub: comment pagination', () => {
  it('sends Link headers exactly as GitHub orders them: prev, next, last, first', async () => {
    const issue = issueWith(250)
    const path = `${repo}/issues/${issue}/comments?per_page=100`
    const first = await call(sandbox.gh, 'GET', `${path}&page=1`)
    const middle = await call(sandbox.gh, 'GET', `${path}&page=2`)
    const last = await call(sandbox.gh, 'GET', `${path}&page=3`)
    expect(first.link).toBe([pageLink(2, 'next', issue), pageLink(3, 'last', issue)].join(', '))
    expect(middle.link).toBe(
      [
        pageLink(1, 'prev', issue),
        pageLink(3, 'next', issue),
        pageLink(3, 'last', issue),
        pageLink(1, 'first', issue)
      ].join(', ')
    )
    expect(last.link).toBe([pageLink(2, 'prev', issue), pageLink(1, 'first', issue)].join(', '))
    expect((last.body as unknown[]).length).toBe(50)
    expect(at(first.body, '0.body')).toBe('c1')
  })

  it('sends no Link header when everything fits on one page, and serves 30 a page by default', async () => {
    const small = issueWith(5)
    expect((await call(sandbox.gh, 'GET', `${repo}/issues/${small}/comments`)).link).toBeNull()
    const big = issueWith(31)
    const page = await call(sandbox.gh, 'GET', `${repo}/issues/${big}/comments`)
    expect((page.body as unknown[]).length).toBe(30)
    expect(page.link).toContain('rel="next"')
  })

  it('serves at most 100 a page and an empty list past the end', async () => {
    const issue = issueWith(150)
    const capped = await call(sandbox.gh, 'GET', `${repo}/issues/${issue}/comments?per_page=500`)
    expect((capped.body as unknown[]).length).toBe(100)
    const past = await call(
      sandbox.gh,
      'GET',
      `${repo}/issues/${issue}/comments?per_page=100&page=7`
    )
    expect(past.body).toEqual([])
  })
})

describe('sandbox GitHub: comments and reactions', () => {
  it('posts comments as the token account (the Actions bot)', async () => {
    const answer = await call(sandbox.gh, 'POST', `${repo}/issues/42/comments`, { body: 'Hello' })
    expect(at(answer.body, 'user')).toMatchObject({
      login: 'github-actions[bot]',
      type: 'Bot',
      id: 41898282
    })
    expect(at(answer.body, 'author_association')).toBe('NONE')
  })

  it("marks a collaborator's comment as such", async () => {
    const [comment] = sandbox.gh.addComments('acme/webapp', 42, [
      { user: 'ana', body: '/kitty help' }
    ])
    const answer = await call(sandbox.gh, 'GET', `${repo}/issues/comments/${comment!.id}`)
    expect(at(answer.body, 'author_association')).toBe('COLLABORATOR')
  })

  it("refuses a comment longer than GitHub's 65,536 characters", async () => {
    const answer = await call(sandbox.gh, 'POST', `${repo}/issues/42/comments`, {
      body: 'x'.repeat(65_537)
    })
    expect(answer.status).toBe(422)
    expect(at(answer.body, 'errors.0.message')).toBe(
      'body is too long (maximum is 65536 characters)'
    )
  })

  it('counts reactions on the comment and answers 200 for a repeated one', async () => {
    const created = await call(sandbox.gh, 'POST', `${repo}/issues/42/comments`, { body: 'x' })
    const path = `${repo}/issues/comments/${count(created.body, 'id')}`
    expect((await call(sandbox.gh, 'POST', `${path}/reactions`, { content: 'eyes' })).status).toBe(
      201
    )
    expect((await call(sandbox.gh, 'POST', `${path}/reactions`, { content: 'eyes' })).status).toBe(
      200
    )
    expect(
      (await call(sandbox.gh, 'POST', `${path}/reactions`, { content: 'rocket' })).status
    ).toBe(201)
    const comment = await call(sandbox.gh, 'GET', path)
    expect(at(comment.body, 'reactions')).toMatchObject({
      total_count: 2,
      eyes: 1,
      rocket: 1,
      '+1': 0
    })
  })

  it('answers 404 for a reaction on a comment that does not exist', async () => {
    expect(
      (await call(sandbox.gh, 'POST', `${repo}/issues/comments/1/reactions`, { content: 'eyes' }))
        .status
    ).toBe(404)
    expect(
      (await call(sandbox.gh, 'PATCH', `${repo}/issues/comments/1`, { body: 'x' })).status
    ).toBe(404)
  })
})

describe('sandbox GitHub: pull requests', () => {
  function branch(name: string): void {
    sandbox.gh.pushFiles('acme/webapp', name, { [`${name}.md`]: `${name}\n` })
  }
  const open = (head: string, extra: Record<string, unknown> = {}) =>
    call(sandbox.gh, 'POST', `${repo}/pulls`, { title: head, head, base: 'main', ...extra })

  it("refuses Actions when the repository setting is off, with GitHub's message; a PAT may still", async () => {
    branch('setting')
    sandbox.gh.repo().settings.actionsCanCreatePullRequests = false
    const refused = await open('setting')
    expect(refused.status).toBe(403)
    expect(at(refused.body, 'message')).toBe(
      'GitHub Actions is not permitted to create or approve pull requests.'
    )
    sandbox.gh.addToken('ghp_personal', { login: 'ben', actions: false })
    const byPerson = await call(
      sandbox.gh,
      'POST',
      `${repo}/pulls`,
      { title: 't', head: 'setting', base: 'main' },
      'ghp_personal'
    )
    expect(byPerson.status).toBe(201)
    expect(at(byPerson.body, 'user.login')).toBe('ben')
  })

  it.each([
    ['no commits between the branches', 'main', undefined, 'No commits between main and main'],
    ['an unknown head', 'nope', 'head', undefined],
    ['a head of another owner', 'someone:main', 'head', undefined]
  ])('refuses %s', async (_name, head, field, message) => {
    const answer = await open(head)
    expect(answer.status).toBe(422)
    if (field !== undefined) expect(at(answer.body, 'errors.0.field')).toBe(field)
    if (message !== undefined) expect(at(answer.body, 'errors.0.message')).toBe(message)
  })

  it('refuses a second open pull request for the same branch, and one without a title', async () => {
    branch('twice')
    expect((await open('acme:twice')).status).toBe(201)
    const again = await open('twice')
    expect(at(again.body, 'errors.0.message')).toBe('A pull request already exists for acme:twice.')
    const untitled = await call(sandbox.gh, 'POST', `${repo}/pulls`, {
      head: 'twice',
      base: 'main'
    })
    expect(at(untitled.body, 'errors.0')).toMatchObject({ field: 'title', code: 'missing_field' })
  })

  it('filters by owner:branch, state and base; ignores a head without an owner, as GitHub does', async () => {
    branch('filter')
    const created = await open('filter')
    const number = count(created.body, 'number')
    const numbers = async (query: string): Promise<number[]> =>
      ((await call(sandbox.gh, 'GET', `${repo}/pulls?${query}`)).body as { number: number }[]).map(
        p => p.number
      )
    expect(await numbers('head=acme:filter')).toEqual([number])
    expect((await numbers('head=filter')).length).toBeGreaterThan(1)
    expect(await numbers('head=acme:filter&state=closed')).toEqual([])
    expect(await numbers('head=acme:filter&base=other')).toEqual([])
    await call(sandbox.gh, 'DELETE', `${repo}/git/refs/heads/filter`)
    expect(await numbers('head=acme:filter&state=closed')).toEqual([number])
    expect(await numbers('head=acme:filter&state=all')).toEqual([number])
    const ascending = await numbers('state=all&direction=asc')
    expect(ascending).toEqual([...ascending].sort((a, b) => a - b))
  })

  it('reports the changed files and counts of a pull request', async () => {
    sandbox.gh.pushFiles('acme/webapp', 'changes', {
      'README.md': '# webapp\n\nmore\n',
      'new.md': 'a\nb\n',
      'src/app.ts': null
    })
    const number = count((await open('changes')).body, 'number')
    const files = await call(sandbox.gh, 'GET', `${repo}/pulls/${number}/files`)
    expect(
      (
        files.body as { filename: string; status: string; additions: number; deletions: number }[]
      ).map(f => [f.filename, f.status, f.additions, f.deletions])
    ).toEqual([
      ['README.md', 'modified', 1, 1],
      ['new.md', 'added', 2, 0],
      ['src/app.ts', 'removed', 0, 1]
    ])
    const pull = await call(sandbox.gh, 'GET', `${repo}/pulls/${number}`)
    expect(pull.body).toMatchObject({
      commits: 1,
      changed_files: 3,
      additions: 3,
      deletions: 2,
      merged: false
    })
    expect((await call(sandbox.gh, 'GET', `${repo}/pulls/999/files`)).status).toBe(404)
  })

  it('refuses labels right after creation as often as configured, then adds them once', async () => {
    branch('labels')
    sandbox.gh.repo().settings.labelLagAfterPullCreate = 2
    const number = count((await open('labels')).body, 'number')
    const add = () =>
      call(sandbox.gh, 'POST', `${repo}/issues/${number}/labels`, {
        labels: ['kitty-origin', 'Kitty-Origin']
      })
    expect((await add()).status).toBe(422)
    expect((await add()).status).toBe(422)
    const added = await add()
    expect(added.status).toBe(200)
    expect((added.body as { name: string }[]).map(label => label.name)).toEqual(['kitty-origin'])
    const plain = await call(sandbox.gh, 'POST', `${repo}/issues/${number}/labels`, [
      { name: 'mission' }
    ])
    expect((plain.body as { name: string }[]).map(label => label.name)).toEqual([
      'kitty-origin',
      'mission'
    ])
  })
})

describe('sandbox GitHub: people and seeds', () => {
  it('reports role_name and the legacy permission of each acme collaborator', async () => {
    sandbox.gh.setCollaborator('acme/webapp', 'mia', 'maintain')
    const read = async (login: string) =>
      (await call(sandbox.gh, 'GET', `${repo}/collaborators/${login}/permission`)).body
    expect(await read('mia')).toMatchObject({ permission: 'write', role_name: 'maintain' })
    expect(await read('dora')).toMatchObject({ permission: 'read', role_name: 'triage' })
    expect(await read('eve')).toMatchObject({ permission: 'none', role_name: 'none' })
    sandbox.gh.setCollaborator('acme/webapp', 'mia', null)
    expect(await read('mia')).toMatchObject({ permission: 'none' })
  })

  it('gives people without a role read access to a public repository', async () => {
    sandbox.gh.createRepository({ ...webappSeed(), name: 'public-site', private: false })
    const answer = await call(
      sandbox.gh,
      'GET',
      '/repos/acme/public-site/collaborators/eve/permission'
    )
    expect(answer.body).toMatchObject({ permission: 'read', role_name: 'read' })
  })

  it('seeds acme/webapp as a Linear-bound spec-kitty repository with issue #42 and PRs from #43', async () => {
    const config = sandbox.gh.readFile('acme/webapp', 'main', '.kittify/config.yaml')
    expect(config).toContain('provider: linear')
    expect(config).toContain('project_slug: acme-web')
    expect(config).toContain('workspace_id: ')
    const meta = JSON.parse(
      sandbox.gh.readFile('acme/webapp', 'main', 'kitty-specs/checkout-flow-01JD3K2M/meta.json')!
    ) as Record<string, unknown>
    expect(meta).toMatchObject({
      mission_slug: 'checkout-flow-01JD3K2M',
      mission_id: '01JD3K2M7QX9V4T8R2N6P0W5YZ'
    })
    const fresh = await startSandboxGitHub()
    try {
      expect(fresh.repo().issues.get(42)?.title).toBe('Add Clerk auth')
      fresh.pushFiles('acme/webapp', 'first', { 'f.md': 'f\n' })
      const created = await call(fresh, 'POST', `${repo}/pulls`, {
        title: 'f',
        head: 'first',
        base: 'main'
      })
      expect(at(created.body, 'number')).toBe(43)
      expect(fresh.branchHead('acme/webapp', 'main')).toBe(
        sandbox.gh.repo().refs.get('refs/heads/main')
      )
    } finally {
      await fresh.close()
    }
  })

  it('creates the Jira-bound and numbered-layout repositories on demand', async () => {
    sandbox.gh.createRepository(jiraRepoSeed())
    sandbox.gh.createRepository(numberedRepoSeed())
    expect(sandbox.gh.readFile('acme/platform', 'main', '.kittify/config.yaml')).toContain(
      'binding_ref: srm_'
    )
    const listing = await call(sandbox.gh, 'GET', '/repos/acme/legacy/contents/kitty-specs')
    expect((listing.body as { name: string }[]).map(entry => entry.name)).toEqual([
      '001-first-thing',
      '002-second-thing'
    ])
    expect(() => sandbox.gh.repo('acme/none')).toThrow('no repository acme/none')
  })
})
