import { describe, expect, it } from '@jest/globals'
import { bindIdempotencyKey } from '../../src/saas/idempotency.js'

const identity = {
  repo: 'acme/web',
  missionId: '01M0M9D8R83DDKSZ62QKGV3YW0',
  externalIssueId: '3f0c2a9e'
}

describe('bindIdempotencyKey', () => {
  it('is the same for the same write, run after run', () => {
    expect(bindIdempotencyKey(identity)).toBe(bindIdempotencyKey({ ...identity }))
    expect(bindIdempotencyKey(identity)).toMatch(/^kitty-origin-bind-[0-9a-f]{32}$/)
  })

  it('ignores the letter case of the repository, as GitHub does', () => {
    expect(bindIdempotencyKey({ ...identity, repo: 'Acme/Web' })).toBe(bindIdempotencyKey(identity))
  })

  it.each([
    { repo: 'acme/api' },
    { missionId: '01M0M9D8R83DDKSZ62QKGV3YW1' },
    { externalIssueId: '3f0c2a9f' }
  ])('changes when %j changes', change => {
    expect(bindIdempotencyKey({ ...identity, ...change })).not.toBe(bindIdempotencyKey(identity))
  })

  it('cannot be forged by moving text between the parts', () => {
    const a = bindIdempotencyKey({ repo: 'a', missionId: 'b|c', externalIssueId: 'd' })
    const b = bindIdempotencyKey({ repo: 'a|b', missionId: 'c', externalIssueId: 'd' })
    expect(a).not.toBe(b)
  })
})
