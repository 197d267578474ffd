import { beforeAll, beforeEach, describe, expect, it } from '@jest/globals'
import { listDirectory, readTextFile } from '../../src/github/repo.js'
import { listTreeEntries, listTreeRecursive, treeEntryAt } from '../../src/github/trees.js'
import { useSandboxGitHub, WEBAPP } from '../../__fixtures__/sandbox/github.js'

const BRANCH = 'wide'
const DEEP = 'deep'
const SUBMODULE_SHA = 'abcdef0123456789abcdef0123456789abcdef01'
const sandbox = useSandboxGitHub()

beforeAll(() => {
  const files: Record<string, string | { symlink: string } | { submodule: string }> = {}
  for (let n = 0; n < 1_200; n += 1) {
    files[`kitty-specs/m-${String(n).padStart(4, '0')}/meta.json`] = `{"n": ${n}}\n`
  }
  files['kitty-specs/linked'] = { symlink: 'm-0000' }
  files['kitty-specs/vendored'] = { submodule: SUBMODULE_SHA }
  files['big.txt'] = 'x'.repeat(1_048_577)
  sandbox.gh.pushFiles('acme/webapp', BRANCH, files)
  const deep: Record<string, string> = {}
  for (let n = 0; n < 40; n += 1) deep[`a/b${n % 4}/c${n}/file.txt`] = `${n}\n`
  sandbox.gh.pushFiles('acme/webapp', DEEP, deep)
})
beforeEach(() => {
  sandbox.gh.repo().settings.treeEntryLimit = 100_000
})

describe('listing a directory of more than 1,000 entries', () => {
  it('lists every entry, where the contents API alone stops at 1,000', async () => {
    const names = await listDirectory(sandbox.client, WEBAPP, 'kitty-specs', BRANCH, 'dir')
    expect(names).toHaveLength(1_202)
    expect(names?.filter(name => name.startsWith('m-'))).toHaveLength(1_200)
    expect(names?.at(-1)).toBe('m-1199')
  })

  it('costs one contents request for a directory under the limit', async () => {
    expect(await listDirectory(sandbox.client, WEBAPP, 'kitty-specs', 'main', 'dir')).toEqual([
      '001-legacy-import',
      'checkout-flow-01JD3K2M'
    ])
    expect(sandbox.gh.requests).toHaveLength(1)
  })
})

describe('the Git trees API', () => {
  it('tells symlinks and submodules from files and directories', async () => {
    const specs = await treeEntryAt(sandbox.client, WEBAPP, BRANCH, 'kitty-specs')
    const entries = await listTreeEntries(sandbox.client, WEBAPP, specs!.sha)
    expect(entries?.find(entry => entry.path === 'linked')?.kind).toBe('symlink')
    expect(entries?.find(entry => entry.path === 'vendored')).toEqual({
      path: 'vendored',
      kind: 'submodule',
      sha: SUBMODULE_SHA
    })
    expect(entries?.find(entry => entry.path === 'm-0001')?.kind).toBe('dir')
  })

  it('walks directory by directory when GitHub cuts a recursive listing', async () => {
    const whole = await listTreeRecursive(sandbox.client, WEBAPP, DEEP)
    sandbox.gh.repo().settings.treeEntryLimit = 30
    const walked = await listTreeRecursive(sandbox.client, WEBAPP, DEEP)
    expect(walked?.sha).toBe(whole?.sha)
    expect(walked?.items.length).toBe(whole?.items.length)
    expect(new Set(walked?.items.map(item => item.path))).toEqual(
      new Set(whole?.items.map(item => item.path))
    )
    expect(walked?.items.filter(item => item.path.endsWith('/file.txt'))).toHaveLength(40)
  })

  it('answers null for a path or tree that is not there', async () => {
    expect(await treeEntryAt(sandbox.client, WEBAPP, BRANCH, 'kitty-specs/nope')).toBeNull()
    expect(await treeEntryAt(sandbox.client, WEBAPP, BRANCH, 'big.txt/inner')).toBeNull()
    expect(await listTreeRecursive(sandbox.client, WEBAPP, '0'.repeat(40))).toBeNull()
    expect(await listTreeEntries(sandbox.client, WEBAPP, '0'.repeat(40))).toBeNull()
  })

  it('refuses a single directory GitHub cannot list whole', async () => {
    sandbox.gh.faults.add({
      path: /\/git\/trees\//,
      status: 200,
      body: { sha: '1'.repeat(40), url: 'x', tree: [], truncated: true }
    })
    await expect(listTreeEntries(sandbox.client, WEBAPP, BRANCH)).rejects.toMatchObject({
      code: 'github-error',
      message: expect.stringContaining('more entries than GitHub lists in one tree')
    })
  })
})

describe('files the contents API does not serve', () => {
  it('reports a file over 1 MB as too large to read', async () => {
    await expect(readTextFile(sandbox.client, WEBAPP, 'big.txt', BRANCH)).rejects.toMatchObject({
      message: 'big.txt is too large for kitty-origin to read through the GitHub API.'
    })
  })

  it('names a branch that does not exist instead of reading nothing', async () => {
    await expect(
      readTextFile(sandbox.client, WEBAPP, '.kittify/config.yaml', 'release/9')
    ).rejects.toMatchObject({
      code: 'github-error',
      message: expect.stringContaining('The branch release/9 does not exist in this repository')
    })
    await expect(
      readTextFile(sandbox.client, WEBAPP, '.kittify/config.yaml', 'f'.repeat(40))
    ).rejects.toMatchObject({
      message: expect.stringContaining('The commit ffffffffffff does not exist')
    })
  })
})
