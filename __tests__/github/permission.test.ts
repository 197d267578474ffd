import { describe, expect, it } from '@jest/globals'
import type { KittyError } from '../../src/errors.js'
import { getPermission } from '../../src/github/permission.js'
import { useSandboxGitHub, WEBAPP } from '../../__fixtures__/sandbox/github.js'

const sandbox = useSandboxGitHub()

describe('getPermission', () => {
  it.each([
    ['ana', 'write'],
    ['ben', 'admin'],
    ['carl', 'read'],
    ['dora', 'triage'],
    ['eve', 'none'],
    ['nobody-at-all', 'none']
  ])('gives %s %s', async (login, level) => {
    await expect(getPermission(sandbox.client, WEBAPP, login)).resolves.toBe(level)
  })

  it('tells maintain apart from write through role_name', async () => {
    sandbox.gh.setCollaborator('acme/webapp', 'mia', 'maintain')
    await expect(getPermission(sandbox.client, WEBAPP, 'mia')).resolves.toBe('maintain')
  })

  it('fails closed on a server error and says why', async () => {
    sandbox.gh.faults.add({ path: /\/permission$/, status: 500, body: {}, times: 10 })
    const errors: KittyError[] = []
    await expect(
      getPermission(sandbox.client, WEBAPP, 'ben', error => errors.push(error))
    ).resolves.toBe('none')
    expect(errors[0]?.message).toContain('tried to read the permission of ben')
  })

  it('fails closed on an answer of an unexpected shape', async () => {
    sandbox.gh.faults.add({ path: /\/permission$/, status: 200, body: { role: 'admin' } })
    await expect(getPermission(sandbox.client, WEBAPP, 'ben')).resolves.toBe('none')
  })

  it('fails closed when the token may not ask', async () => {
    sandbox.gh.faults.add({
      path: /\/permission$/,
      status: 403,
      body: { message: 'Resource not accessible by integration' }
    })
    await expect(getPermission(sandbox.client, WEBAPP, 'ben')).resolves.toBe('none')
  })
})
