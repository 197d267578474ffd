import { afterAll, beforeAll, describe, expect, it } from '@jest/globals'
import { execFileSync } from 'node:child_process'
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { gunzipSync } from 'node:zlib'
import { fetch } from 'undici'
import { exportRepository } from '../../sandbox/github/git-export.js'
import { useSandboxGitHub } from '../../__fixtures__/sandbox/github.js'

let now = new Date('2026-03-02T08:30:00Z')
const sandbox = useSandboxGitHub({ sandbox: { now: () => now } })
let dir: string

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'git-archive-'))
})
afterAll(() => {
  rmSync(dir, { recursive: true, force: true })
})

const deep = `${'d'.repeat(60)}/${'e'.repeat(60)}`

/** A branch with what makes tar headers differ: long paths and targets, symlinks, a submodule. */
function pushOddities(): string {
  sandbox.gh.pushFiles('acme/webapp', 'odd', {
    'events/01KA0000000000000000000001.json': '{"a":1}\n',
    'events/link.json': { symlink: '../README.md' },
    'events/module': { submodule: 'c'.repeat(40) },
    [`${deep}/file.txt`]: 'deep\n',
    [`${deep}/${'f'.repeat(99)}`]: 'split between prefix and name\n',
    [`${'g'.repeat(120)}.txt`]: 'one long name\n',
    'far-link': { symlink: `${'x/'.repeat(60)}target` },
    'é/ü.txt': 'unicode\n',
    'empty.txt': '',
    'block.bin': 'b'.repeat(512),
    'block-and-one.bin': 'b'.repeat(513)
  })
  const repo = sandbox.gh.repo()
  const head = repo.refs.get('refs/heads/odd')!
  const commit = repo.git.commit(head)!
  const flat = repo.git.flatten(commit.tree)
  flat.set('run.sh', { mode: '100755', sha: repo.git.putBlob('#!/bin/sh\n') })
  const executable = repo.git.putCommit({
    ...commit,
    tree: repo.git.buildTree(flat),
    parents: [head]
  })
  repo.refs.set('refs/heads/odd', executable)
  return executable
}

async function download(ref: string): Promise<{ location: string; archive: Buffer }> {
  const answer = await fetch(`${sandbox.gh.url}/repos/acme/webapp/tarball/${ref}`, {
    headers: { authorization: `token ${sandbox.gh.token}` },
    redirect: 'manual'
  })
  expect(answer.status).toBe(302)
  const location = answer.headers.get('location')!
  const archive = await fetch(location)
  expect(archive.status).toBe(200)
  expect(archive.headers.get('content-type')).toBe('application/x-gzip')
  return { location, archive: Buffer.from(await archive.arrayBuffer()) }
}

describe("the sandbox's repository archive", () => {
  it('is byte for byte the tar `git archive` writes of the same commit', async () => {
    const sha = pushOddities()
    const gitDir = join(dir, 'origin.git')
    exportRepository(sandbox.gh.repo(), gitDir)
    const top = `acme-webapp-${sha.slice(0, 7)}`
    const expected = execFileSync('git', [
      '--git-dir',
      gitDir,
      '-c',
      'tar.umask=002',
      'archive',
      '--format=tar',
      `--prefix=${top}/`,
      sha
    ])
    const { location, archive } = await download(sha)
    expect(location).toContain(`/_codeload/acme/webapp/legacy.tar.gz/${sha}?token=`)
    const tar = gunzipSync(archive)
    expect(tar.length).toBe(expected.length)
    expect(tar.equals(expected)).toBe(true)

    const file = join(dir, `${top}.tar.gz`)
    writeFileSync(file, archive)
    const listing = execFileSync('tar', ['-tzvf', file], {
      encoding: 'utf8',
      env: { ...process.env, TZ: 'UTC' }
    })
    expect(listing).toContain(
      `drwxrwxr-x root/root         0 2026-03-02 08:30 ${top}/events/module/`
    )
    expect(listing).toContain(
      `lrwxrwxrwx root/root         0 2026-03-02 08:30 ${top}/events/link.json -> ../README.md`
    )
    expect(listing).toContain(`-rwxrwxr-x root/root        10 2026-03-02 08:30 ${top}/run.sh`)
    expect(listing).toContain(`${top}/${'g'.repeat(120)}.txt`)
    expect(listing).toContain(`${top}/${deep}/${'f'.repeat(99)}`)
    expect(listing).toContain(`${top}/far-link -> ${'x/'.repeat(60)}target`)
  })

  it('redirects a branch to its full ref name, and serves it', async () => {
    const { location, archive } = await download('main')
    expect(location).toContain('/legacy.tar.gz/refs/heads/main?token=')
    const sha = sandbox.gh.branchHead('acme/webapp', 'main')!
    expect(gunzipSync(archive).subarray(512, 564).toString()).toBe(`52 comment=${sha}\n`)
  })

  it('answers 404 like GitHub for a ref the repository lacks, and like codeload for a bad link', async () => {
    const unknown = await fetch(`${sandbox.gh.url}/repos/acme/webapp/tarball/no-such-branch`, {
      headers: { authorization: `token ${sandbox.gh.token}` },
      redirect: 'manual'
    })
    expect(unknown.status).toBe(404)
    expect(await unknown.json()).toMatchObject({ message: 'Not Found', status: '404' })
    const { location } = await download('main')
    const withoutToken = location.replace(/\?token=\w+$/, '')
    expect((await fetch(withoutToken)).status).toBe(404)
    const elsewhere = location.replace('/acme/webapp/', '/acme/other/')
    expect(await (await fetch(elsewhere)).text()).toBe('404: Not Found')
    const gone = location.replace('refs/heads/main', 'refs/heads/gone')
    expect((await fetch(gone)).status).toBe(404)
    now = new Date(now.getTime() + 5 * 60_000 + 1)
    expect((await fetch(location)).status).toBe(404)
  })
})
