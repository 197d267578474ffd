import { describe, expect, it } from '@jest/globals'
import { hasInvisible, oneLine } from '../../src/text/one-line.js'

describe('oneLine', () => {
  it.each([
    ['line breaks and tabs', 'a\nb\r\nc\td\u2028e\u2029f', 'a b c d e f'],
    ['C0 and C1 controls', 'a\u0000b\u0007c\u009bd', 'abcd'],
    ['bidi overrides and isolates', 'a\u202ab\u202ec\u2066d\u2069e\u200ef\u061c', 'abcdef'],
    ['zero-width characters', 'a\u200bb\u200cc\u200dd\u2060e\ufefff', 'abcdef'],
    ['runs of spaces', '  a   b  ', 'a b']
  ])('removes %s', (_name, text, expected) => {
    expect(oneLine(text)).toBe(expected)
  })

  it('caps the length with an ellipsis, never splitting a surrogate pair', () => {
    expect(oneLine('abcdef', 4)).toBe('abc…')
    expect(oneLine('ab😀cd', 4)).toBe('ab…')
    expect(oneLine('abc', 4)).toBe('abc')
  })

  it('keeps ordinary text, accents and emoji', () => {
    expect(oneLine('Café 😀 — “quoted”')).toBe('Café 😀 — “quoted”')
  })
})

describe('hasInvisible', () => {
  it.each(['a\nb', 'a\u202eb', 'a\u200bb', 'a\u0000b'])('finds one in %j', text => {
    expect(hasInvisible(text)).toBe(true)
  })

  it('finds none in plain text', () => {
    expect(hasInvisible('WEB-123 Add auth')).toBe(false)
  })
})
