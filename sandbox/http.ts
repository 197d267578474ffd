/** Plumbing both sandbox servers share: request reading, timers they can cancel, faults, close. */
import type { IncomingMessage, Server, ServerResponse } from 'node:http'
import type { FaultAction } from './faults.js'

/** Header names lower-cased, repeated headers joined. */
export function lowerHeaders(message: IncomingMessage): Record<string, string> {
  const headers: Record<string, string> = {}
  for (const [name, value] of Object.entries(message.headers)) {
    if (value !== undefined) headers[name] = Array.isArray(value) ? value.join(', ') : value
  }
  return headers
}

/** The whole request body. */
export async function readBody(message: IncomingMessage): Promise<Buffer> {
  const chunks: Buffer[] = []
  for await (const chunk of message) chunks.push(chunk as Buffer)
  return Buffer.concat(chunks)
}

/** Delays that end early when the server closes, so no test waits on a hung answer. */
export class Timers {
  private readonly pending = new Set<NodeJS.Timeout>()

  /** Resolves after `ms` (at once for 0 or less). */
  wait(ms: number): Promise<void> {
    if (ms <= 0) return Promise.resolve()
    return new Promise(resolve => {
      const timer = setTimeout(() => {
        this.pending.delete(timer)
        resolve()
      }, ms)
      this.pending.add(timer)
    })
  }

  /** Cancels every pending delay. */
  clear(): void {
    for (const timer of this.pending) clearTimeout(timer)
    this.pending.clear()
  }
}

/**
 * Plays a fault on a response; true when the real handler should still answer (a pure delay).
 * `respond` sends a canned answer in the server's own format.
 */
export async function playFault(
  fault: FaultAction,
  response: ServerResponse,
  timers: Timers,
  respond: (answer: { status: number; body: unknown; headers: Record<string, string> }) => void
): Promise<boolean> {
  await timers.wait(fault.delayMs)
  if (fault.kind === 'hang') return false
  if (fault.kind === 'reset') {
    response.socket?.resetAndDestroy()
    return false
  }
  if (fault.kind === 'respond') {
    respond({ status: fault.status, body: fault.body, headers: fault.headers })
    return false
  }
  return true
}

/** Stops a sandbox server at once: pending delays end, open and hung connections are closed. */
export async function closeServer(server: Server, timers: Timers): Promise<void> {
  timers.clear()
  server.closeAllConnections()
  await new Promise<void>(resolve => {
    server.close(() => {
      resolve()
    })
  })
}
