import { describe, expect, it } from '@jest/globals'
import { pythonIsoUtc, pythonIsoUtcZ } from '../../src/mission/timestamps.js'

/** Expected text from CPython 3.11: `(datetime(1970, 1, 1, tzinfo=UTC) + timedelta(milliseconds=ms)).isoformat()`. */
const table: [string, number, string, string][] = [
  [
    'milliseconds as six-digit microseconds',
    1795595355913,
    '2026-11-25T08:29:15.913000+00:00',
    '2026-11-25T08:29:15.913000Z'
  ],
  [
    'no fraction at all on a whole second',
    1795595355000,
    '2026-11-25T08:29:15+00:00',
    '2026-11-25T08:29:15Z'
  ],
  [
    'a leading-zero millisecond',
    1795595355001,
    '2026-11-25T08:29:15.001000+00:00',
    '2026-11-25T08:29:15.001000Z'
  ],
  ['the epoch', 0, '1970-01-01T00:00:00+00:00', '1970-01-01T00:00:00Z'],
  [
    'a time before the epoch',
    -1,
    '1969-12-31T23:59:59.999000+00:00',
    '1969-12-31T23:59:59.999000Z'
  ],
  [
    'the first instant of year 1',
    -62135596800000,
    '0001-01-01T00:00:00+00:00',
    '0001-01-01T00:00:00Z'
  ],
  [
    'the last millisecond of year 9999',
    253402300799999,
    '9999-12-31T23:59:59.999000+00:00',
    '9999-12-31T23:59:59.999000Z'
  ]
]

describe('pythonIsoUtc and pythonIsoUtcZ', () => {
  it.each(table)('write %s as Python isoformat does', (_name, ms, offset, zulu) => {
    expect(pythonIsoUtc(ms)).toBe(offset)
    expect(pythonIsoUtcZ(ms)).toBe(zulu)
  })

  it.each([
    ['a fraction of a millisecond', 1.5],
    ['NaN', NaN],
    ['a time before year 1', -62135596800001],
    ['a time after year 9999', 253402300800000]
  ])('refuse %s', (_name, ms) => {
    expect(() => pythonIsoUtc(ms)).toThrow(expect.objectContaining({ code: 'internal' }))
    expect(() => pythonIsoUtcZ(ms)).toThrow(expect.objectContaining({ code: 'internal' }))
  })
})
