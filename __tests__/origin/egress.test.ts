import { describe, expect, it } from '@jest/globals'
import { parse } from 'yaml'
import { egressRefusal } from '../../src/origin/egress.js'
import { resolveTrackerBinding } from '../../src/origin/binding.js'

const BOUND = 'tracker:\n  provider: linear\n  project_slug: acme-web\n'

/** spec-kitty's `tracker/egress_verdict.py` at its hosted destination, row by row. */
describe('egressRefusal', () => {
  it.each([
    ['no tracker section', 'project:\n  slug: x\n'],
    ['no egress key', BOUND],
    ['egress: permitted (narrowing only; it grants nothing)', `${BOUND}  egress: permitted\n`],
    ['an empty file', '']
  ])('lets calls through with %s', (_name, text) => {
    expect(egressRefusal(parse(text))).toBeNull()
  })

  it('refuses egress: refused and says what to change', () => {
    expect(egressRefusal(parse(`${BOUND}  egress: refused\n`))).toMatch(
      /records `tracker.egress: refused`, so kitty-origin makes no call to the Spec Kitty SaaS/
    )
  })

  it.each([
    ['wrong case', 'Refused', '"Refused"'],
    ['null', 'null', 'null'],
    ['a boolean', 'false', 'false'],
    ['a number', '0', '0'],
    ['a list', '[refused]', '["refused"]'],
    ['a typo', 'refuse', '"refuse"']
  ])('refuses a malformed value (%s), naming it', (_name, value, shown) => {
    const refusal = egressRefusal(parse(`${BOUND}  egress: ${value}\n`))
    expect(refusal).toContain(`sets \`tracker.egress\` to ${shown}, which is not a legal value`)
  })

  it('refuses before the binding resolves, even when inputs name the routing', () => {
    expect(() =>
      resolveTrackerBinding(`${BOUND}  egress: refused\n`, { provider: 'linear', projectSlug: 'x' })
    ).toThrow(expect.objectContaining({ code: 'tracker-egress-refused' }))
  })

  it('reads project.build_id from the config', () => {
    const binding = resolveTrackerBinding(`project:\n  uuid: U\n  build_id: b-1\n${BOUND}`, {})
    expect(binding.project).toEqual({ uuid: 'U', slug: null, buildId: 'b-1' })
  })
})
