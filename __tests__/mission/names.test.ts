import { describe, expect, it } from '@jest/globals'
import { decodeTime, isValid } from 'ulid'
import {
  isUlid,
  mid8,
  missionNames,
  slugFromTicket,
  ulidFromParts,
  SLUG_PATTERN
} from '../../src/mission/names.js'

const MISSION_ID = '01M0M9D8R83DDKSZ62QKGV3YW0'

describe('slugFromTicket', () => {
  it.each([
    ['a Jira key', 'WEB-123', 'Add Clerk auth', 'web-123'],
    ['underscores and slashes', 'PROJ_KEY/123', '', 'proj-key-123'],
    ['runs of separators and padding', '  --WEB--123--  ', '', 'web-123'],
    ['an accented capital, which lower-cases to a non-ASCII letter', 'ÉCOLE-7', '', 'cole-7'],
    ['an accented letter inside the key', 'CAFÉ-1', '', 'caf-1'],
    ['the Kelvin sign, which lower-cases to ASCII k', '\u212a-1', '', 'k-1'],
    [
      'dotted capital I, which lower-cases to i and a combining dot',
      'İSTANBUL-2',
      '',
      'i-stanbul-2'
    ],
    [
      'an empty key, using the first five title words',
      '',
      'Add Clerk auth to the sign-in page',
      'add-clerk-auth-to-the'
    ],
    ['a key with no ASCII letters or digits', '日本', 'Fix: the   login bug', 'fix-the-login-bug'],
    [
      'title words split by tabs and newlines',
      '###',
      'One\ttwo\nthree four five six',
      'one-two-three-four-five'
    ],
    ['a title with no ASCII letters or digits', '###', '日本語 タイトル', 'untitled'],
    ['a title whose first five words hold no letters', '', '— — — — — Fix it', 'untitled'],
    ['nothing at all', '', '', 'untitled']
  ])('handles %s', (_name, key, title, slug) => {
    expect(slugFromTicket(key, title)).toBe(slug)
    expect(slug).toMatch(SLUG_PATTERN)
  })
})

describe('slugFromTicket, spec-kitty’s own cases (origin-test-cases.md, "Slug and summary")', () => {
  it.each([
    ['WEB-123', 'Add Clerk auth', 'web-123'],
    ['IAM-42', 'Anything', 'iam-42'],
    ['PROJ_KEY/123', 'Anything', 'proj-key-123'],
    ['///', 'Fix the login page bug', 'fix-the-login-page-bug'],
    ['///', 'One two three four five six seven', 'one-two-three-four-five'],
    ['', '', 'untitled']
  ])('key %j with title %j gives %j', (key, title, slug) => {
    expect(slugFromTicket(key, title)).toBe(slug)
  })
})

describe('mission creation, spec-kitty’s own cases (origin-test-cases.md)', () => {
  it.each([
    ['WEB-123', 'web-123-01M0M9D8'],
    ['PROJ_KEY/123', 'proj-key-123-01M0M9D8']
  ])('names the mission for %s so that it ends with mission_id[:8]', (key, dir) => {
    const names = missionNames({ ticketSlug: slugFromTicket(key, ''), missionId: MISSION_ID })
    expect(names.missionSlug).toBe(dir)
    expect(names.missionSlug.endsWith(`-${MISSION_ID.slice(0, 8)}`)).toBe(true)
  })
})

describe('isUlid', () => {
  it.each([
    [MISSION_ID, true],
    ['7ZZZZZZZZZZZZZZZZZZZZZZZZZ', true],
    ['01m0m9d8r83ddksz62qkgv3yw0', false],
    ['01M0M9D8R83DDKSZ62QKGV3YW', false],
    ['01M0M9D8R83DDKSZ62QKGV3YW00', false],
    ['01M0M9D8R83DDKSZ62QKGV3YWI', false],
    ['01M0M9D8R83DDKSZ62QKGV3YWL', false],
    ['01M0M9D8R83DDKSZ62QKGV3YWO', false],
    ['01M0M9D8R83DDKSZ62QKGV3YWU', false],
    ['81M0M9D8R83DDKSZ62QKGV3YW0', false],
    ['', false]
  ])('says %s is a ULID: %s', (text, expected) => {
    expect(isUlid(text)).toBe(expected)
  })
})

