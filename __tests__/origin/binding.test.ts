import { describe, expect, it } from '@jest/globals'
import { resolveResource, resolveTrackerBinding, routingOf } from '../../src/origin/binding.js'

const LINEAR_CONFIG = `
project:
  uuid: 8a4a7da6-1111-4222-8333-444455556666
  slug: acme-web
tracker:
  provider: linear
  project_slug: acme-web
  provider_context:
    workspace_id: ws-42
    team_id: team-7
`

describe('resolveTrackerBinding', () => {
  it('reads provider, routing, provider context and project from .kittify/config.yaml', () => {
    expect(resolveTrackerBinding(LINEAR_CONFIG, {})).toEqual({
      provider: 'linear',
      projectSlug: 'acme-web',
      providerContext: { workspace_id: 'ws-42', team_id: 'team-7' },
      project: { uuid: '8a4a7da6-1111-4222-8333-444455556666', slug: 'acme-web', buildId: null }
    })
  })

  it('keeps binding_ref and project_slug both, and routes by binding_ref', () => {
    const binding = resolveTrackerBinding(
      'tracker:\n  provider: jira\n  project_slug: plat\n  binding_ref: srm_01HX\n',
      {}
    )
    expect(routingOf(binding)).toEqual({ binding_ref: 'srm_01HX' })
    expect(binding.project).toEqual({ uuid: null, slug: null, buildId: null })
  })

  it('routes by project_slug when there is no binding_ref', () => {
    expect(routingOf(resolveTrackerBinding(LINEAR_CONFIG, {}))).toEqual({
      project_slug: 'acme-web'
    })
  })

  it('lets inputs win over the file, replacing its routing as a whole', () => {
    const binding = resolveTrackerBinding(LINEAR_CONFIG, { provider: 'jira', projectSlug: 'other' })
    expect(binding.provider).toBe('jira')
    expect(routingOf(binding)).toEqual({ project_slug: 'other' })
    expect(binding.bindingRef).toBeUndefined()
  })

  it('works with inputs alone when the repository has no config file', () => {
    const binding = resolveTrackerBinding(null, { provider: 'linear', bindingRef: 'srm_X' })
    expect(routingOf(binding)).toEqual({ binding_ref: 'srm_X' })
    expect(binding.providerContext).toEqual({})
  })

  it.each([
    ['no file and no inputs', null],
    ['an empty file', ''],
    ['no tracker section', 'project:\n  slug: acme\n'],
    ['a provider but no routing', 'tracker:\n  provider: linear\n'],
    ['routing but no provider', 'tracker:\n  project_slug: acme\n'],
    ['blank values', "tracker:\n  provider: ' '\n  project_slug: ''\n"]
  ])('refuses %s with the contract sentence', (_name, text) => {
    expect(() => resolveTrackerBinding(text, {})).toThrow(
      'No tracker bound. Run `spec-kitty tracker bind` first.'
    )
  })

  it('refuses providers other than Jira and Linear', () => {
    expect(() =>
      resolveTrackerBinding('tracker:\n  provider: github\n  project_slug: x\n', {})
    ).toThrow(/Only Jira and Linear/)
  })

  it('reports YAML that does not parse, naming the file', () => {
    expect(() => resolveTrackerBinding('tracker: [unclosed', {})).toThrow(
      expect.objectContaining({
        code: 'tracker-config-invalid',
        message: expect.stringContaining('.kittify/config.yaml')
      })
    )
  })

  it('reports a config whose tracker section has the wrong shape', () => {
    expect(() => resolveTrackerBinding('tracker: [1, 2]\n', {})).toThrow(
      expect.objectContaining({ code: 'tracker-config-invalid' })
    )
  })

  it('keeps numeric provider context values and drops non-string ones', () => {
    const binding = resolveTrackerBinding(
      'tracker:\n  provider: jira\n  project_slug: p\n  provider_context:\n    project_key: 42\n    nested: {a: 1}\n    empty: ""\n',
      {}
    )
    expect(binding.providerContext).toEqual({ project_key: '42' })
  })
})

describe('resolveResource', () => {
  const linear = resolveTrackerBinding(LINEAR_CONFIG, {})

  it('takes what the SaaS answered', () => {
    expect(
      resolveResource(linear, { resource_type: 'linear_team', resource_id: 'team-uuid' })
    ).toEqual({
      resource_type: 'linear_team',
      resource_id: 'team-uuid'
    })
  })

  it('falls back for Linear to linear_team and workspace_id, then team_id, then binding_ref, then project_slug', () => {
    expect(resolveResource(linear, { resource_type: null, resource_id: '' })).toEqual({
      resource_type: 'linear_team',
      resource_id: 'ws-42'
    })
    const teamOnly = { ...linear, providerContext: { team_id: 'team-7' } }
    expect(resolveResource(teamOnly, {}).resource_id).toBe('team-7')
    const refOnly = { ...linear, providerContext: {}, bindingRef: 'srm_1' }
    expect(resolveResource(refOnly, {}).resource_id).toBe('srm_1')
    const slugOnly = { ...linear, providerContext: {} }
    expect(resolveResource(slugOnly, {}).resource_id).toBe('acme-web')
  })

  it('falls back for Jira to jira_project and project_key, then key', () => {
    const jira = resolveTrackerBinding(
      'tracker:\n  provider: jira\n  project_slug: plat\n  provider_context:\n    key: PROJ\n',
      {}
    )
    expect(resolveResource(jira, {})).toEqual({
      resource_type: 'jira_project',
      resource_id: 'PROJ'
    })
    const withProjectKey = { ...jira, providerContext: { project_key: 'PK', key: 'PROJ' } }
    expect(resolveResource(withProjectKey, {}).resource_id).toBe('PK')
  })
})
