import { describe, expect, it } from '@jest/globals'
import { readInputs, requireSaasInputs } from '../src/inputs.js'
import type { InputSource } from '../src/inputs.js'

function source(values: Record<string, string>): InputSource & { secrets: string[] } {
  const secrets: string[] = []
  return {
    secrets,
    getInput: name => values[name] ?? '',
    setSecret: secret => secrets.push(secret)
  }
}

const REQUIRED = {
  'saas-url': 'https://saas.example.com',
  'saas-token': 'tok-123',
  'github-token': 'ghs_abc'
}

describe('readInputs', () => {
  it('applies action.yml defaults to empty inputs', () => {
    expect(readInputs(source(REQUIRED))).toEqual({
      githubToken: 'ghs_abc',
      saasUrl: 'https://saas.example.com',
      saasToken: 'tok-123',
      teamSlug: undefined,
      stateSecret: undefined,
      commandPrefix: '/kitty',
      minPermission: 'write',
      confirmBy: 'requester',
      candidateLimit: 10,
      baseBranch: undefined,
      missionType: 'software-dev',
      provider: undefined,
      projectSlug: undefined,
      bindingRef: undefined,
      prDraft: false,
      prLabels: [],
      dryRun: false,
      emitEvents: false,
      stateTtlHours: 24,
      requireOrigin: false,
      query: undefined,
      confirm: undefined,
      issueNumber: undefined
    })
  })

  it('parses every kind of value', () => {
    const inputs = readInputs(
      source({
        ...REQUIRED,
        'saas-url': ' https://saas.example.com:8443/api/ ',
        'team-slug': 'acme',
        'state-secret': 'a-long-enough-state-secret',
        'command-prefix': '!bot',
        'min-permission': 'maintain',
        'confirm-by': 'any-writer',
        'candidate-limit': '50',
        'base-branch': 'release/2.0',
        provider: 'jira',
        'project-slug': 'acme-platform',
        'binding-ref': 'srm_01HX',
        'pr-draft': 'True',
        'pr-labels': 'mission, spec-kitty\nmission\n',
        'dry-run': 'TRUE',
        'state-ttl-hours': '1',
        'require-origin': 'true',
        query: 'linear:WEB-123',
        confirm: 'WEB-123',
        'issue-number': '42'
      })
    )
    expect(inputs).toMatchObject({
      saasUrl: 'https://saas.example.com:8443',
      candidateLimit: 50,
      baseBranch: 'release/2.0',
      prDraft: true,
      prLabels: ['mission', 'spec-kitty'],
      dryRun: true,
      stateTtlHours: 1,
      requireOrigin: true,
      issueNumber: 42,
      minPermission: 'maintain',
      confirmBy: 'any-writer',
      provider: 'jira'
    })
  })

  it('masks every secret before validating anything else', () => {
    const inputs = source({ ...REQUIRED, 'state-secret': 'short', 'candidate-limit': '0' })
    expect(() => readInputs(inputs)).toThrow()
    expect(inputs.secrets).toEqual(['ghs_abc', 'tok-123', 'short'])
  })

  it.each([
    [
      'min-permission',
      'owner',
      'Input `min-permission` must be one of read, triage, write, maintain, admin.'
    ],
    ['candidate-limit', '0', 'Input `candidate-limit` must be from 1 to 50.'],
    ['candidate-limit', '500', 'Input `candidate-limit` must be from 1 to 50.'],
    ['candidate-limit', 'ten', 'Input `candidate-limit` must be a whole number from 1 to 50.'],
    [
      'saas-url',
      'ftp://saas.example.com',
      'Input `saas-url` must be an http(s) URL such as https://spec-kitty.example.com.'
    ],
    [
      'saas-url',
      'not a url',
      'Input `saas-url` must be an http(s) URL such as https://spec-kitty.example.com.'
    ],
    ['confirm-by', 'anyone', 'Input `confirm-by` must be one of requester, any-writer.'],
    ['provider', 'github', 'Input `provider` must be one of jira, linear.'],
    ['pr-draft', 'yes', 'Input `pr-draft` must be true or false.'],
    ['require-origin', 'on', 'Input `require-origin` must be true or false.'],
    ['state-ttl-hours', '721', 'Input `state-ttl-hours` must be from 1 to 720.'],
    [
      'command-prefix',
      '/kitty go',
      'Input `command-prefix` must be 1 to 32 characters without spaces, such as /kitty, and must not start with > or a code fence.'
    ],
    ['base-branch', 'feature..x', 'Input `base-branch` must be a valid git branch name.'],
    ['base-branch', 'bad\u0007name', 'Input `base-branch` must be a valid git branch name.'],
    [
      'mission-type',
      'Software Dev',
      'Input `mission-type` must be a mission type such as software-dev.'
    ],
    ['state-secret', 'short', 'Input `state-secret` must be at least 16 characters long.'],
    ['team-slug', 'acme team', 'Input `team-slug` must be a slug (letters, digits, _ . -).'],
    ['issue-number', '-3', 'Input `issue-number` must be a whole number from 1 to 2147483647.'],
    ['query', 'x'.repeat(257), 'Input `query` must be at most 256 characters.'],
    ['confirm', 'x'.repeat(65), 'Input `confirm` must be a ticket key such as WEB-123.'],
    [
      'pr-labels',
      'ok, ' + 'l'.repeat(51),
      `Input \`pr-labels\` has a label longer than 50 characters: "${'l'.repeat(51)}".`
    ]
  ])('refuses %s = %j with one sentence naming the input', (name, value, message) => {
    expect(() => readInputs(source({ ...REQUIRED, [name]: value }))).toThrow(
      expect.objectContaining({ code: 'input-invalid', message })
    )
  })

  it('accepts a run without the SaaS inputs (a pull request check needs none)', () => {
    expect(readInputs(source({ 'github-token': 'ghs_abc' }))).toMatchObject({
      saasUrl: undefined,
      saasToken: undefined
    })
  })

  it('leaves the github-token empty when no token is given (the runner normally fills the default)', () => {
    expect(
      readInputs(source({ 'saas-url': 'http://127.0.0.1:9', 'saas-token': 't' })).githubToken
    ).toBe('')
  })
})

describe('requireSaasInputs', () => {
  it('returns both SaaS inputs when they are set', () => {
    expect(requireSaasInputs({ saasUrl: 'https://s.example', saasToken: 't' })).toEqual({
      saasUrl: 'https://s.example',
      saasToken: 't'
    })
  })

  it.each([
    ['saas-url', { saasUrl: undefined, saasToken: 't' }],
    ['saas-token', { saasUrl: 'https://s.example', saasToken: undefined }],
    ['saas-url', { saasUrl: undefined, saasToken: undefined }]
  ])('refuses with a sentence naming %s when it is empty', (name, inputs) => {
    expect(() => requireSaasInputs(inputs)).toThrow(
      expect.objectContaining({
        code: 'input-invalid',
        message: `Input \`${name}\` is required for comment commands and workflow_dispatch but was empty.`
      })
    )
  })
})
