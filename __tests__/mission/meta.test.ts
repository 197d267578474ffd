import { describe, expect, it } from '@jest/globals'
import { MID8_INPUT, MID8_META, NUMBERED_META } from '../../__fixtures__/mission/tickets.js'
import { KittyError } from '../../src/errors.js'
import {
  buildMeta,
  parseMeta,
  serializeMeta,
  validateMeta,
  type MetaInput,
  type MissionMeta
} from '../../src/mission/meta.js'

const NAMES = {
  missionSlug: 'web-123-01M0M9D8',
  missionNumber: null,
  branch: 'kitty/mission-web-123-01M0M9D8'
}

const INPUT: MetaInput = {
  missionId: MID8_INPUT.missionId,
  names: NAMES,
  ticket: MID8_INPUT.ticket,
  originTicket: MID8_INPUT.originTicket,
  missionType: 'software-dev',
  targetBranch: 'main',
  nowMs: MID8_INPUT.nowMs
}

const FALLBACK =
  'This mission advances Add Clerk auth on main so stakeholders can track the work from mission creation onward.'

describe('buildMeta', () => {
  it('serialises byte for byte as Python writes the contract’s meta.json', () => {
    expect(serializeMeta(buildMeta(INPUT))).toBe(MID8_META)
  })

  it('records a numbered mission’s number as an integer, as spec-kitty 3.x writes it', () => {
    const meta = buildMeta({
      ...INPUT,
      names: { missionSlug: '003-proj-key-9', missionNumber: '003', branch: 'kitty/mission-x' }
    })
    expect(meta.mission_number).toBe(3)
    expect(serializeMeta(meta)).toContain('\n  "mission_number": 3,\n')
    expect(NUMBERED_META).toContain('\n  "mission_number": 3,\n')
  })

  it.each([
    ['no body', undefined, FALLBACK],
    ['an empty body', '', FALLBACK],
    [
      'a first paragraph of 23 characters',
      '12345678901234567890123\n\nmuch longer second paragraph',
      FALLBACK
    ],
    [
      'a first paragraph of exactly 24 characters',
      '123456789012345678901234',
      '123456789012345678901234'
    ],
    [
      '23 letters and an emoji, 24 code points',
      '😀2345678901234567890123x',
      '😀2345678901234567890123x'
    ],
    [
      'a first paragraph spread over lines',
      '  Sign in  with\n\tClerk everywhere \n\nrest',
      'Sign in with Clerk everywhere'
    ],
    [
      'leading blank lines',
      '\n\n   \nThe real first paragraph is here.',
      'The real first paragraph is here.'
    ]
  ])('takes purpose_context from %s', (_name, body, expected) => {
    const meta = buildMeta({ ...INPUT, ticket: { title: 'Add  Clerk\nauth', body } })
    expect(meta.purpose_context).toBe(expected)
  })

  it('collapses the title’s whitespace into friendly_name and purpose_tldr', () => {
    const meta = buildMeta({ ...INPUT, ticket: { title: '  Add\tClerk\n\n auth ' } })
    expect(meta.friendly_name).toBe('Add Clerk auth')
    expect(meta.purpose_tldr).toBe('Add Clerk auth')
  })

  it('falls back to the ticket key when the title is blank', () => {
    const meta = buildMeta({ ...INPUT, ticket: { title: ' \n ' } })
    expect(meta.friendly_name).toBe('WEB-123')
    expect(meta.purpose_context).toBe(
      'This mission advances WEB-123 on main so stakeholders can track the work from mission creation onward.'
    )
  })

  it('copies origin_ticket rather than sharing the caller’s object', () => {
    const meta = buildMeta(INPUT)
    expect(meta.origin_ticket).toEqual(INPUT.originTicket)
    expect(meta.origin_ticket).not.toBe(INPUT.originTicket)
  })
})

describe('validateMeta', () => {
  const valid = buildMeta(INPUT)

  it('accepts the meta buildMeta makes, in both layouts', () => {
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
    const parsed = parseMeta(MID8_META)
    expect(parsed).not.toBeInstanceOf(KittyError)
    expect(parsed).toEqual({ meta: buildMeta(INPUT), canonical: true })
    expect(parseMeta(NUMBERED_META)).toMatchObject({ canonical: true, meta: { mission_number: 3 } })
  })

  it.each([
    ['four-space indentation', JSON.stringify(JSON.parse(MID8_META), null, 4) + '\n'],
    ['no trailing newline', MID8_META.trimEnd()],
    ['a key out of sorted order', MID8_META.replace('{\n', '{\n  "vcs": "git",\n')]
  ])('reads a valid meta.json with %s but says it is not canonical', (_name, text) => {
    expect(parseMeta(text)).toMatchObject({ canonical: false, meta: { slug: 'web-123-01M0M9D8' } })
  })

  it('judges canonical form on the whole text but drops unknown keys from the meta', () => {
    const parsed = parseMeta(MID8_META.replace('{\n', '{\n  "accepted_at": "x",\n'))
    expect(parsed).toMatchObject({ canonical: true })
    expect(Object.keys((parsed as { meta: object }).meta)).not.toContain('accepted_at')
  })

  it.each([
    ['text that is not JSON', '{"slug": ', 'meta.json is not valid JSON.'],
    ['a JSON array', '[]', 'meta.json is not a JSON object.'],
    ['a JSON null', 'null', 'meta.json is not a JSON object.'],
    [
      'a missing key',
      MID8_META.replace('  "pr_bound": true,\n', ''),
      'meta.json has a missing or mistyped pr_bound.'
    ],
    [
      'a mission_number written as a string',
      MID8_META.replace('"mission_number": null', '"mission_number": "004"'),
      'meta.json has a missing or mistyped mission_number.'
    ],
    [
      'an origin_ticket with a missing key',
      MID8_META.replace('    "resource_id": "team-uuid",\n', ''),
      'meta.json has a missing or mistyped origin_ticket.resource_id.'
    ],
    [
      'a slug spec-kitty would refuse',
      MID8_META.replaceAll('web-123-01M0M9D8', 'web_123'),
      'meta.json has mission_slug web_123, which is neither NNN-<slug> nor <slug>-<mid8>.'
    ]
  ])('returns a mission-invalid error for %s', (_name, text, message) => {
    const parsed = parseMeta(text)
    expect(parsed).toBeInstanceOf(KittyError)
    expect(parsed).toMatchObject({ code: 'mission-invalid', message })
  })

  it('returns an error, not a throw, for text holding a lone surrogate', () => {
    const parsed = parseMeta(
      MID8_META.replace('"Add Clerk auth — für', '"Add \\ud800 Clerk auth — für')
    )
    expect(parsed).toBeInstanceOf(KittyError)
    expect(parsed).toMatchObject({ code: 'mission-invalid' })
  })
})
