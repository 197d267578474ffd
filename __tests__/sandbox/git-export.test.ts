import { afterEach, describe, expect, it } from '@jest/globals'
import { execFileSync } from 'node:child_process'
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { exportRepository } from '../../sandbox/github/git-export.js'
import { commitChanges, createRepository } from '../../sandbox/github/helpers.js'
import { webappSeed } from '../../sandbox/github/seed.js'
import { createState } from '../../sandbox/github/state.js'

const dirs: string[] = []
afterEach(() => {
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true })
})

function git(gitDir: string, ...args: string[]): string {
  return execFileSync('git', ['--git-dir', gitDir, ...args], { encoding: 'utf8' }).trim()
}

describe('exportRepository', () => {
  it('writes every branch with the same commit ids, graph and content, and git finds it sound', () => {
    const state = createState(() => new Date('2026-02-01T09:00:00Z'))
    const repo = createRepository(state, webappSeed())
    const main = repo.refs.get('refs/heads/main')!
    const first = commitChanges(state, repo, main, { 'a.txt': 'a\n' }, 'Add a')
    const second = commitChanges(state, repo, first, { 'README.md': null, 'é/b.txt': 'b\n' }, 'B')
    repo.refs.set('refs/heads/feature', second)
    const merge = repo.git.putCommit({
      ...repo.git.commit(second)!,
      parents: [main, second],
      message: 'Merge feature\n'
    })
    repo.refs.set('refs/heads/main', merge)

    const gitDir = join(mkdtempSync(join(tmpdir(), 'git-export-')), 'origin.git')
    dirs.push(gitDir)
    exportRepository(repo, gitDir)

    expect(git(gitDir, 'rev-parse', 'refs/heads/main', 'refs/heads/feature')).toBe(
      `${merge}\n${second}`
    )
    expect(git(gitDir, 'symbolic-ref', 'HEAD')).toBe('refs/heads/main')
    expect(git(gitDir, 'rev-list', '--parents', '-n', '1', 'main')).toBe(
      `${merge} ${main} ${second}`
    )
    expect(git(gitDir, 'show', 'feature:é/b.txt')).toBe('b')
    expect(git(gitDir, 'ls-tree', '-r', '--name-only', 'feature')).not.toContain('README.md')
    expect(() => git(gitDir, 'fsck', '--strict', '--no-dangling')).not.toThrow()
  })

  it('refuses a ref to an object the store does not hold', () => {
    const state = createState(() => new Date('2026-02-01T09:00:00Z'))
    const repo = createRepository(state, webappSeed())
    repo.refs.set('refs/heads/broken', 'f'.repeat(40))
    const gitDir = join(mkdtempSync(join(tmpdir(), 'git-export-')), 'origin.git')
    dirs.push(gitDir)
    expect(() => {
      exportRepository(repo, gitDir)
    }).toThrow(`The sandbox store lacks object ${'f'.repeat(40)}.`)
  })
})
