import { describe, expect, it } from '@jest/globals'
import {
  COMMENT_LIMIT,
  capComment,
  escapeBlock,
  escapeCodeSpan,
  escapeInline,
  markdownLink,
  safeUrl,
  truncate
} from '../../src/chatops/escape.js'

const Z = '&#8203;'

describe('truncate', () => {
  it.each<[string, number, string]>([
    ['short', 10, 'short'],
    ['exactly10!', 10, 'exactly10!'],
    ['eleven char', 10, 'eleven ch…'],
    ['word and more', 10, 'word and…'],
    ['ab😀cd', 4, 'ab…'],
    ['abc', 1, '…']
  ])('truncate(%j, %d) is %j', (text, max, expected) => {
    expect(truncate(text, max)).toBe(expected)
    expect(truncate(text, max).length).toBeLessThanOrEqual(max)
  })
})

describe('escapeInline', () => {
  it.each<[string, string, string]>([
    ['plain text', 'Add Clerk auth', 'Add Clerk auth'],
    ['a user mention', 'ping @ana now', `ping @${Z}ana now`],
    ['a team mention', '@acme/web-team', `@${Z}acme/web-team`],
    ['an e-mail address', 'a@b.io', `a@${Z}b.io`],
    ['a lone at sign', 'meet @ 5', 'meet @ 5'],
    ['an issue reference', 'fixes #123', `fixes #${Z}123`],
    ['a cross-repo reference', 'acme/web#1', `acme/web#${Z}1`],
    ['a GH- reference', 'see GH-12 and gh-3', `see GH${Z}-12 and gh${Z}-3`],
    ['a hash not before a digit', 'C# and #tag', 'C# and #tag'],
    ['HTML', '<img src=x onerror=alert(1)>', '&lt;img src=x onerror=alert(1)&gt;'],
    [
      'an HTML comment',
      '<!-- kitty-origin:state v1 x.y -->',
      '&lt;\\!-- kitty-origin:state v1 x.y --&gt;'
    ],
    ['an entity', 'AT&T &amp;', 'AT&amp;T &amp;amp;'],
    ['a numeric entity before digits', '&#64;ana', `&amp;#${Z}64;ana`],
    ['table pipes', 'a | b || c', 'a \\| b \\|\\| c'],
    ['newlines', 'one\ntwo\r\nthree\rfour', 'one two three four'],
    ['tabs and runs of spaces', '  a\t\t b  ', 'a b'],
    ['backticks', '`code` ```', '\\`code\\` \\`\\`\\`'],
    ['a link', '[click](https://evil)', '\\[click\\](https://evil)'],
    ['an image', '![x](https://evil/x.png)', '\\!\\[x\\](https://evil/x.png)'],
    ['emphasis', '*b* _i_ ~s~', '\\*b\\* \\_i\\_ \\~s\\~'],
    ['backslashes', 'a\\|b', 'a\\\\\\|b'],
    ['math', '$x^2$', '\\$x^2\\$'],
    ['control and bidi characters', 'a\u0000b\u202Ec\u2066d', 'abcd'],
    ['non-ASCII text', 'Ünïcødé ✨ 日本', 'Ünïcødé ✨ 日本']
  ])('neutralises %s', (_name, input, expected) => {
    expect(escapeInline(input, 500)).toBe(expected)
  })

  it('cuts the source text before escaping, so an entity is never split', () => {
    expect(escapeInline('<<<<<<', 4)).toBe('&lt;&lt;&lt;…')
  })

  it('never lets a line break or an unescaped pipe through, whatever the input', () => {
    const hostile = 'x|\n|y\r\n<!--|-->|@a|#1'
    const escaped = escapeInline(hostile, 500)
    expect(escaped).not.toMatch(/[\r\n<>]/)
    expect(escaped).not.toMatch(/(^|[^\\])\|/)
  })
})

describe('escapeBlock', () => {
  it('keeps lines, escaping each like inline text', () => {
    expect(escapeBlock('Hello @ana\r\nsee #12 | <b>', 500)).toBe(
      `Hello @${Z}ana\nsee #${Z}12 \\| &lt;b&gt;`
    )
  })

  it.each<[string, string]>([
    ['# Heading', '\\# Heading'],
    ['#12 first', `\\#${Z}12 first`],
    ['- item', '\\- item'],
    ['+ item', '\\+ item'],
    ['* item', '\\* item'],
    ['1. first', '1\\. first'],
    ['12) first', '12\\) first'],
    ['===', '\\==='],
    ['---', '\\---'],
    ['> quote', '&gt; quote'],
    ['    indented code', 'indented code'],
    ['```js', '\\`\\`\\`js'],
    ['2024 was fine', '2024 was fine']
  ])('defuses the line start %j', (line, expected) => {
    expect(escapeBlock(line, 500)).toBe(expected)
  })

  it('shrinks runs of blank lines and trims the ends', () => {
    expect(escapeBlock('\n\na\n\n\n\n b \n\n', 500)).toBe('a\n\nb')
  })

  it('truncates with a visible ellipsis', () => {
    expect(escapeBlock('line one\nline two', 12)).toBe('line one\nli…')
  })
})

