import { createHash } from 'node:crypto'

/** What makes two binds the same write. */
export interface BindIdentity {
  /** `owner/repo`; compared case-insensitively, as GitHub does. */
  repo: string
  missionId: string
  externalIssueId: string
}

/**
 * The Idempotency-Key of a bind: `kitty-origin-bind-` and 32 hex digits of a SHA-256 over the
 * three parts, JSON-encoded so no choice of values can collide by concatenation.
 */
export function bindIdempotencyKey(identity: BindIdentity): string {
  const material = JSON.stringify([
    identity.repo.toLowerCase(),
    identity.missionId,
    identity.externalIssueId
  ])
  return `kitty-origin-bind-${createHash('sha256').update(material).digest('hex').slice(0, 32)}`
}
