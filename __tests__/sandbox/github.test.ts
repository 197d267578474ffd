import { beforeAll, describe, expect, it } from '@jest/globals'
import { fetch } from 'undici'
import { useSandboxGitHub } from '../../__fixtures__/sandbox/github.js'
import { at, call, text } from './github-call.js'

const sandbox = useSandboxGitHub({ sandbox: { now: () => new Date('2026-02-01T12:00:00Z') } })
let main: string
const repo = '/repos/acme/webapp'

beforeAll(() => {
  main = sandbox.gh.branchHead('acme/webapp', 'main')!
})

describe('sandbox GitHub: refs', () => {
  it('creates a ref atomically: of 20 concurrent creations exactly one wins', async () => {
    const answers = await Promise.all(
      Array.from({ length: 20 }, () =>
        call(sandbox.gh, 'POST', `${repo}/git/refs`, { ref: 'refs/heads/race', sha: main })
      )
    )
    expect(answers.filter(answer => answer.status === 201)).toHaveLength(1)
    const refused = answers.filter(answer => answer.status === 422)
    expect(refused).toHaveLength(19)
    expect(refused.every(answer => at(answer.body, 'message') === 'Reference already exists')).toBe(
      true
    )
  })

  it('refuses to move a branch backwards or sideways unless forced', async () => {
    const ahead = sandbox.gh.pushFiles('acme/webapp', 'ff', { 'ff.md': '1\n' })
    const side = sandbox.gh.pushFiles('acme/webapp', 'side', { 'side.md': '1\n' })
    const refused = await call(sandbox.gh, 'PATCH', `${repo}/git/refs/heads/ff`, {
      sha: side,
      force: false
    })
    expect(refused.status).toBe(422)
    expect(at(refused.body, 'message')).toBe('Update is not a fast forward')
    expect(sandbox.gh.branchHead('acme/webapp', 'ff')).toBe(ahead)
    const forced = await call(sandbox.gh, 'PATCH', `${repo}/git/refs/heads/ff`, {
      sha: side,
      force: true
    })
    expect(forced.status).toBe(200)
    expect(sandbox.gh.branchHead('acme/webapp', 'ff')).toBe(side)
  })

  it.each([
    [
      'a ref outside refs/',
      { ref: 'heads/x', sha: 'MAIN' },
      "Reference name must start with 'refs/' and have two slashes"
    ],
    [
      'an invalid ref name',
      { ref: 'refs/heads/a..b', sha: 'MAIN' },
      'refs/heads/a..b is not a valid ref name.'
    ],
    ['an unknown object', { ref: 'refs/heads/x', sha: 'f'.repeat(40) }, 'Object does not exist'],
    ['a missing sha', { ref: 'refs/heads/x' }, 'Invalid request.\n\n"sha" wasn\'t supplied.']
  ])('refuses to create %s', async (_name, body, message) => {
    const sent = { ...body, ...('sha' in body && body.sha === 'MAIN' ? { sha: main } : {}) }
    const answer = await call(sandbox.gh, 'POST', `${repo}/git/refs`, sent)
    expect(answer.status).toBe(422)
    expect(at(answer.body, 'message')).toBe(message)
  })

  it('reads refs with the ref path encoded or not', async () => {
    const plain = await call(sandbox.gh, 'GET', `${repo}/git/ref/heads/main`)
    const encoded = await call(sandbox.gh, 'GET', `${repo}/git/ref/heads%2Fmain`)
    expect(at(plain.body, 'object.sha')).toBe(main)
    expect(encoded.body).toEqual(plain.body)
  })

  it('answers 422 for updating or deleting a ref that does not exist', async () => {
    const update = await call(sandbox.gh, 'PATCH', `${repo}/git/refs/heads/nope`, { sha: main })
    const remove = await call(sandbox.gh, 'DELETE', `${repo}/git/refs/heads/nope`)
    expect([update.status, remove.status]).toEqual([422, 422])
    expect(at(remove.body, 'message')).toBe('Reference does not exist')
  })
})

