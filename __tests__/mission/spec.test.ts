import { describe, expect, it } from '@jest/globals'
import { LINEAR_INPUT } from '../../__fixtures__/mission/tickets.js'
import { MAX_QUOTED_DESCRIPTION, renderSpec, specTemplatePaths } from '../../src/mission/spec.js'
import type { MissionTicket } from '../../src/mission/ticket.js'

const ticket = (change: Partial<MissionTicket>): MissionTicket => ({
  ...LINEAR_INPUT.ticket,
  ...change
})

const brief = (change: Partial<MissionTicket>): string =>
  renderSpec({ template: null, ticket: ticket(change) })

/** Python's `str.splitlines()`, as spec-kitty reads spec.md. */
const pythonLines = (text: string): string[] =>
  // eslint-disable-next-line no-control-regex -- Python's line breaks include these controls
  text.split(/\r\n|[\n\r\v\f\x1c\x1d\x1e\x85\u2028\u2029]/)

/**
 * spec-kitty's substantive-spec gate, `missions/_substantive.py` `_has_substantive_fr_row`
 * (3.2.6rc3): a `| FR-### | … |` table row or a `- **FR-###**: …` bullet with real text. Ported
 * so the test needs no Python; the placeholder stripping is left out, which only makes the
 * port stricter (more rows count as substantive).
 */
function isSubstantive(spec: string): boolean {
  const table = /^\s*\|\s*\*{0,2}FR-\d{3}\*{0,2}\s*\|([^\n]+)$/gm
  for (const match of spec.matchAll(table)) {
    const columns = (match[1] ?? '').replace(/\|+$/, '').split('|').slice(0, 2)
    if (columns.some(column => column.trim() !== '')) return true
  }
  return pythonLines(spec).some(line => {
    const bullet = /^[-*]\s*(\*\*)?FR-\d{3}(\*\*)?\s*[:-]\s*(\S.*)$/.exec(line.trimStart())
    return bullet !== null && (bullet[1] === undefined) === (bullet[2] === undefined)
  })
}

describe('specTemplatePaths', () => {
  it('lists the mission type’s override before the general one', () => {
    expect(specTemplatePaths('documentation')).toEqual([
      '.kittify/overrides/missions/documentation/templates/spec-template.md',
      '.kittify/overrides/templates/spec-template.md'
    ])
  })
})

describe('the substantive-gate port used below', () => {
  it.each([
    ['a populated table row', '| FR-001 | Sign in | As a user … | High | Open |', true],
    ['a bold bullet', '- **FR-001**: Users sign in with Clerk.', true],
    ['a plain bullet', '* FR-002 - Users sign out.', true],
    ['a bullet after a Unicode line break', 'x\u2028- **FR-001**: hidden', true],
    ['an empty table row', '| FR-001 |  |  | High | Open |', false],
    ['a quoted table row', '> | FR-001 | Sign in | x | High | Open |', false],
    ['a quoted bullet', '> - **FR-001**: Users sign in.', false],
    ['prose naming an id', 'See FR-001 in the old spec.', false]
  ])('judges %s', (_name, text, expected) => {
    expect(isSubstantive(text)).toBe(expected)
  })
})

