import { describe, expect, it } from '@jest/globals'
import { levelOf, permissionAtLeast } from '../../src/chatops/permission.js'

describe('levelOf', () => {
  it.each([
    [{ permission: 'write', role_name: 'maintain' }, 'maintain'],
    [{ permission: 'read', role_name: 'triage' }, 'triage'],
    [{ permission: 'write', role_name: 'security-manager' }, 'write'],
    [{ permission: 'admin' }, 'admin'],
    [{ permission: 'owner', role_name: 'custom' }, 'none']
  ])('reads %j as %s', (answer, level) => {
    expect(levelOf(answer)).toBe(level)
  })
})

describe('permissionAtLeast', () => {
  it.each([
    ['admin', 'write', true],
    ['maintain', 'write', true],
    ['write', 'write', true],
    ['triage', 'write', false],
    ['read', 'write', false],
    ['none', 'read', false],
    ['none', 'none', true],
    ['read', 'triage', false]
  ] as const)('%s reaches %s: %s', (actual, needed, reaches) => {
    expect(permissionAtLeast(actual, needed)).toBe(reaches)
  })
})
