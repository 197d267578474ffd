import { describe, expect, it } from '@jest/globals'
import { indent, plainText } from '../../sandbox/plain-text.js'

describe('plainText', () => {
  it.each([
    [
      'the hidden state marker',
      'Reply `/kitty confirm 1`.\n\n<!-- kitty-origin:state v1 eyJh.c2ln -->\n',
      'Reply `/kitty confirm 1`.'
    ],
    ['formatting tags', '<sub>Valid until 10:00 UTC.</sub><br>', 'Valid until 10:00 UTC.'],
    ['a broken mention', '@&#8203;ana asked', '@ana asked'],
    [
      'named and numeric entities',
      '&lt;b&gt; &amp; &quot;x&quot; &#233; &#x1F680;',
      '<b> & "x" é 🚀'
    ],
    ['an unknown entity', '&bogus; &#0;', '&bogus; &#0;'],
    ['markdown escapes', 'Caf\\_e \\| \\*not bold\\* \\#1', 'Caf_e | *not bold* #1'],
    ['runs of blank lines and trailing spaces', 'a  \n\n\n\nb\n', 'a\n\nb']
  ])('handles %s', (_what, markdown, expected) => {
    expect(plainText(markdown)).toBe(expected)
  })

  it('keeps escaped HTML from untrusted text as text', () => {
    expect(plainText('title &lt;sub&gt;x&lt;/sub&gt;')).toBe('title <sub>x</sub>')
  })
})

describe('indent', () => {
  it('indents non-empty lines and leaves blank lines empty', () => {
    expect(indent('a\n\nb', 2)).toBe('  a\n\n  b')
  })

  it('indents by four spaces unless told', () => {
    expect(indent('x')).toBe('    x')
  })
})
