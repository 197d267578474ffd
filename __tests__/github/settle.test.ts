import { beforeAll, describe, expect, it } from '@jest/globals'
import { commitFiles, getCommitTree } from '../../src/github/commit.js'
import { openPullRequest } from '../../src/github/pulls.js'
import { createBranch } from '../../src/github/refs.js'
import { settled, SETTLE_DELAYS_MS } from '../../src/github/settle.js'
import { notYetVisible } from '../../sandbox/github/lag.js'
import type { LagPoint } from '../../sandbox/github/lag.js'
import { useSandboxGitHub, WEBAPP } from '../../__fixtures__/sandbox/github.js'

const sandbox = useSandboxGitHub()
let main: string
let branchCount = 0
beforeAll(() => {
  main = sandbox.gh.branchHead('acme/webapp', 'main')!
})

async function freshBranch(): Promise<string> {
  branchCount += 1
  const branch = `kitty-origin/lag-${branchCount}`
  await createBranch(sandbox.client, WEBAPP, branch, main)
  return branch
}

async function commitOn(branch: string): Promise<string> {
  return commitFiles(sandbox.client, WEBAPP, {
    branch,
    parentSha: main,
    message: 'Start mission',
    files: [{ path: `kitty-specs/${branch.split('/')[1]}/meta.json`, content: '{}\n' }]
  })
}

describe('a write GitHub does not show yet', () => {
  it.each<[LagPoint]>([['commit-tree-missing'], ['tree-base-missing'], ['ref-missing']])(
    'commits anyway when %s is answered twice',
    async point => {
      const branch = await freshBranch()
      sandbox.gh.faults.add(notYetVisible(point, 2))
      const sha = await commitOn(branch)
      expect(sandbox.gh.branchHead('acme/webapp', branch)).toBe(sha)
      expect(sandbox.gh.faults.pending).toBe(0)
    }
  )

  it('reads a just-written commit after a 404', async () => {
    sandbox.gh.faults.add(notYetVisible('commit-not-found'))
    await expect(getCommitTree(sandbox.client, WEBAPP, main)).resolves.toMatch(/^[0-9a-f]{40}$/)
  })

  it('opens the pull request after "No commits between" twice', async () => {
    const branch = await freshBranch()
    await commitOn(branch)
    sandbox.gh.faults.add(notYetVisible('pull-no-commits', 2))
    const pull = await openPullRequest(
      sandbox.client,
      WEBAPP,
      { head: branch, base: 'main', title: 'Mission', body: 'b', draft: false, labels: [] },
      []
    )
    expect(pull.number).toBeGreaterThan(0)
  })

  it('gives up after a bounded number of retries with the step named', async () => {
    const branch = await freshBranch()
    sandbox.gh.faults.add(notYetVisible('commit-tree-missing', SETTLE_DELAYS_MS.length + 1))
    await expect(commitOn(branch)).rejects.toMatchObject({
      code: 'github-error',
      message: expect.stringContaining('tried to write a commit'),
      detail: expect.stringContaining('Tree SHA does not exist')
    })
    // Every retry met one of the armed answers: one more retry would have got through.
    expect(sandbox.gh.faults.pending).toBe(0)
    expect(sandbox.gh.branchHead('acme/webapp', branch)).toBe(main)
  })

  it('does not retry answers that are not about visibility', async () => {
    let calls = 0
    const failure = Object.assign(new Error('Validation Failed'), {
      status: 422,
      response: { data: { message: 'Validation Failed: sha is invalid' } }
    })
    await expect(
      settled(['tree', 'object', 'ref', 'no-commits'], () => {
        calls += 1
        return Promise.reject(failure)
      })
    ).rejects.toBe(failure)
    expect(calls).toBe(1)
  })
})
