import { describe, expect, it } from '@jest/globals'
import { LINEAR_META } from '../../__fixtures__/mission/tickets.js'
import type { MissionMeta } from '../../src/mission/meta.js'
import { ANNOTATION_TITLE, annotationsOf, summaryCards } from '../../src/verify/render.js'
import { PROBLEM, removed, result } from './fixtures.js'

const META = JSON.parse(LINEAR_META) as MissionMeta

describe('annotationsOf', () => {
  it('gives an error per problem of a failed mission, on its file and line', () => {
    const failed = result('a', {
      annotatedPath: 'kitty-specs/a/spec.md',
      problems: [PROBLEM, { message: 'second', line: 7 }]
    })
    expect(annotationsOf([failed, result('b')])).toEqual([
      {
        level: 'error',
        message: 'kitty-specs/a/: meta.json is not valid JSON.',
        properties: { title: ANNOTATION_TITLE, file: 'kitty-specs/a/spec.md', startLine: 1 }
      },
      {
        level: 'error',
        message: 'kitty-specs/a/: second',
        properties: { title: ANNOTATION_TITLE, file: 'kitty-specs/a/spec.md', startLine: 7 }
      }
    ])
  })

  it('gives a notice on the meta.json of a mission without origin_ticket, nothing for removed ones', () => {
    expect(annotationsOf([result('c', { hasOrigin: false }), removed('d')])).toEqual([
      {
        level: 'notice',
        message:
          'kitty-specs/c/ has no origin_ticket in meta.json, so its provenance is not checked; set require-origin: true to require one.',
        properties: { title: ANNOTATION_TITLE, file: 'kitty-specs/c/meta.json', startLine: 1 }
      }
    ])
  })
})

describe('summaryCards', () => {
  it('shows a verified mission’s ticket link, provider, resource, slug, id and SaaS answer', () => {
    const markdown = summaryCards(12, [
      result('web-123-01M0M9D8', { meta: META, saas: { kind: 'confirmed', status: 'In Progress' } })
    ])
    expect(markdown).toBe(
      [
        '### Mission provenance of #12',
        '',
        '#### ✅ Verified: `kitty-specs/web-123-01M0M9D8`',
        '',
        '- Ticket: [WEB-123](https://linear.app/acme/issue/WEB-123/add-clerk-auth): Add Clerk auth — für Café 😀',
        '- Provider: Linear, linear\\_team `team-uuid`',
        '- Mission: `web-123-01M0M9D8`, id `01M0M9D8R83DDKSZ62QKGV3YW0`',
        '- Spec Kitty SaaS: the ticket still exists with the same id and key (status In Progress)'
      ].join('\n')
    )
  })

  it('says when the SaaS was not asked because its inputs are not set', () => {
    const markdown = summaryCards(1, [
      result('a', { meta: META, saas: { kind: 'not-configured' } })
    ])
    expect(markdown).toContain(
      '- Spec Kitty SaaS: not re-checked (saas-url and saas-token are not set)'
    )
  })

  it('lists the problems of a failed mission with their lines, and its ticket when meta.json parsed', () => {
    const markdown = summaryCards(1, [
      result('a', { meta: META, problems: [{ message: 'not canonical', line: 3 }] }),
      result('b', { problems: [PROBLEM] })
    ])
    expect(markdown).toContain(
      '#### ❌ Failed: `kitty-specs/a`\n\n- Line 3: not canonical\n- Ticket: [WEB-123]'
    )
    expect(markdown).toContain(
      '#### ❌ Failed: `kitty-specs/b`\n\n- Line 1: meta.json is not valid JSON.'
    )
    expect(markdown).not.toContain('Spec Kitty SaaS')
  })

  it('shows missions without origin and removed directories in a line each', () => {
    const markdown = summaryCards(1, [result('c', { hasOrigin: false }), removed('d')])
    expect(markdown).toContain(
      '#### ➖ No origin ticket: `kitty-specs/c`\n\n- meta.json has no origin_ticket; provenance not checked.'
    )
    expect(markdown).toContain(
      '#### 🗑️ Removed: `kitty-specs/d`\n\n- The pull request removes this mission directory.'
    )
  })

  it('escapes what the pull request controls: titles, links, ids and directory names', () => {
    const hostile: MissionMeta = {
      ...META,
      mission_id: 'x`y',
      origin_ticket: {
        ...META.origin_ticket,
        title: '<img src=x> @ana #1 | [x](javascript:alert(1))',
        external_issue_url: 'javascript:alert(1)',
        resource_type: '*bold*'
      }
    }
    const markdown = summaryCards(1, [
      result('a`b', { meta: hostile, problems: [{ message: 'has <b>@team</b>', line: 1 }] })
    ])
    expect(markdown).toContain('``kitty-specs/a`b``')
    expect(markdown).toContain(
      '- Ticket: WEB-123: &lt;img src=x&gt; @&#8203;ana #&#8203;1 \\| \\[x\\](javascript:alert(1))'
    )
    expect(markdown).toContain('\\*bold\\*')
    expect(markdown).toContain('id ``x`y``')
    expect(markdown).toContain('- Line 1: has &lt;b&gt;@&#8203;team&lt;/b&gt;')
  })
})