describe('mid8', () => {
  it('is the first eight characters of the mission id', () => {
    expect(mid8(MISSION_ID)).toBe('01M0M9D8')
  })

  it('refuses an id that is not a ULID', () => {
    expect(() => mid8('web-123')).toThrow(expect.objectContaining({ code: 'mission-invalid' }))
  })
})

describe('ulidFromParts', () => {
  it.each([
    // Expected ids from Python: Crockford base32 of (time << 80) | int.from_bytes(random).
    [0, Array<number>(10).fill(0), '00000000000000000000000000'],
    [2 ** 48 - 1, Array<number>(10).fill(255), '7ZZZZZZZZZZZZZZZZZZZZZZZZZ'],
    [1469918176385, [1, 2, 3, 4, 5, 6, 7, 8, 9, 10], '01ARYZ6S41041061050R3GG28A'],
    [
      1795595355913,
      [0x9a, 0x3b, 0x00, 0xff, 0x10, 0x20, 0x7f, 0x80, 0x01, 0xc4],
      '01M88X5HR9K8XG1ZRG41ZR00E4'
    ]
  ])('encodes time %d and its random bytes', (time, bytes, expected) => {
    const id = ulidFromParts(time, Uint8Array.from(bytes))
    expect(id).toBe(expected)
    expect(isValid(id)).toBe(true)
    expect(decodeTime(id)).toBe(time)
  })

  it('keeps the time the ulid package decodes, for many times', () => {
    for (const time of [1, 31, 32, 1023, 1024, 1_700_000_000_000, 2 ** 40 + 12345, 2 ** 48 - 2]) {
      expect(decodeTime(ulidFromParts(time, new Uint8Array(10)))).toBe(time)
    }
  })

  it.each([
    ['a negative time', -1, 10],
    ['a time beyond 48 bits', 2 ** 48, 10],
    ['a fractional time', 1.5, 10],
    ['nine random bytes', 0, 9],
    ['eleven random bytes', 0, 11]
  ])('refuses %s', (_name, time, length) => {
    expect(() => ulidFromParts(time, new Uint8Array(length))).toThrow(
      expect.objectContaining({ code: 'internal' })
    )
  })
})

describe('missionNames', () => {
  it('names the mission <slug>-<mid8> on the branch kitty-origin/<slug>-<mid8>', () => {
    expect(missionNames({ ticketSlug: 'web-123', missionId: MISSION_ID })).toEqual({
      dirName: 'web-123-01M0M9D8',
      missionDir: 'kitty-specs/web-123-01M0M9D8',
      missionSlug: 'web-123-01M0M9D8',
      branch: 'kitty-origin/web-123-01M0M9D8'
    })
  })

  it('keeps the branch out of spec-kitty’s own kitty/ namespaces', () => {
    const { branch } = missionNames({ ticketSlug: 'mission-web-1', missionId: MISSION_ID })
    expect(branch).toBe('kitty-origin/mission-web-1-01M0M9D8')
    expect(branch.startsWith('kitty/')).toBe(false)
  })

  it('drops a ticket slug’s own NNN- prefix, as spec-kitty’s own create does', () => {
    // `spec-kitty agent mission create 100-bugs-to-fix` made bugs-to-fix-<mid8> (3.2.6rc3).
    const names = missionNames({ ticketSlug: '100-bugs-to-fix', missionId: MISSION_ID })
    expect(names.dirName).toBe('bugs-to-fix-01M0M9D8')
    expect(names.branch).toBe('kitty-origin/bugs-to-fix-01M0M9D8')
  })

  it.each([
    ['a slug that is not kebab-case', 'Web-1', MISSION_ID],
    ['an empty slug', '', MISSION_ID],
    ['a mission id that is not a ULID', 'web-1', 'not-a-ulid']
  ])('refuses %s', (_name, ticketSlug, missionId) => {
    expect(() => missionNames({ ticketSlug, missionId })).toThrow(
      expect.objectContaining({ code: 'mission-invalid' })
    )
  })
})
