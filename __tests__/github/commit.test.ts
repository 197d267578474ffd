import { beforeAll, describe, expect, it } from '@jest/globals'
import { commitFiles } from '../../src/github/commit.js'
import { createBranch } from '../../src/github/refs.js'
import { useSandboxGitHub, WEBAPP } from '../../__fixtures__/sandbox/github.js'

const sandbox = useSandboxGitHub()
let main: string
beforeAll(() => {
  main = sandbox.gh.branchHead('acme/webapp', 'main')!
})

describe('commitFiles', () => {
  it('commits new, changed and deleted files in one commit on the branch', async () => {
    await createBranch(sandbox.client, WEBAPP, 'kitty/mission-files', main)
    const sha = await commitFiles(sandbox.client, WEBAPP, {
      branch: 'kitty/mission-files',
      parentSha: main,
      message: 'Start mission web-123-01M0M9D8 from WEB-123',
      files: [
        { path: 'kitty-specs/web-123-01M0M9D8/meta.json', content: '{\n  "a": "é"\n}\n' },
        { path: 'kitty-specs/web-123-01M0M9D8/checklists/.gitkeep', content: '' },
        { path: 'README.md', content: '# webapp, changed\n' },
        { path: 'src/app.ts', content: null }
      ]
    })
    expect(sandbox.gh.branchHead('acme/webapp', 'kitty/mission-files')).toBe(sha)
    const read = (path: string): string | undefined =>
      sandbox.gh.readFile('acme/webapp', 'kitty/mission-files', path)
    expect(read('kitty-specs/web-123-01M0M9D8/meta.json')).toBe('{\n  "a": "é"\n}\n')
    expect(read('kitty-specs/web-123-01M0M9D8/checklists/.gitkeep')).toBe('')
    expect(read('README.md')).toBe('# webapp, changed\n')
    expect(read('src/app.ts')).toBeUndefined()
    expect(read('.kittify/config.yaml')).toContain('linear')
    const commit = sandbox.gh.repo().git.commit(sha)
    expect(commit?.parents).toEqual([main])
    expect(commit?.message).toBe('Start mission web-123-01M0M9D8 from WEB-123')
    expect(commit?.author.name).toBe('github-actions[bot]')
  })

  it('sends the files inline on top of the parent tree and never forces the branch', async () => {
    await createBranch(sandbox.client, WEBAPP, 'kitty/mission-inline', main)
    sandbox.gh.requests.length = 0
    await commitFiles(sandbox.client, WEBAPP, {
      branch: 'kitty/mission-inline',
      parentSha: main,
      message: 'm',
      files: [{ path: 'a.md', content: 'a\n' }]
    })
    const sent = sandbox.gh.requests.map(request => `${request.method} ${request.path}`)
    expect(sent).toEqual([
      `GET /repos/acme/webapp/git/commits/${main}`,
      'POST /repos/acme/webapp/git/trees',
      'POST /repos/acme/webapp/git/commits',
      'PATCH /repos/acme/webapp/git/refs/heads%2Fkitty%2Fmission-inline'
    ])
    const tree = sandbox.gh.requests[1]?.body
    expect(tree).toEqual({
      base_tree: sandbox.gh.repo().git.commit(main)?.tree,
      tree: [{ path: 'a.md', mode: '100644', type: 'blob', content: 'a\n' }]
    })
    expect(sandbox.gh.requests[3]?.body).toMatchObject({ force: false })
  })

  it('leaves a branch someone pushed to meanwhile as it is and fails', async () => {
    await createBranch(sandbox.client, WEBAPP, 'kitty/mission-race', main)
    const theirs = sandbox.gh.pushFiles('acme/webapp', 'kitty/mission-race', { 'theirs.md': 'x\n' })
    await expect(
      commitFiles(sandbox.client, WEBAPP, {
        branch: 'kitty/mission-race',
        parentSha: main,
        message: 'm',
        files: [{ path: 'ours.md', content: 'y\n' }]
      })
    ).rejects.toMatchObject({ message: expect.stringContaining('kitty/mission-race changed') })
    expect(sandbox.gh.branchHead('acme/webapp', 'kitty/mission-race')).toBe(theirs)
  })

  it('reports a parent commit GitHub does not know', async () => {
    await expect(
      commitFiles(sandbox.client, WEBAPP, {
        branch: 'main',
        parentSha: 'a'.repeat(40),
        message: 'm',
        files: [{ path: 'x.md', content: 'x' }]
      })
    ).rejects.toMatchObject({
      code: 'github-error',
      message: expect.stringContaining('when kitty-origin tried to read the commit aaaaaaaaaaaa')
    })
  })

  it('skips reading the parent commit when its tree is given', async () => {
    const parentSha = sandbox.gh.branchHead('acme/webapp', 'main')!
    const baseTreeSha = sandbox.gh.repo('acme/webapp').git.commit(parentSha)!.tree
    const before = sandbox.seen('GET', /\/git\/commits\//)
    await commitFiles(sandbox.client, WEBAPP, {
      branch: 'main',
      parentSha,
      baseTreeSha,
      message: 'm',
      files: [{ path: 'y.md', content: 'y' }]
    })
    expect(sandbox.seen('GET', /\/git\/commits\//)).toBe(before)
    expect(sandbox.gh.readFile('acme/webapp', 'main', 'y.md')).toBe('y')
  })
})
