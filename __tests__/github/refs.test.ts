import { beforeAll, describe, expect, it } from '@jest/globals'
import { createBranch, deleteBranch, getBranchHead, moveBranch } from '../../src/github/refs.js'
import { gitHubClientFor, useSandboxGitHub, WEBAPP } from '../../__fixtures__/sandbox/github.js'

const sandbox = useSandboxGitHub()
let main: string
beforeAll(() => {
  main = sandbox.gh.branchHead('acme/webapp', 'main')!
})

describe('getBranchHead', () => {
  it('answers the commit a branch points at', async () => {
    await expect(getBranchHead(sandbox.client, WEBAPP, 'main')).resolves.toBe(main)
  })

  it('answers null for a branch that does not exist', async () => {
    await expect(getBranchHead(sandbox.client, WEBAPP, 'kitty/mission-nope')).resolves.toBeNull()
  })

  it('reports a failure other than 404', async () => {
    sandbox.gh.faults.add({
      path: /\/git\/ref\//,
      status: 401,
      body: { message: 'Bad credentials' }
    })
    await expect(getBranchHead(sandbox.client, WEBAPP, 'main')).rejects.toMatchObject({
      message: expect.stringContaining('tried to read the branch main')
    })
  })

  it('does not take a longer branch name for a match', async () => {
    await createBranch(sandbox.client, WEBAPP, 'kitty/prefix-longer', main)
    await expect(getBranchHead(sandbox.client, WEBAPP, 'kitty/prefix')).resolves.toBeNull()
  })
})

describe('createBranch', () => {
  it('creates a branch at a commit, then reports it as existing', async () => {
    await expect(createBranch(sandbox.client, WEBAPP, 'kitty/mission-a', main)).resolves.toBe(
      'created'
    )
    expect(sandbox.gh.branchHead('acme/webapp', 'kitty/mission-a')).toBe(main)
    await expect(createBranch(sandbox.client, WEBAPP, 'kitty/mission-a', main)).resolves.toBe(
      'exists'
    )
  })

  it('lets exactly one of many concurrent claims win', async () => {
    const results = await Promise.all(
      Array.from({ length: 8 }, () =>
        createBranch(sandbox.client, WEBAPP, 'kitty/mission-race', main)
      )
    )
    expect(results.filter(result => result === 'created')).toHaveLength(1)
    expect(results.filter(result => result === 'exists')).toHaveLength(7)
  })

  it('reports another refusal as an error', async () => {
    await expect(
      createBranch(sandbox.client, WEBAPP, 'kitty/mission-b', 'f'.repeat(40))
    ).rejects.toMatchObject({
      code: 'github-error',
      detail: 'GitHub answered 422: Object does not exist'
    })
  })

  it('names the missing contents permission', async () => {
    sandbox.gh.addToken('ghs_readOnly', { permissions: { contents: 'read' } })
    const client = gitHubClientFor(sandbox.gh, { token: 'ghs_readOnly' })
    await expect(createBranch(client, WEBAPP, 'kitty/mission-c', main)).rejects.toMatchObject({
      message:
        "The workflow's token may not create the branch kitty/mission-c; add `contents: write` under `permissions:` in the workflow file."
    })
  })
})

describe('deleteBranch', () => {
  it('deletes a branch, and treats an already deleted one as done', async () => {
    await createBranch(sandbox.client, WEBAPP, 'kitty/mission-gone', main)
    await expect(deleteBranch(sandbox.client, WEBAPP, 'kitty/mission-gone')).resolves.toBe(
      'deleted'
    )
    expect(sandbox.gh.branchHead('acme/webapp', 'kitty/mission-gone')).toBeUndefined()
    await expect(deleteBranch(sandbox.client, WEBAPP, 'kitty/mission-gone')).resolves.toBe(
      'missing'
    )
  })

  it('reports a failure to delete', async () => {
    sandbox.gh.faults.add({
      method: 'DELETE',
      status: 403,
      body: { message: 'Cannot delete this branch: a repository rule protects it' }
    })
    await expect(deleteBranch(sandbox.client, WEBAPP, 'main')).rejects.toMatchObject({
      code: 'github-error',
      message: expect.stringContaining('GitHub refused access')
    })
    expect(sandbox.gh.branchHead('acme/webapp', 'main')).toBe(main)
  })
})

describe('moveBranch', () => {
  it('moves a branch forward', async () => {
    await createBranch(sandbox.client, WEBAPP, 'kitty/mission-move', main)
    const next = sandbox.gh.pushFiles('acme/webapp', 'elsewhere', { 'x.md': 'x\n' })
    await moveBranch(sandbox.client, WEBAPP, 'kitty/mission-move', next)
    expect(sandbox.gh.branchHead('acme/webapp', 'kitty/mission-move')).toBe(next)
  })

  it('never resets a branch someone moved: that is an error that names the branch', async () => {
    await createBranch(sandbox.client, WEBAPP, 'kitty/mission-moved', main)
    const theirs = sandbox.gh.pushFiles('acme/webapp', 'kitty/mission-moved', { 'a.md': 'a\n' })
    const ours = sandbox.gh.pushFiles('acme/webapp', 'ours', { 'b.md': 'b\n' })
    await expect(
      moveBranch(sandbox.client, WEBAPP, 'kitty/mission-moved', ours)
    ).rejects.toMatchObject({
      code: 'github-error',
      retryable: false,
      message:
        'The branch kitty/mission-moved changed while kitty-origin was writing to it, so kitty-origin left it alone; re-run the job to continue from its new state.'
    })
    expect(sandbox.gh.branchHead('acme/webapp', 'kitty/mission-moved')).toBe(theirs)
    const patch = sandbox.gh.requests.filter(request => request.method === 'PATCH').pop()
    expect(patch?.body).toEqual({ sha: ours, force: false })
  })

  it('reports a branch that does not exist', async () => {
    await expect(moveBranch(sandbox.client, WEBAPP, 'kitty/nope', main)).rejects.toMatchObject({
      code: 'github-error',
      detail: 'GitHub answered 422: Reference does not exist'
    })
  })
})
