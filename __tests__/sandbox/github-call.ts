import { fetch } from 'undici'
import type { SandboxGitHub } from '../../sandbox/github/server.js'

/** What a raw call to the sandbox answered. */
export interface RawAnswer {
  status: number
  link: string | null
  body: unknown
}

/** Calls the sandbox over HTTP with its token (or another, or none), sending `body` as JSON. */
export async function call(
  sandbox: SandboxGitHub,
  method: string,
  path: string,
  body?: unknown,
  token: string | null = sandbox.token
): Promise<RawAnswer> {
  const headers: Record<string, string> = { accept: 'application/vnd.github+json' }
  if (token !== null) headers.authorization = `token ${token}`
  if (body !== undefined) headers['content-type'] = 'application/json'
  const response = await fetch(`${sandbox.url}${path}`, {
    method,
    headers,
    body: body === undefined ? undefined : typeof body === 'string' ? body : JSON.stringify(body)
  })
  const text = await response.text()
  return {
    status: response.status,
    link: response.headers.get('link'),
    body: text === '' ? undefined : (JSON.parse(text) as unknown)
  }
}

/** The value at a dotted path (`object.sha`, `0.id`) of a JSON body. */
export function at(body: unknown, path: string): unknown {
  let current = body
  for (const key of path.split('.')) {
    current =
      current !== null && typeof current === 'object'
        ? (current as Record<string, unknown>)[key]
        : undefined
  }
  return current
}

/** The string at a dotted path; throws when it is not a string. */
export function text(body: unknown, path: string): string {
  const value = at(body, path)
  if (typeof value !== 'string') throw new Error(`${path} is not a string: ${String(value)}`)
  return value
}

/** The number at a dotted path; throws when it is not a number. */
export function count(body: unknown, path: string): number {
  const value = at(body, path)
  if (typeof value !== 'number') throw new Error(`${path} is not a number: ${String(value)}`)
  return value
}
