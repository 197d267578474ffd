import { isNativeError } from 'node:util/types'
import type { ResponseHeaders, TransportFailure } from './errors.js'

/** Where and as whom kitty-origin talks to the SaaS; the headers go on every request. */
export interface SaasTransport {
  baseUrl: string
  headers: Readonly<Record<string, string>>
  /** The fetch to send with (a proxy's, a test's); the global one when absent. */
  fetch?: typeof globalThis.fetch
  /** The token; blanked out of every answer, so a server that echoes it cannot leak it onward. */
  secret?: string
}

/** One HTTP exchange: method, path (ending in `/`), optional body and the time it may take. */
export interface Exchange {
  method: 'GET' | 'POST'
  path: string
  /** Serialised as JSON with `Content-Type: application/json`. */
  json?: unknown
  /** A ready body (e.g. gzip); the caller sets Content-Type and Content-Encoding. */
  raw?: Buffer
  headers?: Readonly<Record<string, string>>
  timeoutMs: number
}

/** An answer with its status, headers and body text. */
export interface HttpResponse {
  kind: 'response'
  status: number
  headers: ResponseHeaders
  bodyText: string
}

/** True for a 2xx status. */
export function isSuccess(status: number): boolean {
  return status >= 200 && status < 300
}

/** `text` with every occurrence of `secret` replaced by `***`. */
export function redact(text: string, secret: string | undefined): string {
  return secret === undefined || secret === '' ? text : text.split(secret).join('***')
}

/** An answer, or how the request failed without one. */
export type HttpOutcome = HttpResponse | TransportFailure

function errorCode(error: unknown): string | undefined {
  const code: unknown = Reflect.get(Object(error), 'code')
  return typeof code === 'string' ? code : undefined
}

/**
 * fetch rejects with `TypeError: fetch failed` and the socket's error as its `cause`
 * (`isNativeError`, unlike `instanceof`, also holds for an error of another realm).
 */
function causeOf(error: unknown): Error | undefined {
  const cause: unknown = Reflect.get(Object(error), 'cause')
  return isNativeError(cause) ? cause : undefined
}

/** undici's own deadlines (a dispatcher's headers or body timeout) are timeouts too. */
const TIMEOUT_CODES = new Set(['UND_ERR_HEADERS_TIMEOUT', 'UND_ERR_BODY_TIMEOUT'])

function isTimeout(error: unknown, signal: AbortSignal): boolean {
  if (signal.aborted) return true
  const code = errorCode(error) ?? errorCode(causeOf(error))
  return code !== undefined && TIMEOUT_CODES.has(code)
}

/** e.g. `ECONNREFUSED TypeError: fetch failed (Error: connect ECONNREFUSED 127.0.0.1:9)`. */
function errorDetail(error: unknown): string {
  const cause = causeOf(error)
  const code = errorCode(error) ?? errorCode(cause)
  const text = cause === undefined ? String(error) : `${String(error)} (${String(cause)})`
  return code === undefined ? text : `${code} ${text}`
}

/** fetch gives the names lower-cased already. */
function headersOf(headers: Headers): ResponseHeaders {
  const record: ResponseHeaders = {}
  headers.forEach((value, name) => {
    record[name] = value
  })
  return record
}

/**
 * Sends one request with the transport's fetch. The whole exchange, body included, is cut off
 * after `timeoutMs`, so a server that hangs cannot hang the caller. Never throws.
 */
export async function exchange(transport: SaasTransport, call: Exchange): Promise<HttpOutcome> {
  const signal = AbortSignal.timeout(Math.max(1, Math.floor(call.timeoutMs)))
  const headers: Record<string, string> = { ...transport.headers }
  let body: string | Buffer | undefined = call.raw
  if (call.json !== undefined) {
    headers['Content-Type'] = 'application/json'
    body = JSON.stringify(call.json)
  }
  Object.assign(headers, call.headers)
  const send = transport.fetch ?? globalThis.fetch
  try {
    const response = await send(`${transport.baseUrl}${call.path}`, {
      method: call.method,
      headers,
      body,
      signal,
      // A redirect is answered as the error it is, never followed with the token and the body.
      redirect: 'manual'
    })
    const bodyText = redact(await response.text(), transport.secret)
    return {
      kind: 'response',
      status: response.status,
      headers: headersOf(response.headers),
      bodyText
    }
  } catch (error) {
    if (isTimeout(error, signal)) return { kind: 'timeout' }
    return { kind: 'network', detail: errorDetail(error) }
  }
}
