import { describe, expect, it } from '@jest/globals'
import { prng } from '../../__fixtures__/support/prng.js'
import { candidate, candidateState, CREATED } from './fixtures.js'
import { createHmac } from 'node:crypto'
import { KittyError } from '../../src/errors.js'
import {
  CandidateState,
  DEFAULT_STATE_TTL_MS,
  createNonce,
  decodeStateMarker,
  deriveStateKey,
  encodeStateMarker,
  findStateMarker,
  missionRandomBits,
  stateCandidate
} from '../../src/chatops/state.js'

const KEY = deriveStateKey({ saasToken: 'saas-token-for-tests' })
const EXPECT = { repo: 'acme/web', issue: 42, nowMs: CREATED + 1000 }

/** A list of one candidate whose title holds typographic quotes and an emoji. */
function sampleState(overrides: Partial<CandidateState> = {}): CandidateState {
  const title = 'Add Clerk auth — “SSO” ✨'
  const url = 'https://linear.app/acme/issue/WEB-123/add-clerk-auth'
  return candidateState([candidate({ title, url })], overrides)
}

describe('encodeStateMarker / decodeStateMarker', () => {
  it('round-trips a state inside a comment body', () => {
    const state = sampleState({ pull_request: { number: 43, url: 'https://x/43' } })
    const body = `**Tickets**\n\n| a | b |\n\n${encodeStateMarker(state, KEY)}\n`
    expect(decodeStateMarker(body, KEY, EXPECT)).toEqual({ ok: true, state })
  })

  it('writes the marker as one versioned HTML comment', () => {
    expect(encodeStateMarker(sampleState(), KEY)).toMatch(
      /^<!-- kitty-origin:state v1 [A-Za-z0-9_-]+\.[A-Za-z0-9_-]{43} -->$/
    )
  })

  it('signs the exact payload characters with HMAC-SHA256', () => {
    const marker = encodeStateMarker(sampleState(), KEY)
    const [payload, signature] = marker.split(' ')[3]!.split('.')
    expect(signature).toBe(createHmac('sha256', KEY).update(payload!).digest('base64url'))
  })

  it('accepts a string key as well as a buffer', () => {
    const marker = encodeStateMarker(sampleState(), 'a string key')
    expect(decodeStateMarker(marker, 'a string key', EXPECT).ok).toBe(true)
  })

  it('reads the last marker of a body', () => {
    const older = encodeStateMarker(sampleState({ query: 'older' }), KEY)
    const newer = encodeStateMarker(sampleState({ query: 'newer' }), KEY)
    const decoded = decodeStateMarker(`${older}\n${newer}`, KEY, EXPECT)
    expect(decoded.ok && decoded.state.query).toBe('newer')
  })

  it('matches the repository case-insensitively, as GitHub does', () => {
    const marker = encodeStateMarker(sampleState(), KEY)
    expect(decodeStateMarker(marker, KEY, { ...EXPECT, repo: 'ACME/Web' }).ok).toBe(true)
  })

  it.each<[string, string, Parameters<typeof decodeStateMarker>[2] | undefined]>([
    ['absent', 'just a comment', undefined],
    ['absent', '', undefined],
    ['malformed', '<!-- kitty-origin:state v1 abc.def', undefined],
    ['malformed', '<!-- kitty-origin:state v1 abc -->', undefined],
    ['malformed', '<!-- kitty-origin:state v1 a b.c -->', undefined],
    ['malformed', '<!-- kitty-origin:state v1 a+b.c -->', undefined],
    ['malformed', '<!-- kitty-origin:state  -->', undefined],
    ['malformed', '<!-- kitty-origin:state version1 abc.def -->', undefined],
    ['unsupported-version', '<!-- kitty-origin:state v2 abc.def -->', undefined],
    ['bad-signature', '<!-- kitty-origin:state v1 abc.def -->', undefined]
  ])('rejects as %s: %j', (reason, body, expect_) => {
    expect(decodeStateMarker(body, KEY, expect_ ?? EXPECT)).toEqual({ ok: false, reason })
  })

  it('rejects a marker signed with another key', () => {
    const marker = encodeStateMarker(sampleState(), deriveStateKey({ saasToken: 'other' }))
    expect(decodeStateMarker(marker, KEY, EXPECT)).toEqual({ ok: false, reason: 'bad-signature' })
  })

  it('rejects a validly signed payload that is not a state', () => {
    for (const json of ['not json', '{"v":1}', '{"v":2}', 'null']) {
      const payload = Buffer.from(json).toString('base64url')
      const signature = createHmac('sha256', KEY).update(payload).digest('base64url')
      const body = `<!-- kitty-origin:state v1 ${payload}.${signature} -->`
      expect(decodeStateMarker(body, KEY, EXPECT)).toEqual({ ok: false, reason: 'malformed' })
    }
  })

  it('rejects a state for another repository or issue', () => {
    const marker = encodeStateMarker(sampleState(), KEY)
    expect(decodeStateMarker(marker, KEY, { ...EXPECT, repo: 'acme/other' })).toEqual({
      ok: false,
      reason: 'wrong-repo'
    })
    expect(decodeStateMarker(marker, KEY, { ...EXPECT, issue: 43 })).toEqual({
      ok: false,
      reason: 'wrong-issue'
    })
  })

  it('rejects a state from its expiry time on, naming the expired list', () => {
    const marker = encodeStateMarker(sampleState(), KEY)
    const expiry = CREATED + DEFAULT_STATE_TTL_MS
    expect(decodeStateMarker(marker, KEY, { ...EXPECT, nowMs: expiry - 1 }).ok).toBe(true)
    expect(decodeStateMarker(marker, KEY, { ...EXPECT, nowMs: expiry })).toEqual({
      ok: false,
      reason: 'expired',
      state: sampleState()
    })
  })

  it('returns consumed and cancelled states for the caller to judge', () => {
    const marker = encodeStateMarker(sampleState({ status: 'consumed' }), KEY)
    const decoded = decodeStateMarker(marker, KEY, EXPECT)
    expect(decoded.ok && decoded.state.status).toBe('consumed')
  })

  it('refuses to sign an invalid state', () => {
    const invalid = sampleState({ repo: 'not a repo' })
    expect(() => encodeStateMarker(invalid, KEY)).toThrow(
      expect.objectContaining({ code: 'internal' })
    )
  })

  it('refuses to sign a state too large to post', () => {
    const candidate = sampleState().candidates[0]!
    const many = Array.from({ length: 50 }, (_, i) => ({
      ...candidate,
      external_issue_id: `id-${i}`.padEnd(256, 'x'),
      title: '✨'.repeat(150),
      url: `https://x/${'y'.repeat(2000)}`
    }))
    expect(() => encodeStateMarker(sampleState({ candidates: many }), KEY)).toThrow(
      expect.objectContaining({ code: 'internal', message: expect.stringContaining('too large') })
    )
  })
})

