/**
 * Every failure kitty-origin reports to a person: a stable `code` for outputs and logs, and one
 * sentence (`message`) that says what happened and what to do. `detail` is for the log only.
 */
export type KittyErrorCode =
  | 'input-invalid'
  | 'tracker-not-bound'
  | 'tracker-provider-unsupported'
  | 'tracker-config-invalid'
  | 'saas-unauthorized'
  | 'saas-identity-unlinked'
  | 'saas-forbidden'
  | 'saas-no-mapping'
  | 'saas-origin-conflict'
  | 'saas-invalid-query'
  | 'saas-rate-limited'
  | 'saas-unavailable'
  | 'saas-timeout'
  | 'saas-bad-response'
  | 'saas-operation-failed'
  | 'saas-protocol-mismatch'
  | 'saas-error'
  | 'ticket-not-found'
  | 'ticket-changed'
  | 'mission-invalid'
  | 'mission-exists'
  | 'github-error'
  | 'internal'

/** The one error type of kitty-origin: a code, a user-facing sentence, optional log detail. */
export class KittyError extends Error {
  override readonly name = 'KittyError'

  constructor(
    readonly code: KittyErrorCode,
    message: string,
    readonly detail?: string,
    options?: { cause?: unknown; retryable?: boolean }
  ) {
    super(message, options?.cause === undefined ? undefined : { cause: options.cause })
    this.retryable = options?.retryable ?? false
  }

  /** True when the same call may succeed if tried again (transient network or server trouble). */
  readonly retryable: boolean
}

/** Turns anything thrown into a KittyError without leaking raw bodies or stacks to users. */
export function toKittyError(error: unknown): KittyError {
  if (error instanceof KittyError) return error
  const detail = error instanceof Error ? error.message : String(error)
  return new KittyError(
    'internal',
    'kitty-origin hit an unexpected error; see the run log.',
    detail,
    {
      cause: error
    }
  )
}
