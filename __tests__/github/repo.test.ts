import { describe, expect, it } from '@jest/globals'
import { listDirectory, readTextFile } from '../../src/github/repo.js'
import { gitHubClientFor, useSandboxGitHub, WEBAPP } from '../../__fixtures__/sandbox/github.js'

const sandbox = useSandboxGitHub()

describe('readTextFile', () => {
  it('reads a file at a branch as UTF-8 text', async () => {
    const text = await readTextFile(sandbox.client, WEBAPP, '.kittify/config.yaml', 'main')
    expect(text).toContain('provider: linear')
    expect(text).toBe(sandbox.gh.readFile('acme/webapp', 'main', '.kittify/config.yaml'))
  })

  it('keeps non-ASCII text intact across base64 line wrapping', async () => {
    const content = `# Café Noël — 日本語 🚀\n${'é'.repeat(200)}\n`
    sandbox.gh.pushFiles('acme/webapp', 'unicode', { 'docs/unicode.md': content })
    await expect(readTextFile(sandbox.client, WEBAPP, 'docs/unicode.md', 'unicode')).resolves.toBe(
      content
    )
  })

  it('reads at a commit id as well as at a branch', async () => {
    const sha = sandbox.gh.branchHead('acme/webapp', 'main')!
    await expect(readTextFile(sandbox.client, WEBAPP, 'README.md', sha)).resolves.toContain(
      '# webapp'
    )
  })

  it.each([
    ['a path with nothing there', 'nope/missing.md', 'main'],
    ['a directory', 'kitty-specs', 'main']
  ])('answers null for %s', async (_name, path, ref) => {
    await expect(readTextFile(sandbox.client, WEBAPP, path, ref)).resolves.toBeNull()
  })

  it.each([
    ['encoding none', { encoding: 'none', content: '' }, 'encoding none'],
    ['no content at all', {}, 'encoding missing']
  ])('refuses a file too large for the contents API (%s)', async (_name, answer, detail) => {
    sandbox.gh.faults.add({
      path: '/repos/acme/webapp/contents/big.bin',
      status: 200,
      body: { type: 'file', name: 'big.bin', ...answer }
    })
    await expect(readTextFile(sandbox.client, WEBAPP, 'big.bin', 'main')).rejects.toMatchObject({
      code: 'github-error',
      message: 'big.bin is too large for kitty-origin to read through the GitHub API.',
      detail
    })
  })

  it('reports a failure other than 404', async () => {
    sandbox.gh.faults.add({
      path: '/repos/acme/webapp/contents/README.md',
      status: 401,
      body: { message: 'Bad credentials' }
    })
    await expect(readTextFile(sandbox.client, WEBAPP, 'README.md', 'main')).rejects.toMatchObject({
      message: expect.stringContaining(
        'GitHub rejected the token when kitty-origin tried to read README.md'
      )
    })
  })

  it('names the missing contents permission', async () => {
    sandbox.gh.addToken('ghs_noContents', { permissions: { contents: 'none' } })
    const client = gitHubClientFor(sandbox.gh, { token: 'ghs_noContents' })
    await expect(readTextFile(client, WEBAPP, 'README.md', 'main')).rejects.toMatchObject({
      message:
        "The workflow's token may not read README.md; add `contents: read` under `permissions:` in the workflow file."
    })
  })
})

describe('listDirectory', () => {
  it('lists the names in a directory, sorted', async () => {
    await expect(listDirectory(sandbox.client, WEBAPP, 'kitty-specs', 'main')).resolves.toEqual([
      '001-legacy-import',
      'checkout-flow-01JD3K2M'
    ])
  })

  it('lists only entries of one kind when asked', async () => {
    sandbox.gh.pushFiles('acme/webapp', 'with-readme', { 'kitty-specs/README.md': 'x\n' })
    const all = await listDirectory(sandbox.client, WEBAPP, 'kitty-specs', 'with-readme')
    const dirs = await listDirectory(sandbox.client, WEBAPP, 'kitty-specs', 'with-readme', 'dir')
    expect(all).toContain('README.md')
    expect(dirs).toEqual(['001-legacy-import', 'checkout-flow-01JD3K2M'])
  })

  it('lists the repository root for an empty path', async () => {
    await expect(listDirectory(sandbox.client, WEBAPP, '', 'main')).resolves.toEqual(
      expect.arrayContaining(['.kittify', 'README.md', 'kitty-specs', 'src'])
    )
  })

  it.each([
    ['a missing directory', 'nope'],
    ['a file', 'README.md']
  ])('answers null for %s', async (_name, path) => {
    await expect(listDirectory(sandbox.client, WEBAPP, path, 'main')).resolves.toBeNull()
  })
})