describe('decodeStateMarker under fuzzing', () => {
  it('never throws and never accepts random or mutated bodies', () => {
    const random = prng(0xc0ffee)
    const marker = encodeStateMarker(sampleState(), KEY)
    const alphabet = `${marker}<>!- \n\r\t\u0000éあ😀.=+/`
    const pick = (s: string) => s.charAt(Math.floor(random() * s.length))
    for (let i = 0; i < 3000; i++) {
      let body: string
      if (i % 3 === 0) {
        body = Array.from({ length: Math.floor(random() * 200) }, () => pick(alphabet)).join('')
      } else {
        const chars = Array.from(marker)
        const edits = 1 + Math.floor(random() * 4)
        for (let e = 0; e < edits; e++) {
          const at = Math.floor(random() * chars.length)
          const op = random()
          if (op < 0.4) chars[at] = pick(alphabet)
          else if (op < 0.7) chars.splice(at, 1)
          else chars.splice(at, 0, pick(alphabet))
        }
        body = chars.join('')
        if (body === marker) continue
      }
      const decoded = decodeStateMarker(body, KEY, EXPECT)
      expect(decoded.ok).toBe(false)
    }
  })

  it('never verifies a marker with any single byte changed, at every position', () => {
    const random = prng(7)
    const marker = encodeStateMarker(sampleState(), KEY)
    const bytes = Buffer.from(marker, 'latin1')
    for (let at = 0; at < bytes.length; at++) {
      for (const flip of [1, 2, 32, 1 + Math.floor(random() * 254)]) {
        const mutated = Buffer.from(bytes)
        mutated[at] = mutated[at]! ^ flip
        const decoded = decodeStateMarker(mutated.toString('latin1'), KEY, EXPECT)
        expect(decoded).toEqual({ ok: false, reason: expect.any(String) })
      }
    }
  })
})

