import { describe, expect, it } from '@jest/globals'
import { claimText, parseClaim } from '../../src/origin/claim.js'
import type { Claim } from '../../src/origin/claim.js'

const consumed: Claim = {
  v: 1,
  status: 'consumed',
  by: 'ana',
  mission: {
    id: '01M0M9D8R83DDKSZ62QKGV3YW0',
    slug: 'web-123-01M0M9D8',
    branch: 'kitty-origin/web-123-01M0M9D8',
    dir: 'kitty-specs/web-123-01M0M9D8',
    external_issue_id: 'lin-1',
    external_issue_key: 'WEB-123'
  }
}

describe('claims', () => {
  it.each([consumed, { v: 1, status: 'cancelled', by: 'ana' } satisfies Claim])(
    'read back what was written: %j',
    claim => {
      expect(claimText(claim)).toMatch(/^\{.*\}\n$/)
      expect(parseClaim(claimText(claim))).toEqual(claim)
    }
  )

  it.each([
    ['not JSON', 'claimed!'],
    ['another version', JSON.stringify({ ...consumed, v: 2 })],
    ['a consumed claim without its mission', JSON.stringify({ v: 1, status: 'consumed', by: 'a' })],
    ['an unknown key', JSON.stringify({ v: 1, status: 'cancelled', by: 'a', extra: true })]
  ])('are not relied on when they are %s', (_what, text) => {
    expect(parseClaim(text)).toBeNull()
  })
})