describe('sandbox GitHub: git objects', () => {
  it('computes object ids exactly as git does', async () => {
    const empty = await call(sandbox.gh, 'POST', `${repo}/git/trees`, { tree: [] })
    expect(at(empty.body, 'sha')).toBe('4b825dc642cb6eb9a060e54bf8d69288fbee4904')
    const hello = await call(sandbox.gh, 'POST', `${repo}/git/trees`, {
      tree: [{ path: 'hello.txt', mode: '100644', type: 'blob', content: 'hello\n' }]
    })
    expect(at(hello.body, 'tree.0.sha')).toBe('ce013625030ba8dba906f756967f9e9ca394464a')
    expect(at(hello.body, 'sha')).toBe('aaa96ced2d9a1c8e72c56b253a0e2fe78393feb7')
  })

  it('gives the same commit the same id (deterministic) and different content a different one', async () => {
    const tree = text(
      (await call(sandbox.gh, 'GET', `${repo}/git/commits/${main}`)).body,
      'tree.sha'
    )
    const body = { message: 'same', tree, parents: [main] }
    const first = await call(sandbox.gh, 'POST', `${repo}/git/commits`, body)
    const second = await call(sandbox.gh, 'POST', `${repo}/git/commits`, body)
    const other = await call(sandbox.gh, 'POST', `${repo}/git/commits`, {
      ...body,
      message: 'other'
    })
    expect(at(first.body, 'sha')).toBe(at(second.body, 'sha'))
    expect(at(other.body, 'sha')).not.toBe(at(first.body, 'sha'))
    expect(at(first.body, 'author')).toEqual({
      name: 'github-actions[bot]',
      email: '41898282+github-actions[bot]@users.noreply.github.com',
      date: '2026-02-01T12:00:00Z'
    })
  })

  it('builds a tree on a base tree: adds nested paths, replaces and deletes (sha null)', async () => {
    const base = text(
      (await call(sandbox.gh, 'GET', `${repo}/git/commits/${main}`)).body,
      'tree.sha'
    )
    const created = await call(sandbox.gh, 'POST', `${repo}/git/trees`, {
      base_tree: base,
      tree: [
        {
          path: 'kitty-specs/new-01ABCDEF/meta.json',
          mode: '100644',
          type: 'blob',
          content: '{}\n'
        },
        { path: 'README.md', mode: '100644', type: 'blob', content: 'changed\n' },
        { path: 'src/app.ts', mode: '100644', type: 'blob', sha: null }
      ]
    })
    const listing = await call(
      sandbox.gh,
      'GET',
      `${repo}/git/trees/${text(created.body, 'sha')}?recursive=1`
    )
    const paths = (at(listing.body, 'tree') as { path: string }[]).map(entry => entry.path)
    expect(paths).toContain('kitty-specs/new-01ABCDEF/meta.json')
    expect(paths).toContain('kitty-specs/checkout-flow-01JD3K2M/spec.md')
    expect(paths).not.toContain('src/app.ts')
    expect(paths).not.toContain('src')
  })

  it.each([
    [
      'a malformed path',
      [{ path: 'a//b', mode: '100644', type: 'blob', content: 'x' }],
      'tree.path contains a malformed path component'
    ],
    [
      'both sha and content',
      [{ path: 'a', mode: '100644', sha: 'a'.repeat(40), content: 'x' }],
      'Must supply either tree.sha or tree.content, but not both'
    ],
    ['an unknown blob', [{ path: 'a', mode: '100644', sha: 'a'.repeat(40) }], 'Invalid tree info'],
    [
      'an unknown subtree',
      [{ path: 'a', mode: '040000', type: 'tree', sha: 'a'.repeat(40) }],
      'Invalid tree info'
    ]
  ])('refuses a tree with %s', async (_name, tree, message) => {
    const answer = await call(sandbox.gh, 'POST', `${repo}/git/trees`, { tree })
    expect(answer.status).toBe(422)
    expect(at(answer.body, 'message')).toBe(message)
  })

  it('grafts an existing tree under a path', async () => {
    const specs = sandbox.gh
      .repo()
      .git.lookup(sandbox.gh.repo().git.commit(main)!.tree, 'kitty-specs')!
    const answer = await call(sandbox.gh, 'POST', `${repo}/git/trees`, {
      tree: [{ path: 'copy', mode: '040000', type: 'tree', sha: specs.sha }]
    })
    const listing = await call(
      sandbox.gh,
      'GET',
      `${repo}/git/trees/${text(answer.body, 'sha')}?recursive=1`
    )
    expect(at(listing.body, 'tree.0')).toMatchObject({ path: 'copy', sha: specs.sha, type: 'tree' })
  })

  it('reads a tree by tree id, commit id or branch; only the top level without recursive', async () => {
    const byBranch = await call(sandbox.gh, 'GET', `${repo}/git/trees/main`)
    const byCommit = await call(sandbox.gh, 'GET', `${repo}/git/trees/${main}`)
    expect(byBranch.body).toEqual(byCommit.body)
    const names = (at(byBranch.body, 'tree') as { path: string }[]).map(entry => entry.path)
    expect(names).toEqual(['.kittify', 'README.md', 'kitty-specs', 'src'])
  })

  it('refuses a commit of an unknown tree or parent', async () => {
    const tree = text(
      (await call(sandbox.gh, 'GET', `${repo}/git/commits/${main}`)).body,
      'tree.sha'
    )
    const noTree = await call(sandbox.gh, 'POST', `${repo}/git/commits`, {
      message: 'm',
      tree: 'a'.repeat(40)
    })
    const noParent = await call(sandbox.gh, 'POST', `${repo}/git/commits`, {
      message: 'm',
      tree,
      parents: ['b'.repeat(40)]
    })
    expect(at(noTree.body, 'message')).toBe('Tree SHA does not exist')
    expect(at(noParent.body, 'message')).toBe('Parent SHA does not exist or is not a commit object')
  })
})

