import { afterAll, beforeAll, describe, expect, it } from '@jest/globals'
import { redact } from '../../src/saas/transport.js'
import { startSandboxSaas } from '../../sandbox/saas/server.js'
import type { SandboxSaas } from '../../sandbox/saas/server.js'
import { bindBody, clientFor, keySearch, rejectionOf } from './harness.js'

describe('redact', () => {
  it.each([
    ['Bearer tok3n refused', 'tok3n', 'Bearer *** refused'],
    ['tok3n and tok3n again', 'tok3n', '*** and *** again'],
    ['nothing to hide', 'tok3n', 'nothing to hide'],
    ['kept as it is', '', 'kept as it is'],
    ['kept as it is', undefined, 'kept as it is']
  ])('turns %j with secret %j into %j', (text, secret, expected) => {
    expect(redact(text, secret)).toBe(expected)
  })
})

describe('a SaaS answer that quotes the token', () => {
  let sandbox: SandboxSaas
  beforeAll(async () => {
    sandbox = await startSandboxSaas({ token: 'sk-echoed-0123456789abcdefghijklmnopqrstuvwxyz' })
  })
  afterAll(async () => {
    await sandbox.close()
  })

  it('keeps the token out of the message a person reads and the detail the log gets', async () => {
    sandbox.faults.add({
      status: 422,
      body: { error_code: 'invalid_query', message: `Query refused for ${sandbox.token}.` }
    })
    const error = await rejectionOf(clientFor(sandbox).searchIssues(keySearch))
    expect(error.message).toBe(
      'The Spec Kitty SaaS rejected the issue search: Query refused for ***.'
    )
    expect(error.detail).not.toContain(sandbox.token)
  })

  it('keeps a token cut short by the message cap out too', async () => {
    sandbox.faults.add({
      status: 409,
      body: { error_code: 'x', message: `${'Refused. '.repeat(21)}${sandbox.token}` }
    })
    const error = await rejectionOf(clientFor(sandbox).bindMissionOrigin(bindBody(), 'key-1'))
    expect(error.detail).toContain('***')
    expect(error.detail).not.toContain('sk-echoed')
  })
})
