import { describe, expect, it } from '@jest/globals'
import { execFileSync } from 'node:child_process'
import { randomBytes } from 'node:crypto'
import { mkdtempSync, mkdirSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { gzipSync } from 'node:zlib'
import { KittyError } from '../../src/errors.js'
import { unpackTarGz } from '../../src/github/tar-gz.js'
import { gitArchive, paxRecord, ustarHeader } from '../../sandbox/github/git-archive.js'
import { commitChanges, createRepository } from '../../sandbox/github/helpers.js'
import { webappSeed } from '../../sandbox/github/seed.js'
import { createState } from '../../sandbox/github/state.js'

const limits = { what: 'The test archive', maxBytes: 1_048_576 }
const END = Buffer.alloc(1_024)

/** One entry: a git-style header and its data padded to whole records. */
function entry(name: string, type: string, data: Buffer = Buffer.alloc(0)): Buffer {
  const header = ustarHeader({
    name: Buffer.from(name),
    mode: 0o664,
    size: data.length,
    mtime: 0,
    type
  })
  return Buffer.concat([header, data, Buffer.alloc((512 - (data.length % 512)) % 512)])
}

/** A header with `text` written at `at` and its checksum made to fit again. */
function patched(header: Buffer, at: number, text: string): Buffer {
  const copy = Buffer.from(header)
  copy.write(text, at, 'latin1')
  copy.fill(0x20, 148, 156)
  const sum = copy.reduce((total, byte) => total + byte, 0)
  copy.write(`${sum.toString(8).padStart(6, '0')}\0`, 148, 'latin1')
  return copy
}

function refusal(archive: Uint8Array, maxBytes = limits.maxBytes): KittyError {
  try {
    unpackTarGz(archive, { ...limits, maxBytes })
  } catch (error) {
    if (error instanceof KittyError) return error
    throw error
  }
  throw new Error('the archive was read')
}

describe('unpackTarGz', () => {
  it('reads the regular files of a git archive, long paths included, and its commit id', () => {
    const state = createState(() => new Date('2026-03-02T08:30:00Z'))
    const repo = createRepository(state, webappSeed())
    const deep = `${'d'.repeat(70)}/${'e'.repeat(70)}/file.txt`
    const long = `${'g'.repeat(120)}.txt`
    const sha = commitChanges(
      state,
      repo,
      undefined,
      {
        'events/a.json': '{"a":1}\n',
        'events/link.json': { symlink: '../README.md' },
        'events/module': { submodule: 'c'.repeat(40) },
        [deep]: 'deep\n',
        [long]: 'long\n',
        'empty.txt': ''
      },
      'Oddities'
    )
    const archive = gzipSync(gitArchive(repo.git, sha, 'acme-webapp-1234567'))
    const { comment, files } = unpackTarGz(archive, limits)
    expect(comment).toBe(sha)
    expect(new Map([...files].map(([path, bytes]) => [path, bytes.toString()]))).toEqual(
      new Map([
        ['acme-webapp-1234567/empty.txt', ''],
        ['acme-webapp-1234567/events/a.json', '{"a":1}\n'],
        [`acme-webapp-1234567/${deep}`, 'deep\n'],
        [`acme-webapp-1234567/${long}`, 'long\n']
      ])
    )
  })

  it('reads archives the tar tool writes in its other formats (no prefix field)', () => {
    const dir = mkdtempSync(join(tmpdir(), 'tar-gz-'))
    try {
      mkdirSync(join(dir, 'events'))
      writeFileSync(join(dir, 'events', 'a.json'), '{"a":1}\n')
      for (const format of ['v7', 'gnu', 'pax']) {
        const archive = execFileSync('tar', [
          `--format=${format}`,
          '-czf',
          '-',
          '-C',
          dir,
          'events'
        ])
        const { comment, files } = unpackTarGz(archive, limits)
        expect(comment).toBeUndefined()
        expect([...files.keys()]).toEqual(['events/a.json'])
        expect(files.get('events/a.json')?.toString()).toBe('{"a":1}\n')
      }
    } finally {
      rmSync(dir, { recursive: true, force: true })
    }
  })

  it('applies a pax path to the one entry after it', () => {
    const pax = entry('x.paxheader', 'x', paxRecord('path', Buffer.from('the/real/name.txt')))
    const archive = gzipSync(
      Buffer.concat([pax, entry('x.data', '0', Buffer.from('1')), entry('b.txt', '0'), END])
    )
    expect([...unpackTarGz(archive, limits).files.keys()]).toEqual(['the/real/name.txt', 'b.txt'])
  })

  it.each([
    ['is not gzip', Buffer.from('<html>Not Found</html>'), /gzip: incorrect header check/],
    [
      'is cut inside the gzip stream',
      gzipSync(entry('a', '0', randomBytes(2_000))).subarray(0, -40),
      /gzip: unexpected end/
    ],
    [
      'has no end-of-archive records',
      gzipSync(entry('a', '0', Buffer.from('a'))),
      /ends at byte 1024 without its end/
    ],
    [
      'has a header whose checksum fails',
      gzipSync(Buffer.concat([Buffer.from(entry('a', '0')).fill(0x41, 0, 1), END])),
      /header at byte 0 is corrupt/
    ],
    [
      'has a size that is not octal',
      gzipSync(Buffer.concat([patched(entry('a', '0'), 124, '0000000009'), END])),
      /header at byte 0 is corrupt/
    ],
    [
      'has an entry longer than the archive',
      gzipSync(patched(entry('a', '0'), 124, '00000004000')),
      /entry at byte 0 is cut short/
    ]
  ])('refuses, as damaged, an archive that %s', (_case, archive, detail) => {
    const error = refusal(archive)
    expect(error.message).toBe('The test archive arrived damaged or incomplete; re-run the job.')
    expect(error.detail).toMatch(detail)
    expect(error.retryable).toBe(true)
  })

  it.each([
    ['without a length', 'x', 'path=a\n'],
    ['longer than its header', 'x', '99 path=a\n'],
    ['with a length that is not a number', 'g', 'x path=a\n'],
    ['that does not end its line', 'x', '9 path=ab'],
    ['without a value', 'x', '8 pathx\n']
  ])('refuses, as damaged, an archive with a pax record %s', (_case, type, record) => {
    const archive = gzipSync(Buffer.concat([entry('p', type, Buffer.from(record)), END]))
    expect(refusal(archive).detail).toBe('the pax header at byte 0 is malformed')
  })

  it('refuses an archive beyond its bound, compressed or unpacked, before reading it whole', () => {
    const half = 524_288
    const compressed = refusal(randomBytes(half + 1), half)
    expect(compressed.message).toBe(
      'The test archive holds more than the 0.5 MiB kitty-origin reads at once.'
    )
    const bomb = gzipSync(Buffer.alloc(64 * 1_048_576))
    expect(bomb.length).toBeLessThan(half)
    expect(refusal(bomb, half).message).toMatch(/holds more than the 0\.5 MiB/)
  })
})
