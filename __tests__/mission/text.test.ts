import { describe, expect, it } from '@jest/globals'
import { collapseWhitespace, firstParagraph, pythonSplit } from '../../src/mission/text.js'

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

describe('firstParagraph', () => {
  it.each([
    ['one line', 'Just one line.', 'Just one line.'],
    [
      'lines up to the first blank line',
      'First line\nsecond  line\n\nNext paragraph',
      'First line second line'
    ],
    [
      'after leading blank lines',
      '\n\n  \nStarts here\nand here\n\nnot here',
      'Starts here and here'
    ],
    ['Windows line ends', 'First\r\nsecond\r\n\r\nthird', 'First second'],
    ['old Mac line ends', 'First\rsecond\r\rthird', 'First second'],
    ['a whitespace-only line as the break', 'First\n \t \nsecond', 'First'],
    ['an empty body', '', ''],
    ['a blank body', ' \n\t\n ', '']
  ])('takes %s', (_name, body, expected) => {
    expect(firstParagraph(body)).toBe(expected)
  })
})
