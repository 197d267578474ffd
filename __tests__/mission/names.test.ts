import { describe, expect, it } from '@jest/globals'
import { decodeTime, isValid } from 'ulid'
import {
  detectLayout,
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

describe('detectLayout', () => {
  it.each([
    ['an empty kitty-specs/', [], 'auto', 'mid8'],
    ['only NNN- directories', ['001-login', '002-signup'], 'auto', 'numbered'],
    ['a mix of numbered and mid8 directories', ['001-login', 'web-1-01M0M9D8'], 'auto', 'mid8'],
    ['a four-digit prefix, which is not NNN-', ['1234-big'], 'auto', 'mid8'],
    ['a prefix without the dash', ['001login'], 'auto', 'mid8'],
    ['an explicit mid8 in a numbered repository', ['001-login'], 'mid8', 'mid8'],
    ['an explicit numbered in an empty repository', [], 'numbered', 'numbered']
  ] as const)('picks the layout for %s', (_name, entries, requested, expected) => {
    expect(detectLayout(entries, requested)).toBe(expected)
  })
})

describe('missionNames', () => {
  it('names a mid8 mission <slug>-<mid8> with no number', () => {
    expect(
      missionNames({
        ticketSlug: 'web-123',
        missionId: MISSION_ID,
        layout: 'mid8',
        existingEntries: []
      })
    ).toEqual({
      dirName: 'web-123-01M0M9D8',
      missionDir: 'kitty-specs/web-123-01M0M9D8',
      missionSlug: 'web-123-01M0M9D8',
      missionNumber: null,
      branch: 'kitty/mission-web-123-01M0M9D8'
    })
  })

  it('numbers a numbered mission after the highest NNN, with the branch free of the prefix', () => {
    expect(
      missionNames({
        ticketSlug: 'web-123',
        missionId: MISSION_ID,
        layout: 'numbered',
        existingEntries: ['001-a', '003-c', '002-b', 'README.md']
      })
    ).toEqual({
      dirName: '004-web-123',
      missionDir: 'kitty-specs/004-web-123',
      missionSlug: '004-web-123',
      missionNumber: '004',
      branch: 'kitty/mission-web-123-01M0M9D8'
    })
  })

  it.each([
    [[], '001'],
    [['099-x'], '100'],
    [['998-x', '005-y'], '999']
  ])('pads the next number of %j to three digits: %s', (entries, number) => {
    const names = missionNames({
      ticketSlug: 'web-1',
      missionId: MISSION_ID,
      layout: 'numbered',
      existingEntries: entries
    })
    expect(names.missionNumber).toBe(number)
    expect(names.dirName).toBe(`${number}-web-1`)
  })

  it('drops a ticket slug’s own NNN- prefix, as spec-kitty does, in both layouts', () => {
    const input = { ticketSlug: '100-bugs-to-fix', missionId: MISSION_ID, existingEntries: [] }
    const mid8Names = missionNames({ ...input, layout: 'mid8' })
    expect(mid8Names.dirName).toBe('bugs-to-fix-01M0M9D8')
    expect(mid8Names.branch).toBe('kitty/mission-bugs-to-fix-01M0M9D8')
    const numbered = missionNames({ ...input, layout: 'numbered' })
    expect(numbered.dirName).toBe('001-bugs-to-fix')
    expect(numbered.branch).toBe('kitty/mission-bugs-to-fix-01M0M9D8')
  })

  it('refuses to go past mission 999', () => {
    expect(() =>
      missionNames({
        ticketSlug: 'web-1',
        missionId: MISSION_ID,
        layout: 'numbered',
        existingEntries: ['999-last']
      })
    ).toThrow(expect.objectContaining({ code: 'mission-invalid' }))
  })

  it.each([
    ['a slug that is not kebab-case', 'Web-1', MISSION_ID],
    ['an empty slug', '', MISSION_ID],
    ['a mission id that is not a ULID', 'web-1', 'not-a-ulid']
  ])('refuses %s', (_name, ticketSlug, missionId) => {
    expect(() =>
      missionNames({ ticketSlug, missionId, layout: 'mid8', existingEntries: [] })
    ).toThrow(expect.objectContaining({ code: 'mission-invalid' }))
  })
})
