import { describe, expect, it } from '@jest/globals'
import { KittyError } from '../../src/errors.js'
import { normaliseBaseUrl } from '../../src/saas/url.js'

describe('normaliseBaseUrl', () => {
  it.each([
    ['https://spec-kitty.example.com', 'https://spec-kitty.example.com'],
    ['https://spec-kitty.example.com/', 'https://spec-kitty.example.com'],
    ['  https://Spec-Kitty.Example.com/api/v1/?x=1#top ', 'https://spec-kitty.example.com'],
    ['http://127.0.0.1:8080/', 'http://127.0.0.1:8080'],
    ['https://saas.example.com:443/', 'https://saas.example.com'],
    ['http://[::1]:3000', 'http://[::1]:3000']
  ])('turns %j into %j', (raw, expected) => {
    expect(normaliseBaseUrl(raw)).toBe(expected)
  })

  it.each([
    ['', 'not a URL'],
    ['spec-kitty.example.com', 'not a URL'],
    ['ftp://spec-kitty.example.com', 'unsupported scheme ftp:'],
    ['file:///etc/passwd', 'unsupported scheme file:'],
    ['https://user:secret@spec-kitty.example.com', 'credentials in the URL']
  ])('refuses %j (%s)', (raw, detail) => {
    let caught: unknown
    try {
      normaliseBaseUrl(raw)
    } catch (error) {
      caught = error
    }
    expect(caught).toBeInstanceOf(KittyError)
    expect((caught as KittyError).code).toBe('input-invalid')
    expect((caught as KittyError).detail).toBe(detail)
    expect((caught as KittyError).message).not.toContain('secret')
  })
})
