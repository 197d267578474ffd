import { describe, expect, it } from '@jest/globals'
import { MID8_INPUT } from '../../__fixtures__/mission/tickets.js'
import { renderSpec, specTemplatePaths, type MissionTicket } from '../../src/mission/spec.js'

const HEADINGS = `## User scenarios

<!-- Who needs this, and what do they do? One scenario a paragraph, with its acceptance test. -->

## Requirements

<!-- What must be true when the mission is done? Number them FR-001, FR-002, … -->

## Success criteria

<!-- How will you know it worked? Measurable outcomes, not implementation details. -->

## Open questions

<!-- What the ticket leaves unclear; resolve each before planning. -->
`

const ticket = (change: Partial<MissionTicket>): MissionTicket => ({
  ...MID8_INPUT.ticket,
  ...change
})

describe('specTemplatePaths', () => {
  it('lists the mission type’s override before the general one', () => {
    expect(specTemplatePaths('documentation')).toEqual([
      '.kittify/overrides/missions/documentation/templates/spec-template.md',
      '.kittify/overrides/templates/spec-template.md'
    ])
  })
})

describe('renderSpec', () => {
  it('uses the repository’s template verbatim, even an empty one', () => {
    const template = '# [FEATURE NAME]\r\n\r\n*Keep this.* \n'
    expect(renderSpec({ template, ticket: MID8_INPUT.ticket })).toBe(template)
    expect(renderSpec({ template: '', ticket: MID8_INPUT.ticket })).toBe('')
  })

  it('writes a short brief from the ticket when the repository has no template', () => {
    expect(renderSpec({ template: null, ticket: MID8_INPUT.ticket })).toBe(
      `# Add Clerk auth — für Café 😀

Started by kitty-origin from ticket WEB-123.

- Ticket: [WEB-123](<https://linear.app/acme/issue/WEB-123/add-clerk-auth>)
- Title: Add Clerk auth — für Café 😀
- Status: In Progress

## Ticket summary

> Users should sign in with Clerk instead of our home-grown auth. It must keep "remember me".

${HEADINGS}`
    )
  })

  it('escapes Markdown in the key, title and status so they stay plain text', () => {
    const spec = renderSpec({
      template: null,
      ticket: ticket({
        external_issue_key: 'A_B-1',
        title: 'Use *bold* [x](y) <b> #1 | a\\b `code` !img',
        status: 'Done_ish'
      })
    })
    expect(spec).toContain(
      '# Use \\*bold\\* \\[x\\](y) \\<b\\> \\#1 \\| a\\\\b \\`code\\` \\!img\n'
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
    expect(renderSpec({ template: null, ticket: ticket({ url }) })).toContain(line)
  })

  it('says so when the ticket has no description', () => {
    for (const body of [undefined, '', ' \n\n ']) {
      expect(renderSpec({ template: null, ticket: ticket({ body }) })).toContain(
        '## Ticket summary\n\n_The ticket has no description._\n\n## User scenarios'
      )
    }
  })

  it('keeps an HTML comment in the body from hiding the headings', () => {
    const spec = renderSpec({ template: null, ticket: ticket({ body: 'See <!-- here\nand on' }) })
    expect(spec).toContain('> See &lt;!-- here and on\n')
    expect(spec.endsWith(HEADINGS)).toBe(true)
  })

  it('falls back to the key for a blank title and to unknown for a blank status', () => {
    const spec = renderSpec({ template: null, ticket: ticket({ title: '  ', status: ' ' }) })
    expect(spec.startsWith('# WEB-123\n')).toBe(true)
    expect(spec).toContain('- Title: WEB-123\n- Status: unknown\n')
  })
})