describe('findStateMarker', () => {
  it('returns the whole last complete marker or null', () => {
    const marker = encodeStateMarker(sampleState(), KEY)
    expect(findStateMarker(`text\n\n${marker}\n`)).toBe(marker)
    expect(findStateMarker('text')).toBeNull()
    expect(findStateMarker('<!-- kitty-origin:state v1 unfinished')).toBeNull()
  })
})

describe('deriveStateKey', () => {
  it('derives a 32-byte key that is not the secret itself', () => {
    const key = deriveStateKey({ saasToken: 'tok' })
    expect(key).toHaveLength(32)
    expect(key.toString('utf8')).not.toContain('tok')
  })

  it('prefers state-secret over saas-token, ignoring a blank state-secret', () => {
    const fromToken = deriveStateKey({ saasToken: 'tok' })
    expect(deriveStateKey({ stateSecret: 'sec', saasToken: 'tok' })).not.toEqual(fromToken)
    expect(deriveStateKey({ stateSecret: 'sec', saasToken: 'other' })).toEqual(
      deriveStateKey({ stateSecret: 'sec', saasToken: 'tok' })
    )
    expect(deriveStateKey({ stateSecret: '  ', saasToken: 'tok' })).toEqual(fromToken)
  })

  it('refuses to derive a key from nothing', () => {
    expect(() => deriveStateKey({ saasToken: '' })).toThrow(KittyError)
  })
})

describe('missionRandomBits', () => {
  it('gives the same 10 bytes for the same list and ticket', () => {
    const bits = missionRandomBits(KEY, 'nonce-a', 'issue-1')
    expect(bits).toHaveLength(10)
    expect(missionRandomBits(KEY, 'nonce-a', 'issue-1')).toEqual(bits)
  })

  it('differs by nonce, ticket and key, without ambiguity between the two fields', () => {
    const bits = Buffer.from(missionRandomBits(KEY, 'nonce-a', 'issue-1')).toString('hex')
    const others = [
      missionRandomBits(KEY, 'nonce-b', 'issue-1'),
      missionRandomBits(KEY, 'nonce-a', 'issue-2'),
      missionRandomBits('another key', 'nonce-a', 'issue-1'),
      missionRandomBits(KEY, 'nonce-aissue-1', ''),
      missionRandomBits(KEY, 'nonce-', 'aissue-1')
    ].map(b => Buffer.from(b).toString('hex'))
    expect(new Set([bits, ...others]).size).toBe(6)
  })
})

describe('createNonce', () => {
  it('encodes 16 random bytes as base64url', () => {
    expect(createNonce(size => Buffer.alloc(size, 0xff))).toBe('_____________________w')
    expect(createNonce()).toMatch(/^[A-Za-z0-9_-]{22}$/)
    expect(createNonce()).not.toBe(createNonce())
  })
})

describe('stateCandidate', () => {
  it('drops the body, shortens title and status, and forgets an overlong URL', () => {
    const remembered = stateCandidate({
      external_issue_id: 'id',
      external_issue_key: 'WEB-1',
      title: 't'.repeat(400),
      status: 's'.repeat(150),
      url: `https://x/${'u'.repeat(3000)}`,
      match_type: 'text',
      body: 'long body'
    })
    expect(remembered).toEqual({
      external_issue_id: 'id',
      external_issue_key: 'WEB-1',
      title: `${'t'.repeat(299)}…`,
      status: `${'s'.repeat(99)}…`,
      url: '',
      match_type: 'text'
    })
    expect(CandidateState.shape.candidates.element.safeParse(remembered).success).toBe(true)
  })

  it('keeps a normal URL', () => {
    const url = 'https://linear.app/acme/issue/WEB-1'
    const remembered = stateCandidate({
      external_issue_id: 'id',
      external_issue_key: 'WEB-1',
      title: 'T',
      status: 'Todo',
      url,
      match_type: 'exact'
    })
    expect(remembered.url).toBe(url)
  })
})