describe('sandbox GitHub: contents', () => {
  it('serves a file in base64 wrapped at 60 characters, at a branch, tag-less commit id or default branch', async () => {
    sandbox.gh.pushFiles('acme/webapp', 'long', { 'long.txt': 'x'.repeat(200) })
    const file = await call(sandbox.gh, 'GET', `${repo}/contents/long.txt?ref=long`)
    const content = text(file.body, 'content')
    expect(content.split('\n')[0]).toHaveLength(60)
    expect(Buffer.from(content, 'base64').toString()).toBe('x'.repeat(200))
    const byCommit = await call(sandbox.gh, 'GET', `${repo}/contents/README.md?ref=${main}`)
    const byDefault = await call(sandbox.gh, 'GET', `${repo}/contents/README.md`)
    expect(at(byCommit.body, 'sha')).toBe(at(byDefault.body, 'sha'))
  })

  it('lists a directory with entry types, and the root', async () => {
    const specs = await call(
      sandbox.gh,
      'GET',
      `${repo}/contents/kitty-specs/checkout-flow-01JD3K2M`
    )
    expect((specs.body as { name: string; type: string }[]).map(e => [e.name, e.type])).toEqual([
      ['meta.json', 'file'],
      ['spec.md', 'file']
    ])
    const root = await call(sandbox.gh, 'GET', `${repo}/contents`)
    expect((root.body as { type: string }[]).map(e => e.type)).toContain('dir')
  })

  it('says which ref it could not find', async () => {
    const answer = await call(sandbox.gh, 'GET', `${repo}/contents/README.md?ref=nope`)
    expect(answer.status).toBe(404)
    expect(at(answer.body, 'message')).toBe('No commit found for the ref nope')
  })
})

