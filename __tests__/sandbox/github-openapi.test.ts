import { readFileSync } from 'node:fs'
import { beforeAll, describe, expect, it } from '@jest/globals'
import { fetch } from 'undici'
import { SANDBOX_GITHUB_OPERATIONS } from '../../sandbox/github/operations.js'
import type { SandboxGitHubOperation } from '../../sandbox/github/operations.js'
import { useSandboxGitHub } from '../../__fixtures__/sandbox/github.js'
import { call, count, text } from './github-call.js'
import type { RawAnswer } from './github-call.js'
import { validate } from './json-schema.js'
import type { Schema, SchemaDocument } from './json-schema.js'

interface Subset extends SchemaDocument {
  operations: Record<string, { responses: Record<string, Schema | null> }>
}

const subset = JSON.parse(
  readFileSync(new URL('../../__fixtures__/github/openapi-subset.json', import.meta.url), 'utf8')
) as Subset

const checked = new Map<SandboxGitHubOperation, Set<number>>()

/** Asserts the answer's status is one GitHub documents for the operation and its body fits. */
function expectShape(operation: SandboxGitHubOperation, answer: RawAnswer, status: number): void {
  expect(answer.status).toBe(status)
  const responses = subset.operations[operation]?.responses ?? {}
  expect(Object.keys(responses)).toContain(String(status))
  const schema = responses[String(status)]
  if (status === 204) expect(answer.body).toBeUndefined()
  if (schema !== null && schema !== undefined)
    expect(validate(subset, schema, answer.body)).toEqual([])
  checked.set(operation, (checked.get(operation) ?? new Set()).add(status))
}

const sandbox = useSandboxGitHub()
let mainSha: string
let treeSha: string
let commitSha: string
let pullNumber: number
let commentId: number
const repo = '/repos/acme/webapp'

beforeAll(() => {
  mainSha = sandbox.gh.branchHead('acme/webapp', 'main')!
})

