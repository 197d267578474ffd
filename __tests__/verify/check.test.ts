import { describe, expect, it } from '@jest/globals'
import { JIRA_META, LINEAR_META } from '../../__fixtures__/mission/tickets.js'
import { pythonJsonPretty } from '../../src/mission/python-json.js'
import type { JsonValue } from '../../src/mission/python-json.js'
import { checkMeta } from '../../src/verify/check.js'
import { firstDifferentLine, lineOfKey } from '../../src/verify/problem.js'

const DIR = 'web-123-01M0M9D8'
const HEAD = 'kitty-origin/web-123-01M0M9D8'

/** LINEAR_META with `change` applied, written back in canonical form (so only the change differs). */
function canonicalWith(change: (meta: Record<string, unknown>) => void): string {
  const meta = JSON.parse(LINEAR_META) as Record<string, unknown>
  change(meta)
  return pythonJsonPretty(meta as JsonValue) + '\n'
}

function origin(meta: Record<string, unknown>): Record<string, unknown> {
  return meta.origin_ticket as Record<string, unknown>
}

describe('checkMeta', () => {
  it('passes the bytes Python writes for the mission kitty-origin creates', () => {
    expect(checkMeta(DIR, LINEAR_META, HEAD)).toMatchObject({ hasOrigin: true, problems: [] })
    expect(checkMeta(DIR, LINEAR_META, HEAD).meta?.origin_ticket.external_issue_key).toBe('WEB-123')
    expect(
      checkMeta('proj-key-9-01M0M9D8', JIRA_META, 'kitty-origin/proj-key-9-01M0M9D8').problems
    ).toEqual([])
  })

  it('passes a numbered mission spec-kitty made, and one flattened by its doctor', () => {
    const numbered = canonicalWith(m => {
      Object.assign(m, { mission_slug: '003-web-123', slug: '003-web-123', mission_number: 3 })
    })
    expect(checkMeta('003-web-123', numbered, HEAD).problems).toEqual([])
    const flattened = canonicalWith(m => {
      Object.assign(m, { flattened: true, target_branch: 'main' })
    })
    expect(checkMeta(DIR, flattened, HEAD).problems).toEqual([])
  })

  it('reports kitty-origin’s old shape, whose coordination branch is the PR’s own branch', () => {
    const old = canonicalWith(m => {
      Object.assign(m, { coordination_branch: HEAD, topology: 'coord', target_branch: 'main' })
    })
    const { problems, meta } = checkMeta(DIR, old, HEAD)
    expect(meta).not.toBeNull()
    expect(problems).toEqual([
      {
        message: expect.stringContaining(
          `its coordination_branch is this pull request's own branch ${HEAD}`
        ) as unknown as string,
        line: 2
      }
    ])
    expect(problems[0]?.message).toContain('COORDINATION_BRANCH_DELETED')
    expect(problems[0]?.message).toContain(
      'remove the coordination_branch key and set topology to single_branch'
    )
    expect(problems[0]?.message).toContain('`spec-kitty doctor coordination --fix`')
  })

  it('passes a coordination branch that is not the PR’s own, as spec-kitty’s coord missions have', () => {
    const coord = canonicalWith(m => {
      Object.assign(m, {
        coordination_branch: 'kitty/mission-web-123-01M0M9D8',
        topology: 'coord'
      })
    })
    expect(checkMeta(DIR, coord, HEAD).problems).toEqual([])
  })

  it('refuses unsorted keys as not canonical, pointing at the first line that differs', () => {
    const meta = JSON.parse(LINEAR_META) as Record<string, unknown>
    const unsorted = JSON.stringify({ slug: meta.slug, ...meta }, null, 2) + '\n'
    expect(checkMeta(DIR, unsorted, HEAD)).toMatchObject({
      hasOrigin: true,
      problems: [
        {
          message:
            "meta.json is not in spec-kitty's canonical form (keys sorted, two-space indent, non-ASCII kept, one newline at the end); the first difference is on line 2.",
          line: 2
        }
      ]
    })
  })

  it.each([
    ['without its final newline', LINEAR_META.trimEnd(), 24],
    ['with a blank line at the end', `${LINEAR_META}\n`, 25],
    ['with four-space indentation', JSON.stringify(JSON.parse(LINEAR_META), null, 4) + '\n', 2],
    ['with non-ASCII escaped', LINEAR_META.replace('für', 'f\\u00fcr'), 4],
    ['with CRLF line ends', LINEAR_META.replace(/\n/g, '\r\n'), 1]
  ])('refuses a meta.json %s as not canonical (line %#)', (_name, text, line) => {
    const { problems, meta } = checkMeta(DIR, text, HEAD)
    expect(meta).not.toBeNull()
    expect(problems).toEqual([expect.objectContaining({ line })])
    expect(problems[0]?.message).toContain('canonical form')
  })

  it.each([
    [
      'an origin_ticket key missing',
      canonicalWith(m => delete origin(m).title),
      "meta.json's origin_ticket is missing title."
    ],
    [
      'an empty origin_ticket key',
      canonicalWith(m => (origin(m).external_issue_id = '')),
      'meta.json has a missing or mistyped origin_ticket.external_issue_id.'
    ],
    [
      'an eighth origin_ticket key',
      canonicalWith(m => (origin(m).origin_link_id = 'oml_1')),
      'meta.json has a missing or mistyped origin_ticket.'
    ],
    [
      'an unknown provider',
      canonicalWith(m => (origin(m).provider = 'github')),
      'meta.json has a missing or mistyped origin_ticket.provider.'
    ],
    [
      'an invalid slug',
      canonicalWith(m => (m.slug = 'Web_123-01M0M9D8')),
      'meta.json has slug Web_123-01M0M9D8, which is neither NNN-<slug> nor <slug>-<mid8>.'
    ],
    [
      'a mission_id that is no ULID',
      canonicalWith(m => (m.mission_id = '01M0M9D8-not-a-ulid-at-all')),
      'meta.json has mission_id 01M0M9D8-not-a-ulid-at-all, not a ULID.'
    ],
    [
      'a slug that does not carry the mid8',
      canonicalWith(m => (m.mission_id = '01M0M9D9R83DDKSZ62QKGV3YW0')),
      "meta.json has mission_slug web-123-01M0M9D8, which does not end in the mission id's mid8."
    ],
    [
      'a blank friendly_name',
      canonicalWith(m => (m.friendly_name = ' ')),
      'meta.json needs a non-empty friendly_name.'
    ],
    [
      'a required key missing',
      canonicalWith(m => delete m.target_branch),
      'meta.json has a missing or mistyped target_branch.'
    ],
    ['text that is not JSON', '{"slug": ', 'meta.json is not valid JSON.'],
    ['a JSON array', '[]\n', 'meta.json is not a JSON object.'],
    ['JSON null', 'null\n', 'meta.json is not a JSON object.']
  ])('refuses %s with parseMeta’s sentence on line 1', (_name, text, message) => {
    expect(checkMeta(DIR, text, HEAD)).toMatchObject({
      hasOrigin: true,
      meta: null,
      problems: [{ message, line: 1 }]
    })
  })

  it('refuses a meta.json that names another directory, on its mission_slug line', () => {
    expect(checkMeta('web-123-copy', LINEAR_META, HEAD).problems).toEqual([
      {
        message:
          'meta.json has mission_slug web-123-01M0M9D8, but it lives in kitty-specs/web-123-copy/.',
        line: 7
      }
    ])
  })

  it.each([
    ['absent', canonicalWith(m => delete m.origin_ticket)],
    ['null', canonicalWith(m => (m.origin_ticket = null))]
  ])('reports an origin_ticket that is %s as no origin, with its id', (_name, text) => {
    expect(checkMeta(DIR, text, HEAD)).toEqual({
      hasOrigin: false,
      meta: null,
      missionId: '01M0M9D8R83DDKSZ62QKGV3YW0',
      origin: null,
      legacy: false,
      problems: []
    })
  })

  it.each([
    [
      'an invalid slug',
      (m: Record<string, unknown>) => (m.slug = 'Web_123-01M0M9D8'),
      'meta.json has slug Web_123-01M0M9D8, which is neither NNN-<slug> nor <slug>-<mid8>.',
      'slug'
    ],
    [
      'a mission_id that is no ULID',
      (m: Record<string, unknown>) => (m.mission_id = '01M0M9D8-not-a-ulid-at-all'),
      'meta.json has mission_id 01M0M9D8-not-a-ulid-at-all, not a ULID.',
      'mission_id'
    ],
    [
      'a required key missing',
      (m: Record<string, unknown>) => delete m.target_branch,
      'meta.json needs a non-empty target_branch.',
      'target_branch'
    ],
    [
      'no mission_id',
      (m: Record<string, unknown>) => delete m.mission_id,
      'meta.json needs a mission_id (spec-kitty gives every mission one since 3.1.1).',
      'mission_id'
    ],
    [
      'a mission_number that is a string',
      (m: Record<string, unknown>) => (m.mission_number = '004'),
      'meta.json has a mission_number that is neither an integer nor null.',
      'mission_number'
    ],
    [
      'a created_at without offset',
      (m: Record<string, unknown>) => (m.created_at = '2025-03-01T08:00:00'),
      'meta.json has created_at "2025-03-01T08:00:00", not an ISO 8601 time with a UTC offset.',
      'created_at'
    ],
    [
      'a mission_slug without the mid8 of its id',
      (m: Record<string, unknown>) => (m.mission_id = '01HZZZZZR83DDKSZ62QKGV3YW0'),
      "meta.json has mission_slug web-123-01M0M9D8, which does not end in the mission id's mid8.",
      'mission_slug'
    ],
    [
      'a created_at that is no date',
      (m: Record<string, unknown>) => (m.created_at = '2025-13-45T08:00:00+00:00'),
      'meta.json has created_at "2025-13-45T08:00:00+00:00", not an ISO 8601 time with a UTC offset.',
      'created_at'
    ],
    [
      'a blank purpose_tldr',
      (m: Record<string, unknown>) => (m.purpose_tldr = ' '),
      'meta.json needs a non-blank purpose_tldr.',
      'purpose_tldr'
    ]
  ])(
    'holds a meta.json without origin_ticket to every other rule: %s',
    (_name, change, message, key) => {
      const text = canonicalWith(m => {
        delete m.origin_ticket
        change(m)
      })
      expect(checkMeta(DIR, text, HEAD)).toMatchObject({
        hasOrigin: false,
        problems: [{ message, line: lineOfKey(text, key) }]
      })
    }
  )

  it('passes a mission without origin that has only the keys spec-kitty requires, as its migrate backfill-identity writes one', () => {
    // The bytes spec-kitty 3.2.6's `migrate backfill-identity` wrote for a migrated 3.0 mission.
    const text = `${JSON.stringify(
      {
        created_at: '2025-03-01T08:00:00.000000+00:00',
        friendly_name: 'Next thing',
        mission_id: '01M95DM09ZSZ5XQRZ18NEJHRHH',
        mission_number: 2,
        mission_slug: '002-next-thing',
        mission_type: 'software-dev',
        slug: '002-next-thing',
        target_branch: 'main',
        vcs: 'git'
      },
      null,
      2
    )}\n`
    expect(checkMeta('002-next-thing', text, HEAD)).toMatchObject({
      hasOrigin: false,
      problems: []
    })
  })

  it('fails a spec-kitty 2.x meta.json that gained an id but still lacks what spec-kitty requires', () => {
    const text = `${JSON.stringify(
      {
        created_at: '2025-03-01T08:00:00.000000+00:00',
        feature_number: '001',
        friendly_name: 'Old thing',
        mission: 'software-dev',
        mission_id: '01M95DM09Y88XDMA736XG9NSFP',
        slug: '001-old-thing',
        target_branch: 'main',
        vcs: 'git'
      },
      null,
      2
    )}\n`
    expect(checkMeta('001-old-thing', text, HEAD).problems).toEqual([
      { message: 'meta.json needs a non-empty mission_slug.', line: 1 }
    ])
  })

  it.each([
    ['absent', (m: Record<string, unknown>) => delete m.mission_id],
    ['null', (m: Record<string, unknown>) => (m.mission_id = null)]
  ])(
    'reports, unchecked, a mission whose id is %s here and on the base branch (legacy)',
    (_name, change) => {
      const text = canonicalWith(m => {
        delete m.origin_ticket
        delete m.flattened
        change(m)
      }).replace('{', '{ ')
      expect(checkMeta(DIR, text, HEAD, true)).toEqual({
        hasOrigin: false,
        legacy: true,
        meta: null,
        missionId: null,
        origin: null,
        problems: []
      })
      expect(checkMeta(DIR, text, HEAD, false).problems.length).toBeGreaterThan(0)
    }
  )

  it('checks a mission legacy on the base in full once it has an id or an origin', () => {
    const withId = canonicalWith(m => {
      delete m.origin_ticket
      m.created_at = 'yesterday'
    })
    expect(checkMeta(DIR, withId, HEAD, true)).toMatchObject({
      legacy: false,
      problems: [{ line: 2 }]
    })
    const withOrigin = canonicalWith(m => delete m.mission_id)
    expect(checkMeta(DIR, withOrigin, HEAD, true)).toMatchObject({
      hasOrigin: true,
      legacy: false,
      problems: [{ message: 'meta.json has a missing or mistyped mission_id.' }]
    })
  })

  it('holds a meta.json without origin_ticket to canonical bytes and its directory', () => {
    const text = canonicalWith(m => delete m.origin_ticket)
    const problems = checkMeta(
      'elsewhere',
      text.replace('"flattened"', '"zzz": 1, "flattened"'),
      HEAD
    ).problems
    expect(problems.map(problem => problem.message)).toEqual([
      expect.stringContaining("not in spec-kitty's canonical form"),
      'meta.json has mission_slug web-123-01M0M9D8, but it lives in kitty-specs/elsewhere/.'
    ])
  })
})

describe('lineOfKey', () => {
  it.each([
    ['mission_slug', 7],
    ['external_issue_id', 10],
    ['topology', 23],
    ['no_such_key', 1]
  ])('finds %s on line %i of the canonical meta.json', (key, line) => {
    expect(lineOfKey(LINEAR_META, key)).toBe(line)
  })
})

describe('firstDifferentLine', () => {
  it.each([
    ['a\nb\nc', 'a\nx\nc', 2],
    ['a\nb', 'a\nb\n', 2],
    ['a\n\n', 'a\n', 2],
    ['', 'a\n', 1],
    ['x', 'y', 1]
  ])('finds where %j first differs from %j', (actual, expected, line) => {
    expect(firstDifferentLine(actual, expected)).toBe(line)
  })
})