describe('sandbox GitHub: authentication, routing and errors', () => {
  it.each([
    ['no token', null, 401, 'Requires authentication'],
    ['an unknown token', 'ghs_unknown', 401, 'Bad credentials']
  ])('refuses %s', async (_name, token, status, message) => {
    const answer = await call(sandbox.gh, 'GET', repo, undefined, token)
    expect(answer.status).toBe(status)
    expect(answer.body).toEqual({
      message,
      documentation_url: 'https://docs.github.com/rest',
      status: String(status)
    })
  })

  it('lets a read-only token read but not write', async () => {
    sandbox.gh.addToken('ghs_readonly', { permissions: { contents: 'read' } })
    expect(
      (await call(sandbox.gh, 'GET', `${repo}/git/ref/heads/main`, undefined, 'ghs_readonly'))
        .status
    ).toBe(200)
    const write = await call(
      sandbox.gh,
      'POST',
      `${repo}/git/refs`,
      { ref: 'refs/heads/ro', sha: main },
      'ghs_readonly'
    )
    expect(write.status).toBe(403)
    expect(at(write.body, 'message')).toBe('Resource not accessible by integration')
  })

  it('answers unknown routes and repositories with 404 JSON, and finds repositories case-insensitively', async () => {
    expect((await call(sandbox.gh, 'GET', '/nope')).status).toBe(404)
    expect((await call(sandbox.gh, 'PUT', repo)).status).toBe(404)
    expect((await call(sandbox.gh, 'GET', '/repos/acme/missing')).status).toBe(404)
    expect((await call(sandbox.gh, 'GET', '/repos/ACME/WebApp')).status).toBe(200)
    expect((await call(sandbox.gh, 'GET', `${repo}/issues/abc/comments`)).status).toBe(404)
    expect((await call(sandbox.gh, 'GET', `${repo}/contents/%E0%A4%A`)).status).toBe(404)
  })

  it('answers a body that is not JSON with 400 and records it as text', async () => {
    const answer = await call(sandbox.gh, 'POST', `${repo}/git/refs`, '{not json')
    expect(answer.status).toBe(400)
    expect(at(answer.body, 'message')).toBe('Problems parsing JSON')
    expect(sandbox.gh.requests[0]).toMatchObject({ body: undefined, bodyText: '{not json' })
  })

  it('records every request: method, path with query, lower-cased headers, parsed body', async () => {
    await call(sandbox.gh, 'POST', `${repo}/issues/42/comments?x=1`, { body: 'hi' })
    expect(sandbox.gh.requests[0]).toMatchObject({
      method: 'POST',
      path: '/repos/acme/webapp/issues/42/comments?x=1',
      headers: expect.objectContaining({
        authorization: `token ${sandbox.gh.token}`,
        'content-type': 'application/json'
      }),
      body: { body: 'hi' }
    })
  })
})

describe('sandbox GitHub: faults', () => {
  it('answers a canned status, body and headers the given number of times', async () => {
    sandbox.gh.faults.add({
      method: 'GET',
      path: repo,
      status: 502,
      body: '<html>bad gateway</html>',
      headers: { 'retry-after': '3' },
      times: 2
    })
    expect(sandbox.gh.faults.pending).toBe(2)
    const first = await fetch(`${sandbox.gh.url}${repo}`)
    expect([first.status, first.headers.get('retry-after'), await first.text()]).toEqual([
      502,
      '3',
      '<html>bad gateway</html>'
    ])
    expect((await fetch(`${sandbox.gh.url}${repo}`)).status).toBe(502)
    expect((await call(sandbox.gh, 'GET', repo)).status).toBe(200)
    expect(sandbox.gh.faults.pending).toBe(0)
  })

  it('matches by method and by pattern', async () => {
    sandbox.gh.faults.add({ method: 'POST', status: 500, body: {} })
    sandbox.gh.faults.add({ path: /\/contents\//, status: 503, body: {} })
    expect((await call(sandbox.gh, 'GET', repo)).status).toBe(200)
    expect((await call(sandbox.gh, 'GET', `${repo}/contents/README.md`)).status).toBe(503)
    expect(
      (await call(sandbox.gh, 'POST', `${repo}/issues/42/comments`, { body: 'x' })).status
    ).toBe(500)
  })

  it('delays and then lets the real handler answer; adds global latency', async () => {
    sandbox.gh.faults.add({ delayMs: 60 })
    sandbox.gh.faults.latencyMs = 40
    const started = Date.now()
    expect((await call(sandbox.gh, 'GET', repo)).status).toBe(200)
    expect(Date.now() - started).toBeGreaterThanOrEqual(95)
  })

  it('resets the connection', async () => {
    sandbox.gh.faults.add({ reset: true })
    await expect(fetch(`${sandbox.gh.url}${repo}`)).rejects.toThrow()
  })

  it('hangs until the client gives up', async () => {
    sandbox.gh.faults.add({ hang: true })
    await expect(
      fetch(`${sandbox.gh.url}${repo}`, { signal: AbortSignal.timeout(100) })
    ).rejects.toThrow()
  })
})
