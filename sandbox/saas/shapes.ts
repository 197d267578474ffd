/**
 * The lenient answer shapes a real SaaS may send and spec-kitty's client accepts, switchable
 * per test on a running sandbox (`sandbox.shapes`). The default is the contract's full shape.
 */

/** Which of the accepted shapes the sandbox answers in. */
export interface SaasShapes {
  /** 200 bind body: full, `{origin_link_id}` only, `{}`, JSON `null`, or a plain-text body. */
  bind?: 'full' | 'link-only' | 'empty' | 'null' | 'text'
  /** A completed operation: with `result`, or the link keys in the body itself. */
  operationResult?: 'result' | 'whole-body'
  /** A failed operation's `error`: an object with `message`, a plain string, or absent. */
  operationError?: 'object' | 'string' | 'absent'
  /** Search candidates: `body: null`, `status: null`, `match_type` null or unknown. */
  candidates?: {
    nullBody?: boolean
    nullStatus?: boolean
    matchType?: 'omit' | 'null' | 'unknown'
  }
  /** Leave the `candidates` key out of the search answer. */
  omitCandidates?: boolean
  /** Refuse every event with this `error_category` (e.g. `project_not_admitted`). */
  eventRefusal?: string
}

/** A bind's 200 body in the chosen shape. */
export function bindBodyIn(
  shape: SaasShapes['bind'],
  full: Record<string, unknown>
): Record<string, unknown> | string | null {
  switch (shape) {
    case 'link-only':
      return { origin_link_id: full.origin_link_id }
    case 'empty':
      return {}
    case 'null':
      return null
    case 'text':
      return 'bound'
    default:
      return full
  }
}

/** A candidate in the chosen shape. */
export function candidateIn(
  shapes: SaasShapes['candidates'],
  candidate: Record<string, unknown>
): Record<string, unknown> {
  const shaped: Record<string, unknown> = { ...candidate }
  if (shapes?.nullBody === true) shaped.body = null
  if (shapes?.nullStatus === true) shaped.status = null
  if (shapes?.matchType === 'omit') delete shaped.match_type
  if (shapes?.matchType === 'null') shaped.match_type = null
  if (shapes?.matchType === 'unknown') shaped.match_type = 'fuzzy'
  return shaped
}
