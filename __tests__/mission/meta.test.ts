import { describe, expect, it } from '@jest/globals'
import { JIRA_META, LINEAR_INPUT, LINEAR_META } from '../../__fixtures__/mission/tickets.js'
import { KittyError } from '../../src/errors.js'
import {
  buildMeta,
  parseMeta,
  purposeContext,
  serializeMeta,
  validateMeta,
  type MetaInput,
  type MissionMeta
} from '../../src/mission/meta.js'

const BRANCH = 'kitty-origin/web-123-01M0M9D8'

const INPUT: MetaInput = {
  missionId: LINEAR_INPUT.missionId,
  names: { missionSlug: 'web-123-01M0M9D8', branch: BRANCH },
  ticket: LINEAR_INPUT.ticket,
  originTicket: LINEAR_INPUT.originTicket,
  missionType: 'software-dev',
  nowMs: LINEAR_INPUT.nowMs
}

const FALLBACK = `This mission advances Add Clerk auth on ${BRANCH} so stakeholders can track the work from mission creation onward.`

describe('buildMeta', () => {
  it('serialises byte for byte as Python writes the contract’s meta.json', () => {
    expect(serializeMeta(buildMeta(INPUT))).toBe(LINEAR_META)
  })

  it('writes the single_branch shape: no coordination branch, target_branch the PR’s head', () => {
    const meta = buildMeta(INPUT)
    expect(meta).toMatchObject({
      topology: 'single_branch',
      flattened: false,
      pr_bound: true,
      mission_number: null,
      target_branch: BRANCH
    })
    expect(Object.keys(meta)).not.toContain('coordination_branch')
  })

  it('collapses the title’s whitespace into friendly_name and purpose_tldr', () => {
    const meta = buildMeta({ ...INPUT, ticket: { title: '  Add\tClerk\n\n auth ' } })
    expect(meta.friendly_name).toBe('Add Clerk auth')
    expect(meta.purpose_tldr).toBe('Add Clerk auth')
  })

  it('keeps origin_ticket’s raw title, the string the SaaS was sent as external_title', () => {
    const meta = buildMeta(INPUT)
    expect(meta.origin_ticket.title).toBe('  Add Clerk   auth — für Café 😀 ')
    expect(meta.friendly_name).toBe('Add Clerk auth — für Café 😀')
  })

  it('falls back to the ticket key when the title is blank', () => {
    const meta = buildMeta({ ...INPUT, ticket: { title: ' \n ' } })
    expect(meta.friendly_name).toBe('WEB-123')
    expect(meta.purpose_context).toBe(
      `This mission advances WEB-123 on ${BRANCH} so stakeholders can track the work from mission creation onward.`
    )
  })

  it('copies origin_ticket rather than sharing the caller’s object', () => {
    const meta = buildMeta(INPUT)
    expect(meta.origin_ticket).toEqual(INPUT.originTicket)
    expect(meta.origin_ticket).not.toBe(INPUT.originTicket)
  })
})

