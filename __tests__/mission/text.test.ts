import { describe, expect, it } from '@jest/globals'
import {
  codePointLength,
  collapseWhitespace,
  paragraphs,
  pythonSplit
} from '../../src/mission/text.js'

describe('collapseWhitespace', () => {
  // Expected text from CPython 3.11: " ".join(text.split()).
  it.each([
    ['  a \u0009 b\n\nc  ', 'a b c'],
    ['x\u001cy\u001dz\u001ew\u001fv', 'x y z w v'],
    [
      'a\u0085b\u00a0c\u1680d\u2000e\u200af\u2028g\u2029h\u202fi\u205fj\u3000k',
      'a b c d e f g h i j k'
    ],
    ['zero\u200bwidth\ufeffbom', 'zero\u200bwidth\ufeffbom'],
    ['', ''],
    ['   ', ''],
    ['one', 'one']
  ])('collapses %j as Python split and join do', (text, expected) => {
    expect(collapseWhitespace(text)).toBe(expected)
  })

  it('splits into words like Python, keeping astral characters whole', () => {
    expect(pythonSplit(' 😀 a\u3000b ')).toEqual(['😀', 'a', 'b'])
  })
})

describe('paragraphs', () => {
  // Expected lists from CPython 3.11: [" ".join(c.split()) for c in re.split(r"\n\s*\n", body) if c.split()].
  it.each([
    ['one line', 'Just one line.', ['Just one line.']],
    [
      'paragraphs split by a blank line',
      'First line\nsecond  line\n\nNext paragraph',
      ['First line second line', 'Next paragraph']
    ],
    ['leading blank lines', '\n\n  \nStarts here\nand here', ['Starts here and here']],
    ['Windows line ends', 'First\r\nsecond\r\n\r\nthird', ['First second', 'third']],
    [
      'old Mac line ends, which Python does not split',
      'First\rsecond\r\rthird',
      ['First second third']
    ],
    ['a whitespace-only line as the break', 'First\n \t \nsecond', ['First', 'second']],
    ['an ideographic space on the blank line', 'a\n\u3000\nb', ['a', 'b']],
    ['a zero-width space, which is no whitespace', 'a\n\u200b\nb', ['a \u200b b']],
    ['an empty body', '', []],
    ['a blank body', ' \n\t\n ', []]
  ])('splits %s', (_name, body, expected) => {
    expect(paragraphs(body)).toEqual(expected)
  })
})

describe('codePointLength', () => {
  it('counts code points as Python’s len does', () => {
    expect(codePointLength('😀a')).toBe(2)
    expect(codePointLength('')).toBe(0)
  })
})
