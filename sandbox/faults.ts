/** One injected fault; the first matching fault is consumed before the real handler runs. */
export interface FaultSpec {
  /** Exact pathname, or a pattern tested against it; absent matches every path. */
  path?: string | RegExp
  /** HTTP method to match (case-insensitive); absent matches every method. */
  method?: string
  /** How many requests this fault applies to (default 1; `Infinity` for all). */
  times?: number
  /** Status of the canned answer (default 500 when a body or headers are given). */
  status?: number
  /** Canned body: an object is sent as JSON, a string as it is (e.g. an HTML error page). */
  body?: unknown
  /** Extra response headers. */
  headers?: Record<string, string>
  /** Wait this long before answering (alone: then the real handler answers). */
  delayMs?: number
  /** Never answer; the socket stays open until the client gives up or the server closes. */
  hang?: true
  /** Destroy the socket with a TCP reset instead of answering. */
  reset?: true
}

/** What the server does with a request a fault matched. */
export type FaultAction =
  | { kind: 'hang'; delayMs: number }
  | { kind: 'reset'; delayMs: number }
  | {
      kind: 'respond'
      delayMs: number
      status: number
      body: unknown
      headers: Record<string, string>
    }
  | { kind: 'delay'; delayMs: number }

interface ArmedFault {
  spec: FaultSpec
  remaining: number
}

/** The per-test fault queue plus a global latency applied to every request (both sandboxes). */
export class Faults {
  private queue: ArmedFault[] = []

  /** Milliseconds added before every answer. */
  latencyMs = 0

  /** Arms a fault; faults are matched in the order they were added. */
  add(spec: FaultSpec): this {
    this.queue.push({ spec, remaining: spec.times ?? 1 })
    return this
  }

  /** Disarms every fault and resets the latency. */
  clear(): void {
    this.queue = []
    this.latencyMs = 0
  }

  /** How many armed fault uses are left. */
  get pending(): number {
    return this.queue.reduce((sum, fault) => sum + fault.remaining, 0)
  }

  /** Consumes the first fault matching the request, if any. */
  take(method: string, path: string): FaultAction | undefined {
    const index = this.queue.findIndex(fault => matches(fault.spec, method, path))
    const fault = this.queue[index]
    if (fault === undefined) return undefined
    fault.remaining -= 1
    if (fault.remaining <= 0) this.queue.splice(index, 1)
    return toAction(fault.spec)
  }
}

function matches(spec: FaultSpec, method: string, path: string): boolean {
  if (spec.method !== undefined && spec.method.toUpperCase() !== method.toUpperCase()) return false
  if (spec.path === undefined) return true
  return typeof spec.path === 'string' ? spec.path === path : spec.path.test(path)
}

function toAction(spec: FaultSpec): FaultAction {
  const delayMs = spec.delayMs ?? 0
  if (spec.hang === true) return { kind: 'hang', delayMs }
  if (spec.reset === true) return { kind: 'reset', delayMs }
  if (spec.status === undefined && spec.body === undefined && spec.headers === undefined) {
    return { kind: 'delay', delayMs }
  }
  return {
    kind: 'respond',
    delayMs,
    status: spec.status ?? 500,
    body: spec.body,
    headers: spec.headers ?? {}
  }
}
