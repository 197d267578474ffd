import { describe, expect, it } from '@jest/globals'
import { escapeCodeSpan } from '../../src/chatops/escape.js'
import { asWords, messageMarkdown, messageSpans } from '../../src/chatops/message.js'

const Z = '&#8203;'

describe('messageSpans', () => {
  it.each<[string, ReturnType<typeof messageSpans>]>([
    ['no code', [{ kind: 'text', text: 'no code' }]],
    [
      'run `/kitty start-from <ticket>` again',
      [
        { kind: 'text', text: 'run ' },
        { kind: 'code', text: '/kitty start-from <ticket>' },
        { kind: 'text', text: ' again' }
      ]
    ],
    [
      '`a` `b`',
      [
        { kind: 'code', text: 'a' },
        { kind: 'text', text: ' ' },
        { kind: 'code', text: 'b' }
      ]
    ],
    [
      '`` a`b ``.',
      [
        { kind: 'code', text: 'a`b' },
        { kind: 'text', text: '.' }
      ]
    ],
    ['` `', [{ kind: 'code', text: ' ' }]],
    ['a ` lone backtick', [{ kind: 'text', text: 'a ` lone backtick' }]],
    [
      '``two`one`',
      [
        { kind: 'text', text: '``two' },
        { kind: 'code', text: 'one' }
      ]
    ],
    ['', []]
  ])('splits %j as CommonMark would', (sentence, spans) => {
    expect(messageSpans(sentence)).toEqual(spans)
  })

  it('reads back what escapeCodeSpan wrote, whatever the code holds', () => {
    for (const code of ['/k`x start-from', '`edge`', 'a``b', 'plain']) {
      expect(messageSpans(`x ${escapeCodeSpan(code)} y`)).toEqual([
        { kind: 'text', text: 'x ' },
        { kind: 'code', text: code },
        { kind: 'text', text: ' y' }
      ])
    }
  })
})

describe('messageMarkdown', () => {
  it('keeps intended code as code and escapes only the words around it', () => {
    expect(messageMarkdown('Set `saas-token`, then ask @ana about <b>#12</b>.', 1000)).toBe(
      `Set \`saas-token\`, then ask @${Z}ana about &lt;b&gt;#${Z}12&lt;/b&gt;.`
    )
  })

  it('shows angle brackets inside code literally, not as entities', () => {
    const markdown = messageMarkdown('start with `/kitty start-from <ticket>`.', 1000)
    expect(markdown).toBe('start with `/kitty start-from <ticket>`.')
    expect(markdown).not.toContain('&lt;')
  })

  it('escapes a lone backtick so it cannot open a code span', () => {
    expect(messageMarkdown('a ` b', 100)).toBe('a \\` b')
  })

  it('keeps outside text passed through asWords as words', () => {
    const title = 'Use `eval` here @ana'
    const markdown = messageMarkdown(`Ticket ${asWords(title)} changed.`, 1000)
    expect(markdown).toBe(`Ticket Use \u02CBeval\u02CB here @${Z}ana changed.`)
  })

  it('folds whitespace and caps the length', () => {
    expect(messageMarkdown(' a \n b ', 100)).toBe('a b')
    expect(messageMarkdown('x'.repeat(50), 10)).toBe(`${'x'.repeat(9)}…`)
  })

  it('never lets a code span open a comment, a mention or a link', () => {
    const markdown = messageMarkdown('see `<!-- x --> @ana [a](javascript:x)`', 1000)
    expect(markdown).toBe('see `<!-- x --> @ana [a](javascript:x)`')
  })
})