describe('purposeContext', () => {
  // spec-kitty's "Slug and summary" cases (origin-test-cases.md) and the edges of its rule:
  // the first paragraph of at least 24 characters, searching all paragraphs.
  it.each([
    ['no body', undefined, FALLBACK],
    ['an empty body', '', FALLBACK],
    ['only short paragraphs', 'See below.\n\nToo short too.', FALLBACK],
    [
      'a short first paragraph, as spec-kitty’s own case "See below."',
      'See below.\n\nThe long paragraph explains what the mission is for.',
      'The long paragraph explains what the mission is for.'
    ],
    [
      'a heading first, as a typical ticket has',
      '## Why\n\nUsers should sign in with Clerk instead of our home-grown auth.',
      'Users should sign in with Clerk instead of our home-grown auth.'
    ],
    [
      'a first paragraph of 23 characters',
      '12345678901234567890123\n\nmuch longer second paragraph',
      'much longer second paragraph'
    ],
    ['exactly 24 characters', '123456789012345678901234', '123456789012345678901234'],
    [
      '23 characters and an emoji, 24 code points',
      '😀2345678901234567890123x',
      '😀2345678901234567890123x'
    ],
    [
      'a paragraph spread over lines',
      '  Sign in  with\n\tClerk everywhere, please \n\nrest',
      'Sign in with Clerk everywhere, please'
    ],
    [
      'leading blank lines and Windows line ends',
      '\r\n\r\n   \r\nThe real first paragraph is here.\r\n\r\nNext paragraph, also long enough.',
      'The real first paragraph is here.'
    ],
    [
      'a blank line holding a non-breaking space, which Python’s \\s matches',
      'Short.\n\u00a0\nThis is the paragraph after it.',
      'This is the paragraph after it.'
    ],
    [
      'a form feed alone between lines, which is no paragraph break',
      'Short line\fwith a form feed, long enough',
      'Short line with a form feed, long enough'
    ]
  ])('takes %s', (_name, body, expected) => {
    expect(purposeContext(body, 'Add Clerk auth', BRANCH)).toBe(expected)
  })

  it('is what spec-kitty’s own _derive_ticket_summary picks (checked in expected.py)', () => {
    expect(JSON.parse(LINEAR_META)).toMatchObject({
      purpose_context:
        'Users should sign in with Clerk instead of our home-grown auth. It must keep "remember me".'
    })
    expect(JSON.parse(JIRA_META)).toMatchObject({
      purpose_context:
        'This mission advances Fix login on kitty-origin/proj-key-9-01M0M9D8 so stakeholders can track the work from mission creation onward.'
    })
  })
})

describe('validateMeta', () => {
  const valid = buildMeta(INPUT)

  it('accepts the meta buildMeta makes, and a numbered mission spec-kitty made', () => {
    expect(() => {
      validateMeta(valid)
    }).not.toThrow()
    const numbered = {
      ...valid,
      mission_slug: '004-web-123',
      slug: '004-web-123',
      mission_number: 4
    }
    expect(() => {
      validateMeta(numbered)
    }).not.toThrow()
  })

  it.each<[string, Record<string, unknown>, string]>([
    ['an empty slug', { slug: '' }, 'meta.json needs a non-empty slug.'],
    ['a blank mission_type', { mission_type: '  ' }, 'meta.json needs a non-empty mission_type.'],
    ['an empty created_at', { created_at: '' }, 'meta.json needs a non-empty created_at.'],
    ['an empty friendly_name', { friendly_name: '' }, 'meta.json needs a non-empty friendly_name.'],
    ['an empty target_branch', { target_branch: '' }, 'meta.json needs a non-empty target_branch.'],
    ['a blank purpose_tldr', { purpose_tldr: '\n' }, 'meta.json needs a non-blank purpose_tldr.'],
    [
      'a blank purpose_context',
      { purpose_context: ' ' },
      'meta.json needs a non-blank purpose_context.'
    ],
    [
      'a two-line purpose_tldr',
      { purpose_tldr: 'one\ntwo' },
      'meta.json needs a single-line purpose_tldr.'
    ],
    [
      'an upper-case mission_slug',
      { mission_slug: 'Web-123-01M0M9D8' },
      'meta.json has mission_slug Web-123-01M0M9D8, which is neither NNN-<slug> nor <slug>-<mid8>.'
    ],
    [
      'a slug without mid8 or number',
      { slug: 'web-123' },
      'meta.json has slug web-123, which is neither NNN-<slug> nor <slug>-<mid8>.'
    ],
    [
      'a lower-case mission_id',
      { mission_id: '01m0m9d8r83ddksz62qkgv3yw0' },
      'meta.json has mission_id 01m0m9d8r83ddksz62qkgv3yw0, not a ULID.'
    ],
    [
      'a slug carrying another mission’s mid8',
      { mission_slug: 'web-123-01M0M9D9', slug: 'web-123-01M0M9D9' },
      "meta.json has mission_slug web-123-01M0M9D9, which does not end in the mission id's mid8."
    ],
    [
      'an origin_ticket with an extra key',
      { origin_ticket: { ...INPUT.originTicket, origin_link_id: 'link-1' } },
      'meta.json needs an origin_ticket of exactly the seven non-empty keys (provider, resource and issue).'
    ],
    [
      'an origin_ticket with an empty key',
      { origin_ticket: { ...INPUT.originTicket, resource_id: '' } },
      'meta.json needs an origin_ticket of exactly the seven non-empty keys (provider, resource and issue).'
    ]
  ])('refuses %s', (_name, change, message) => {
    const meta: MissionMeta = { ...valid, ...change }
    expect(() => {
      validateMeta(meta)
    }).toThrow(expect.objectContaining({ code: 'mission-invalid', message }))
  })
})

