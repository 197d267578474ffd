import { describe, expect, it } from '@jest/globals'
import {
  badResponse,
  parseErrorEnvelope,
  retryAfterSeconds,
  saasErrorFrom,
  sanitiseServerText,
  seconds,
  sentence,
  transportError
} from '../../src/saas/errors.js'
import type { SaasOperation } from '../../src/saas/errors.js'

const json = (value: unknown): string => JSON.stringify(value)

describe('saasErrorFrom', () => {
  const table: [number, string, SaasOperation, string, boolean][] = [
    [401, json({ error_code: 'invalid_token' }), 'search', 'saas-unauthorized', false],
    [401, json({ user_action_required: true }), 'bind', 'saas-identity-unlinked', false],
    [403, json({ user_action_required: true }), 'search', 'saas-identity-unlinked', false],
    [403, json({ user_action_required: false }), 'search', 'saas-forbidden', false],
    [404, '', 'bind', 'saas-no-mapping', false],
    [409, json({ message: 'taken' }), 'bind', 'saas-origin-conflict', false],
    [409, json({ message: 'taken' }), 'search', 'saas-error', false],
    [412, json({ error_code: 'client-too-old' }), 'events', 'saas-protocol-mismatch', false],
    [412, json({ error_code: 'client-too-old' }), 'search', 'saas-error', false],
    [422, json({ message: 'bad' }), 'search', 'saas-invalid-query', false],
    [429, json({}), 'search', 'saas-rate-limited', true],
    [408, '', 'bind', 'saas-timeout', true],
    [500, '', 'search', 'saas-unavailable', true],
    [504, '<html/>', 'bind', 'saas-unavailable', true],
    [400, json({ message: 'no' }), 'search', 'saas-error', false],
    [401, '', 'events', 'saas-unauthorized', true],
    [403, '', 'events', 'saas-forbidden', true],
    [403, json({ user_action_required: true }), 'events', 'saas-identity-unlinked', true],
    [404, '', 'events', 'saas-no-mapping', false],
    [400, '', 'events', 'saas-error', false]
  ]

  it.each(table)(
    'maps %i %s on %s to %s (retryable %s)',
    (status, body, operation, code, retryable) => {
      const error = saasErrorFrom(status, {}, body, operation)
      expect(error.code).toBe(code)
      expect(error.retryable).toBe(retryable)
      expect(error.message).toMatch(/^[A-Z].*[.]$/)
    }
  )

  it('names the operation in generic refusals', () => {
    expect(saasErrorFrom(400, {}, '', 'bind').message).toBe(
      'The Spec Kitty SaaS refused the mission bind: HTTP 400.'
    )
    expect(saasErrorFrom(400, {}, '', 'events').message).toBe(
      'The Spec Kitty SaaS refused the event delivery: HTTP 400.'
    )
  })

  it('uses `HTTP <status>` when the body is not JSON, is not an object, or has no message', () => {
    for (const body of ['<html>oops</html>', '"text"', '[1]', '{}', json({ message: '   ' })]) {
      expect(saasErrorFrom(422, {}, body, 'search').message).toBe(
        'The Spec Kitty SaaS rejected the issue search: HTTP 422.'
      )
    }
  })

  it('says how long to wait after a 429 when the SaaS says so', () => {
    expect(saasErrorFrom(429, {}, json({ retry_after_seconds: 1.2 }), 'search').message).toBe(
      'The Spec Kitty SaaS rate limited the issue search; try again in 2 s.'
    )
    expect(saasErrorFrom(429, { 'retry-after': '7' }, '', 'bind').message).toBe(
      'The Spec Kitty SaaS rate limited the mission bind; try again in 7 s.'
    )
    expect(saasErrorFrom(429, {}, '', 'events').message).toBe(
      'The Spec Kitty SaaS rate limited the event delivery; try again in a few seconds.'
    )
  })

  it('writes the operation, status, SaaS code and cleaned message to detail', () => {
    const error = saasErrorFrom(
      422,
      { 'set-cookie': 'secret=1' },
      json({ error_code: 'invalid_query', message: 'limit <i>too</i> big' }),
      'search'
    )
    expect(error.detail).toBe(
      'operation=search status=422 saas_code=invalid_query message="limit too big"'
    )
  })

  it('prefers error_category over error_code', () => {
    const body = json({ error_code: 'x', error_category: 'auth' })
    expect(saasErrorFrom(401, {}, body, 'bind').detail).toContain('saas_code=auth')
  })

  it('keeps a long or marked-up server message out of the sentence', () => {
    const message = `<div>${'é'.repeat(500)}</div>`
    const error = saasErrorFrom(422, {}, json({ message }), 'search')
    expect(error.message.length).toBeLessThan(260)
    expect(error.message).not.toContain('<')
  })
})

describe('sanitiseServerText', () => {
  it.each([
    ['<h1>Bad</h1><p>gateway</p>', 'Bad gateway'],
    ['say <b>no</b>.', 'say no.'],
    ['x <script>alert(1)</script> y', 'x y'],
    ['a <!-- hidden --> b', 'a b'],
    ['limit <= 50', 'limit <= 50'],
    ['tab\there\nnew\u0000line\u200b!', 'tab here new line!'],
    ['unclosed <a href="', 'unclosed'],
    ['日本語 ✓ 🚀', '日本語 ✓ 🚀']
  ])('cleans %j to %j', (raw, clean) => {
    expect(sanitiseServerText(raw)).toBe(clean)
  })

  it('caps the length with an ellipsis', () => {
    expect(sanitiseServerText('abcdef', 4)).toBe('abc…')
    expect(sanitiseServerText('abcd', 4)).toBe('abcd')
  })
})

describe('helpers', () => {
  it('parses only JSON objects of the envelope shape', () => {
    expect(parseErrorEnvelope(json({ message: 'm', retryable: true }))).toEqual({
      message: 'm',
      retryable: true
    })
    expect(parseErrorEnvelope(json({ retryable: 'yes' }))?.retryable).toBeUndefined()
    expect(parseErrorEnvelope('nope')).toBeUndefined()
  })

  it.each([
    [{ retry_after_seconds: 3 }, {}, 3],
    [{ retry_after_seconds: -1 }, { 'retry-after': '4' }, 4],
    [undefined, { 'retry-after': ['2.5'] }, 2.5],
    [undefined, { 'retry-after': 'Wed, 21 Oct 2026 07:28:00 GMT' }, undefined],
    [undefined, {}, undefined]
  ])('reads the wait of %j with headers %j as %s', (envelope, headers, expected) => {
    expect(retryAfterSeconds(envelope, headers)).toBe(expected)
  })

  it('ends sentences once', () => {
    expect(sentence('done')).toBe('done.')
    expect(sentence('done!')).toBe('done!')
  })

  it('formats durations', () => {
    expect(seconds(10_000)).toBe('10 s')
    expect(seconds(300)).toBe('0.3 s')
  })

  it('builds transport and bad-response errors without raw data in the message', () => {
    const network = transportError(
      { kind: 'network', detail: 'ECONNRESET: socket hang up' },
      'events',
      1
    )
    expect(network.code).toBe('saas-unavailable')
    expect(network.message).not.toContain('ECONNRESET')
    expect(network.detail).toContain('ECONNRESET')
    const bad = badResponse('bind', 'body is not JSON')
    expect(bad.code).toBe('saas-bad-response')
    expect(bad.retryable).toBe(false)
  })
})
