import { KittyError } from '../errors.js'

function invalid(detail: string): KittyError {
  return new KittyError(
    'input-invalid',
    'The Spec Kitty SaaS URL must be an http(s) address such as https://spec-kitty.example.com.',
    detail
  )
}

/** Scheme + host[:port] of a SaaS URL: path, query, fragment and trailing slash dropped. */
export function normaliseBaseUrl(raw: string): string {
  let url: URL
  try {
    url = new URL(raw.trim())
  } catch {
    throw invalid('not a URL')
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') {
    throw invalid(`unsupported scheme ${url.protocol}`)
  }
  if (url.username !== '' || url.password !== '') throw invalid('credentials in the URL')
  return `${url.protocol}//${url.host}`
}