describe('parseMeta', () => {
  it('reads what serializeMeta writes and calls it canonical', () => {
    const parsed = parseMeta(LINEAR_META)
    expect(parsed).not.toBeInstanceOf(KittyError)
    expect(parsed).toEqual({ meta: buildMeta(INPUT), canonical: true })
    expect(parseMeta(JIRA_META)).toMatchObject({ canonical: true, meta: { mission_number: null } })
  })

  it.each([
    ['four-space indentation', JSON.stringify(JSON.parse(LINEAR_META), null, 4) + '\n'],
    ['no trailing newline', LINEAR_META.trimEnd()],
    ['a key out of sorted order', LINEAR_META.replace('{\n', '{\n  "vcs": "git",\n')]
  ])('reads a valid meta.json with %s but says it is not canonical', (_name, text) => {
    expect(parseMeta(text)).toMatchObject({ canonical: false, meta: { slug: 'web-123-01M0M9D8' } })
  })

  it('judges canonical form on the whole text but drops unknown keys from the meta', () => {
    const parsed = parseMeta(LINEAR_META.replace('{\n', '{\n  "accepted_at": "x",\n'))
    expect(parsed).toMatchObject({ canonical: true })
    expect(Object.keys((parsed as { meta: object }).meta)).not.toContain('accepted_at')
  })

  it.each([
    ['text that is not JSON', '{"slug": ', 'meta.json is not valid JSON.'],
    ['a JSON array', '[]', 'meta.json is not a JSON object.'],
    ['a JSON null', 'null', 'meta.json is not a JSON object.'],
    [
      'a missing key',
      LINEAR_META.replace('  "pr_bound": true,\n', ''),
      'meta.json has a missing or mistyped pr_bound.'
    ],
    [
      'a mission_number written as a string',
      LINEAR_META.replace('"mission_number": null', '"mission_number": "004"'),
      'meta.json has a missing or mistyped mission_number.'
    ],
    [
      'an origin_ticket with a missing key',
      LINEAR_META.replace('    "resource_id": "team-uuid",\n', ''),
      "meta.json's origin_ticket is missing resource_id."
    ],
    [
      // spec-kitty's case: "a missing key raises an error listing the sorted missing names".
      'an origin_ticket missing several keys, listed sorted',
      LINEAR_META.replace('    "title": "  Add Clerk   auth — für Café 😀 "\n', '    "x": 1\n')
        .replace(
          '    "external_issue_url": "https://linear.app/acme/issue/WEB-123/add-clerk-auth",\n',
          ''
        )
        .replace('    "external_issue_id": "3f0c8a2e-5b1d-4c7e-9a60-2f4b8d1e7c93",\n', ''),
      "meta.json's origin_ticket is missing external_issue_id, external_issue_url, title."
    ],
    [
      'an origin_ticket with an empty key',
      LINEAR_META.replace('"resource_id": "team-uuid"', '"resource_id": ""'),
      'meta.json has a missing or mistyped origin_ticket.resource_id.'
    ],
    [
      'a slug spec-kitty would refuse',
      LINEAR_META.replaceAll('web-123-01M0M9D8', 'web_123'),
      'meta.json has mission_slug web_123, which is neither NNN-<slug> nor <slug>-<mid8>.'
    ]
  ])('returns a mission-invalid error for %s', (_name, text, message) => {
    const parsed = parseMeta(text)
    expect(parsed).toBeInstanceOf(KittyError)
    expect(parsed).toMatchObject({ code: 'mission-invalid', message })
  })

  it('returns an error, not a throw, for text holding a lone surrogate', () => {
    const parsed = parseMeta(
      LINEAR_META.replace('"Add Clerk auth — für', '"Add \\ud800 Clerk auth — für')
    )
    expect(parsed).toBeInstanceOf(KittyError)
    expect(parsed).toMatchObject({ code: 'mission-invalid' })
  })
})