describe('sandbox GitHub against the OpenAPI description', () => {
  it('extracted exactly the operations the sandbox serves', () => {
    expect(Object.keys(subset.operations).sort()).toEqual(
      Object.keys(SANDBOX_GITHUB_OPERATIONS).sort()
    )
  })

  it('answers repository metadata and permissions as documented', async () => {
    expectShape('GET /repos/{owner}/{repo}', await call(sandbox.gh, 'GET', repo), 200)
    expectShape('GET /repos/{owner}/{repo}', await call(sandbox.gh, 'GET', '/repos/acme/nope'), 404)
    const permission = 'GET /repos/{owner}/{repo}/collaborators/{username}/permission'
    expectShape(
      permission,
      await call(sandbox.gh, 'GET', `${repo}/collaborators/ana/permission`),
      200
    )
    expectShape(
      permission,
      await call(sandbox.gh, 'GET', `${repo}/collaborators/eve/permission`),
      200
    )
    expectShape(
      permission,
      await call(sandbox.gh, 'GET', `${repo}/collaborators/zed/permission`),
      404
    )
  })

  it('answers contents as documented', async () => {
    const operation = 'GET /repos/{owner}/{repo}/contents/{path}'
    expectShape(
      operation,
      await call(sandbox.gh, 'GET', `${repo}/contents/README.md?ref=main`),
      200
    )
    expectShape(operation, await call(sandbox.gh, 'GET', `${repo}/contents/kitty-specs`), 200)
    expectShape(operation, await call(sandbox.gh, 'GET', `${repo}/contents/nope.txt`), 404)
  })

  it('answers archive requests as documented: a redirect, or Not Found for an unknown ref', async () => {
    const tarball = async (ref: string) => {
      const response = await fetch(`${sandbox.gh.url}${repo}/tarball/${ref}`, {
        headers: { authorization: `token ${sandbox.gh.token}` },
        redirect: 'manual'
      })
      const text = await response.text()
      const body = text === '' ? undefined : (JSON.parse(text) as unknown)
      return {
        status: response.status,
        link: null,
        body,
        location: response.headers.get('location')
      }
    }
    const operation = 'GET /repos/{owner}/{repo}/tarball/{ref}'
    const found = await tarball(mainSha)
    expectShape(operation, found, 302)
    expect(found.location).toMatch(
      new RegExp(
        `^${sandbox.gh.url}/_codeload/acme/webapp/legacy\\.tar\\.gz/${mainSha}\\?token=\\w+$`
      )
    )
    const missing = await tarball('nope')
    expect(missing.status).toBe(404)
    const basicError = { $ref: '#/components/schemas/basic-error' }
    expect(validate(subset, basicError, missing.body)).toEqual([])
  })

  it('answers the git database as documented', async () => {
    const getRef = 'GET /repos/{owner}/{repo}/git/ref/{ref}'
    expectShape(getRef, await call(sandbox.gh, 'GET', `${repo}/git/ref/heads/main`), 200)
    expectShape(getRef, await call(sandbox.gh, 'GET', `${repo}/git/ref/heads/nope`), 404)
    const getCommit = 'GET /repos/{owner}/{repo}/git/commits/{commit_sha}'
    const parent = await call(sandbox.gh, 'GET', `${repo}/git/commits/${mainSha}`)
    expectShape(getCommit, parent, 200)
    expectShape(
      getCommit,
      await call(sandbox.gh, 'GET', `${repo}/git/commits/${'0'.repeat(40)}`),
      404
    )
    const createTree = 'POST /repos/{owner}/{repo}/git/trees'
    const tree = await call(sandbox.gh, 'POST', `${repo}/git/trees`, {
      base_tree: text(parent.body, 'tree.sha'),
      tree: [{ path: 'docs/new.md', mode: '100644', type: 'blob', content: '# new\n' }]
    })
    expectShape(createTree, tree, 201)
    treeSha = text(tree.body, 'sha')
    expectShape(createTree, await call(sandbox.gh, 'POST', `${repo}/git/trees`, { tree: 'x' }), 422)
    const getTree = 'GET /repos/{owner}/{repo}/git/trees/{tree_sha}'
    expectShape(
      getTree,
      await call(sandbox.gh, 'GET', `${repo}/git/trees/${treeSha}?recursive=1`),
      200
    )
    expectShape(getTree, await call(sandbox.gh, 'GET', `${repo}/git/trees/${'1'.repeat(40)}`), 404)
    const createCommit = 'POST /repos/{owner}/{repo}/git/commits'
    const commit = await call(sandbox.gh, 'POST', `${repo}/git/commits`, {
      message: 'Add docs',
      tree: treeSha,
      parents: [mainSha]
    })
    expectShape(createCommit, commit, 201)
    commitSha = text(commit.body, 'sha')
    const orphan = { message: 'x', tree: '2'.repeat(40), parents: [] }
    expectShape(createCommit, await call(sandbox.gh, 'POST', `${repo}/git/commits`, orphan), 422)
  })

  it('answers ref writes as documented', async () => {
    const createRef = 'POST /repos/{owner}/{repo}/git/refs'
    const ref = { ref: 'refs/heads/docs', sha: mainSha }
    expectShape(createRef, await call(sandbox.gh, 'POST', `${repo}/git/refs`, ref), 201)
    expectShape(createRef, await call(sandbox.gh, 'POST', `${repo}/git/refs`, ref), 422)
    const updateRef = 'PATCH /repos/{owner}/{repo}/git/refs/{ref}'
    const forward = { sha: commitSha, force: false }
    expectShape(
      updateRef,
      await call(sandbox.gh, 'PATCH', `${repo}/git/refs/heads/docs`, forward),
      200
    )
    const back = { sha: mainSha, force: false }
    expectShape(
      updateRef,
      await call(sandbox.gh, 'PATCH', `${repo}/git/refs/heads/docs`, back),
      422
    )
    const deleteRef = 'DELETE /repos/{owner}/{repo}/git/refs/{ref}'
    await call(sandbox.gh, 'POST', `${repo}/git/refs`, { ref: 'refs/heads/gone', sha: mainSha })
    expectShape(deleteRef, await call(sandbox.gh, 'DELETE', `${repo}/git/refs/heads/gone`), 204)
    expectShape(deleteRef, await call(sandbox.gh, 'DELETE', `${repo}/git/refs/heads/gone`), 422)
  })

  it('answers pull requests as documented', async () => {
    const create = 'POST /repos/{owner}/{repo}/pulls'
    const body = { title: 'Docs', head: 'docs', base: 'main', body: 'Adds docs', draft: false }
    const created = await call(sandbox.gh, 'POST', `${repo}/pulls`, body)
    expectShape(create, created, 201)
    pullNumber = count(created.body, 'number')
    expectShape(create, await call(sandbox.gh, 'POST', `${repo}/pulls`, body), 422)
    sandbox.gh.repo().settings.actionsCanCreatePullRequests = false
    expectShape(create, await call(sandbox.gh, 'POST', `${repo}/pulls`, body), 403)
    sandbox.gh.repo().settings.actionsCanCreatePullRequests = true
    const list = 'GET /repos/{owner}/{repo}/pulls'
    expectShape(list, await call(sandbox.gh, 'GET', `${repo}/pulls?state=all&head=acme:docs`), 200)
    const get = 'GET /repos/{owner}/{repo}/pulls/{pull_number}'
    expectShape(get, await call(sandbox.gh, 'GET', `${repo}/pulls/${pullNumber}`), 200)
    expectShape(get, await call(sandbox.gh, 'GET', `${repo}/pulls/999`), 404)
    const files = 'GET /repos/{owner}/{repo}/pulls/{pull_number}/files'
    expectShape(files, await call(sandbox.gh, 'GET', `${repo}/pulls/${pullNumber}/files`), 200)
  })

  it('answers labels as documented', async () => {
    const labels = 'POST /repos/{owner}/{repo}/issues/{issue_number}/labels'
    const body = { labels: ['kitty-origin'] }
    expectShape(
      labels,
      await call(sandbox.gh, 'POST', `${repo}/issues/${pullNumber}/labels`, body),
      200
    )
    expectShape(labels, await call(sandbox.gh, 'POST', `${repo}/issues/999/labels`, body), 404)
    expectShape(
      labels,
      await call(sandbox.gh, 'POST', `${repo}/issues/42/labels`, { labels: 7 }),
      422
    )
  })

  it('answers comments and reactions as documented', async () => {
    const create = 'POST /repos/{owner}/{repo}/issues/{issue_number}/comments'
    const created = await call(sandbox.gh, 'POST', `${repo}/issues/42/comments`, { body: 'Hello' })
    expectShape(create, created, 201)
    commentId = count(created.body, 'id')
    expectShape(create, await call(sandbox.gh, 'POST', `${repo}/issues/42/comments`, {}), 422)
    expectShape(
      create,
      await call(sandbox.gh, 'POST', `${repo}/issues/999/comments`, { body: 'x' }),
      404
    )
    const list = 'GET /repos/{owner}/{repo}/issues/{issue_number}/comments'
    expectShape(list, await call(sandbox.gh, 'GET', `${repo}/issues/42/comments?per_page=1`), 200)
    expectShape(list, await call(sandbox.gh, 'GET', `${repo}/issues/999/comments`), 404)
    const get = 'GET /repos/{owner}/{repo}/issues/comments/{comment_id}'
    expectShape(get, await call(sandbox.gh, 'GET', `${repo}/issues/comments/${commentId}`), 200)
    expectShape(get, await call(sandbox.gh, 'GET', `${repo}/issues/comments/1`), 404)
    const update = 'PATCH /repos/{owner}/{repo}/issues/comments/{comment_id}'
    const path = `${repo}/issues/comments/${commentId}`
    expectShape(update, await call(sandbox.gh, 'PATCH', path, { body: 'Edited' }), 200)
    expectShape(update, await call(sandbox.gh, 'PATCH', path, { body: 3 }), 422)
    const react = 'POST /repos/{owner}/{repo}/issues/comments/{comment_id}/reactions'
    expectShape(
      react,
      await call(sandbox.gh, 'POST', `${path}/reactions`, { content: 'eyes' }),
      201
    )
    expectShape(
      react,
      await call(sandbox.gh, 'POST', `${path}/reactions`, { content: 'eyes' }),
      200
    )
    expectShape(react, await call(sandbox.gh, 'POST', `${path}/reactions`, { content: 'wow' }), 422)
  })

  it('exercised a success answer of every served operation', () => {
    const successes = Object.keys(SANDBOX_GITHUB_OPERATIONS).filter(operation =>
      [...(checked.get(operation as SandboxGitHubOperation) ?? [])].some(status => status < 400)
    )
    expect(successes.sort()).toEqual(Object.keys(SANDBOX_GITHUB_OPERATIONS).sort())
  })
})
