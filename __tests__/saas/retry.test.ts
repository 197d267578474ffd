import { describe, expect, it } from '@jest/globals'
import { KittyError } from '../../src/errors.js'
import {
  backoffMs,
  Deadline,
  DEFAULT_RETRY_AFTER_MS,
  retryAfterMs,
  retryWithinDeadline
} from '../../src/saas/retry.js'
import { fakeClock } from '../../__fixtures__/sandbox/saas.js'

describe('backoffMs', () => {
  it('doubles from the base up to the cap', () => {
    const middle = (): number => 0.5
    expect([0, 1, 2, 3, 4].map(n => backoffMs(n, 1000, 8000, middle))).toEqual([
      1000, 2000, 4000, 8000, 8000
    ])
  })

  it('jitters by at most 20 % either way', () => {
    expect(backoffMs(0, 1000, 8000, () => 0)).toBe(800)
    expect(backoffMs(0, 1000, 8000, () => 0.999999)).toBe(1200)
  })
})

describe('retryAfterMs', () => {
  const now = Date.UTC(2026, 3, 1, 12, 0, 0)

  it('reads the body first, then the header in seconds or as a date, else 5 s', () => {
    expect(retryAfterMs('{"retry_after_seconds": 0.25}', { 'retry-after': '9' }, now)).toBe(250)
    expect(retryAfterMs('', { 'retry-after': '9' }, now)).toBe(9000)
    expect(retryAfterMs('', { 'retry-after': 'Wed, 01 Apr 2026 12:00:30 GMT' }, now)).toBe(30_000)
    expect(retryAfterMs('', { 'retry-after': ['Wed, 01 Apr 2026 11:00:00 GMT'] }, now)).toBe(0)
    expect(retryAfterMs('', { 'retry-after': 'soon' }, now)).toBe(DEFAULT_RETRY_AFTER_MS)
    expect(retryAfterMs('', {}, now)).toBe(DEFAULT_RETRY_AFTER_MS)
  })
})

describe('Deadline', () => {
  it('counts down with the clock and never goes below zero', async () => {
    const clock = fakeClock()
    const deadline = new Deadline(clock, 1000)
    await clock.sleep(400)
    expect(deadline.remainingMs()).toBe(600)
    await clock.sleep(4000)
    expect(deadline.remainingMs()).toBe(0)
  })
})

describe('retryWithinDeadline', () => {
  const transient = new KittyError('saas-unavailable', 'down', undefined, { retryable: true })
  const final = new KittyError('saas-forbidden', 'no')

  it('hands each attempt the time that is left', async () => {
    const clock = fakeClock()
    const budgets: number[] = []
    const value = await retryWithinDeadline(
      new Deadline(clock, 10_000),
      clock,
      { baseMs: 500, capMs: 4000 },
      timeoutMs => {
        budgets.push(timeoutMs)
        return Promise.resolve(
          budgets.length < 3
            ? { ok: false as const, error: transient }
            : { ok: true as const, value: 42 }
        )
      }
    )
    expect(value).toBe(42)
    expect(budgets).toEqual([10_000, 9_500, 8_500])
  })

  it('throws a final error without waiting', async () => {
    const clock = fakeClock()
    await expect(
      retryWithinDeadline(new Deadline(clock, 10_000), clock, { baseMs: 500, capMs: 4000 }, () =>
        Promise.resolve({ ok: false as const, error: final })
      )
    ).rejects.toBe(final)
    expect(clock.sleeps).toEqual([])
  })
})
