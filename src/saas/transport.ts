import { request } from 'undici'
import type { Dispatcher } from 'undici'
import type { ResponseHeaders, TransportFailure } from './errors.js'

/** Where and as whom kitty-origin talks to the SaaS; the headers go on every request. */
export interface SaasTransport {
  baseUrl: string
  headers: Readonly<Record<string, string>>
  dispatcher?: Dispatcher
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

function errorDetail(error: unknown): string {
  const code = errorCode(error)
  return code === undefined ? String(error) : `${code} ${String(error)}`
}

/**
 * Sends one request through undici. The whole exchange, body included, is cut off after
 * `timeoutMs`, so a server that hangs cannot hang the caller. Never throws.
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
  try {
    const response = await request(`${transport.baseUrl}${call.path}`, {
      method: call.method,
      headers,
      body,
      signal,
      dispatcher: transport.dispatcher
    })
    const bodyText = redact(await response.body.text(), transport.secret)
    return { kind: 'response', status: response.statusCode, headers: response.headers, bodyText }
  } catch (error) {
    if (signal.aborted) return { kind: 'timeout' }
    const code = errorCode(error)
    if (code === 'UND_ERR_HEADERS_TIMEOUT' || code === 'UND_ERR_BODY_TIMEOUT') {
      return { kind: 'timeout' }
    }
    return { kind: 'network', detail: errorDetail(error) }
  }
}