describe('renderSpec', () => {
  it('uses the repository’s template verbatim, even an empty one', () => {
    const template = '# [FEATURE NAME]\r\n\r\n*Keep this.* \n'
    expect(renderSpec({ template, ticket: LINEAR_INPUT.ticket })).toBe(template)
    expect(renderSpec({ template: '', ticket: LINEAR_INPUT.ticket })).toBe('')
  })

  it('writes a brief that quotes the whole description under headings an author fills in', () => {
    expect(renderSpec({ template: null, ticket: LINEAR_INPUT.ticket })).toBe(
      `# Mission Specification: Add Clerk auth — für Café 😀

Started by kitty-origin from ticket WEB-123. The ticket's description is quoted below as it
was at confirmation; write the specification under the headings that follow it
(\`/spec-kitty.specify\`).

- Ticket: [WEB-123](<https://linear.app/acme/issue/WEB-123/add-clerk-auth>)
- Title: Add Clerk auth — für Café 😀
- Status: In Progress

## Ticket description

> ## Why
>
> Users should sign in with Clerk instead of our home-grown auth.
> It must keep "remember me".
>
> Second paragraph.

## User Scenarios & Testing

<!-- Who needs this, and what do they do? One user story a section, each with its priority
     and the acceptance scenarios that test it (Given …, When …, Then …). -->

## Requirements

<!-- What must be true when the mission is done? A table of functional requirements
     (| ID | Title | User Story | Priority | Status |, ids FR-###), then the
     non-functional requirements (NFR-###) and constraints (C-###). -->

## Success Criteria

<!-- How will you know it worked? Measurable outcomes, not implementation details. -->

## Open Questions

<!-- What the ticket leaves unclear; resolve each before planning. -->
`
    )
  })

  it('keeps every paragraph, list and code block of a typical ticket, in order', () => {
    const body =
      '## Why\n\nLogin is slow.\n\n## What\n\n- Clerk\n- SSO\n\n```ts\nconst a = 1\n```\n\n## Done when\n\nAll green.'
    const spec = brief({ body })
    const quoted = spec.split('## Ticket description\n\n')[1]?.split('\n\n## User')[0]
    expect(quoted).toBe(body.replace(/^/gm, '> ').replace(/^> $/gm, '>'))
  })

  it('is never substantive to spec-kitty’s gate, also when the ticket writes requirements', () => {
    const hostile = [
      '| ID | Title |',
      '|----|-------|',
      '| FR-001 | Sign in | As a user I sign in | High | Open |',
      '- **FR-002**: Users sign out.',
      '  * FR-003 - indented bullet',
      'tail\u2028- **FR-004**: after a line separator',
      'tail\u0085| FR-005 | after NEL | x | High | Open |',
      'tail\r- **FR-006**: after a lone CR',
      'tail\f- **FR-007**: after a form feed'
    ].join('\n')
    const spec = brief({ title: 'FR-001 everything', body: hostile })
    expect(isSubstantive(hostile)).toBe(true)
    expect(isSubstantive(spec)).toBe(false)
    for (const line of pythonLines(spec.split('## Ticket description\n\n')[1] ?? '')) {
      if (line.includes('FR-00')) expect(line.startsWith('>')).toBe(true)
    }
    // The title heading never declares a requirement id (spec-kitty's `# FR-001` pattern).
    expect(spec.startsWith('# Mission Specification: FR-001 everything\n')).toBe(true)
  })

  it('keeps an HTML comment or tag in the body from hiding text', () => {
    const spec = brief({ body: 'See <!-- here\nand <script>x</script> on' })
    expect(spec).toContain('> See &lt;!-- here\n> and &lt;script>x&lt;/script> on\n')
  })

  it('replaces control characters, bidi controls and broken surrogates, so git sees text', () => {
    const spec = brief({ body: 'a\u0000b\u001bc \ud800 d\u007f\u009f e\u202Ef\u2066g\th' })
    expect(spec).toContain('> a\uFFFDb\uFFFDc \uFFFD d\uFFFD\uFFFD e\uFFFDf\uFFFDg\th\n')
  })

  it('cuts a long description at the cap and says so', () => {
    const spec = brief({ body: '😀'.repeat(MAX_QUOTED_DESCRIPTION + 5) })
    expect(spec).toContain(`> ${'😀'.repeat(MAX_QUOTED_DESCRIPTION)}\n\n_The description is longer`)
    expect(spec).toContain('20,000 characters and is cut here; the ticket has the rest._')
    expect(brief({ body: 'x'.repeat(MAX_QUOTED_DESCRIPTION) })).not.toContain('is cut here')
  })

  it('drops leading blank lines and trailing whitespace, keeping inner blank lines as >', () => {
    const spec = brief({ body: '\n \n  indented\n\n\nlast  \n\n' })
    expect(spec).toContain('## Ticket description\n\n>   indented\n>\n>\n> last\n\n## User')
  })

  it('escapes Markdown in the key, title and status so they stay plain text', () => {
    const spec = brief({
      external_issue_key: 'A_B-1',
      title: 'Use *bold* [x](y) <b> #1 | a\\b `code` !img',
      status: 'Done_ish'
    })
    expect(spec).toContain(
      '# Mission Specification: Use \\*bold\\* \\[x\\](y) \\<b\\> \\#1 \\| a\\\\b \\`code\\` \\!img\n'
    )
    expect(spec).toContain('ticket A\\_B-1.')
    expect(spec).toContain('- Status: Done\\_ish\n')
  })

  it.each([
    ['a javascript: address', 'javascript:alert(1)', '- Ticket: WEB-123 (javascript:alert(1))\n'],
    ['an address with spaces', 'https://x.test/a b', '- Ticket: WEB-123 (https://x.test/a b)\n'],
    ['no address', '', '- Ticket: WEB-123\n'],
    [
      'an http address',
      'http://jira.local/browse/WEB-123',
      '- Ticket: [WEB-123](<http://jira.local/browse/WEB-123>)\n'
    ]
  ])('links only http(s) addresses: %s', (_name, url, line) => {
    expect(brief({ url })).toContain(line)
  })

  it('says so when the ticket has no description', () => {
    for (const body of [undefined, '', ' \n\n ']) {
      expect(brief({ body })).toContain(
        '## Ticket description\n\n_The ticket has no description._\n\n## User Scenarios'
      )
    }
  })

  it('falls back to the key for a blank title and to unknown for a blank status', () => {
    const spec = brief({ title: '  ', status: ' ' })
    expect(spec.startsWith('# Mission Specification: WEB-123\n')).toBe(true)
    expect(spec).toContain('- Title: WEB-123\n- Status: unknown\n')
  })
})
