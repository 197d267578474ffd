import { describe, expect, it } from '@jest/globals'
import { KittyError, toKittyError } from '../src/errors.js'

describe('toKittyError', () => {
  it('keeps a KittyError as it is', () => {
    const error = new KittyError('saas-timeout', 'The SaaS did not answer in time.')
    expect(toKittyError(error)).toBe(error)
  })

  it('wraps anything else as internal, keeping the original text for the log only', () => {
    const wrapped = toKittyError(new Error('<html>boom</html>'))
    expect(wrapped.code).toBe('internal')
    expect(wrapped.message).not.toContain('boom')
    expect(wrapped.detail).toBe('<html>boom</html>')
    expect(toKittyError('plain').detail).toBe('plain')
  })

  it('marks retryable errors', () => {
    expect(new KittyError('saas-unavailable', 'x', undefined, { retryable: true }).retryable).toBe(
      true
    )
    expect(new KittyError('saas-unavailable', 'x').retryable).toBe(false)
  })
})