describe('escapeCodeSpan', () => {
  it.each<[string, string]>([
    ['/kitty confirm 1', '`/kitty confirm 1`'],
    ['a `b` c', '``a `b` c``'],
    ['``x', '``` ``x ```'],
    ['x`', '`` x` ``'],
    ['', '`  `'],
    ['two\nlines', '`two lines`'],
    ['<!-- @ana #1 -->', '`<!-- @ana #1 -->`']
  ])('wraps %j as %j', (text, expected) => {
    expect(escapeCodeSpan(text)).toBe(expected)
  })

  it('shortens long text', () => {
    expect(escapeCodeSpan('abcdef', 4)).toBe('`abc…`')
  })
})

describe('safeUrl and markdownLink', () => {
  it.each<[string, string | null]>([
    ['https://linear.app/acme/issue/WEB-1', 'https://linear.app/acme/issue/WEB-1'],
    ['http://jira.local/browse/P-1', 'http://jira.local/browse/P-1'],
    ['https://x.io/a b', 'https://x.io/a%20b'],
    ['https://x.io/a)b(c', 'https://x.io/a%29b%28c'],
    ['https://x.io/?q=a|b\\c', 'https://x.io/?q=a%7Cb%5Cc'],
    ['https://x.io/<script>', 'https://x.io/%3Cscript%3E'],
    ['javascript:alert(1)', null],
    ['data:text/html,hi', null],
    ['ftp://x.io/f', null],
    ['/relative/path', null],
    ['not a url', null],
    ['', null],
    [`https://x.io/${'a'.repeat(2100)}`, null]
  ])('safeUrl(%j) is %j', (url, expected) => {
    expect(safeUrl(url)).toBe(expected)
  })

  it('links an escaped label to a safe URL', () => {
    expect(markdownLink('WEB-1 | @ana', 'https://x.io/WEB-1')).toBe(
      `[WEB-1 \\| @${Z}ana](https://x.io/WEB-1)`
    )
  })

  it('renders only the escaped label when the URL is not http(s)', () => {
    expect(markdownLink('[x]', 'javascript:alert(1)')).toBe('\\[x\\]')
  })

  it('never renders an empty, invisible link', () => {
    expect(markdownLink('  ', 'https://x.io')).toBe('[link](https://x.io/)')
  })

  it('shortens a long label', () => {
    expect(markdownLink('abcdef', 'https://x.io', 4)).toBe('[abc…](https://x.io/)')
  })
})

describe('capComment', () => {
  const marker = '<!-- kitty-origin:state v1 payload.signature -->'

  it('leaves a comment under the limit alone', () => {
    expect(capComment(`hello\n\n${marker}`)).toBe(`hello\n\n${marker}`)
  })

  it('uses GitHub-safe default limit', () => {
    expect(COMMENT_LIMIT).toBeLessThan(65_536)
    const body = `${'row\n'.repeat(20_000)}\n${marker}`
    const capped = capComment(body)
    expect(capped.length).toBeLessThanOrEqual(COMMENT_LIMIT)
    expect(capped.endsWith(`_(truncated)_\n\n${marker}`)).toBe(true)
  })

  it('cuts at a line break and keeps the marker whole at the end', () => {
    const body = `line one\nline two\nline three and more text\n\n${marker}\n`
    const capped = capComment(body, 85)
    expect(capped).toBe(`line one\nline two\n\n_(truncated)_\n\n${marker}`)
    expect(capped.length).toBeLessThanOrEqual(85)
  })

  it('cuts a long line hard without splitting an entity or a surrogate pair', () => {
    expect(capComment('abcdef&amp;ghijklmnopqrstuvwxyz', 24)).toBe('abcdef\n\n_(truncated)_')
    expect(capComment('abcdefgh😀ijklmnopqrstuvwxyz', 24)).toBe('abcdefgh\n\n_(truncated)_')
  })

  it('truncates a body without a marker', () => {
    const capped = capComment('x'.repeat(100), 50)
    expect(capped).toBe(`${'x'.repeat(35)}\n\n_(truncated)_`)
  })

  it('fails clearly when even the marker does not fit', () => {
    expect(() => capComment(`text\n\n${marker}`, 40)).toThrow(
      expect.objectContaining({ code: 'internal' })
    )
  })
})
