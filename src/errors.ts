/**
 * Every failure kitty-origin reports to a person: a stable `code` for outputs and logs, and one
 * sentence (`message`) that says what happened and what to do, in which backticks mark code
 * (see chatops/message.ts). `detail` is for the log only.
 */
export type KittyErrorCode =
  | RefusalCode
  | 'input-invalid'
  | 'tracker-not-bound'
  | 'tracker-provider-unsupported'
  | 'tracker-config-invalid'
  | 'tracker-egress-refused'
  | 'saas-team-unresolved'
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
  | 'ticket-refused'
  | 'mission-invalid'
  | 'mission-exists'
  | 'github-error'
  | 'internal'

/**
 * A person's mistake: a command that was understood but cannot be done as asked. It is refused
 * (a 😕 reply and a successful run), not failed: the repository's owners have nothing to fix.
 */
export const REFUSAL_CODES = [
  'command-invalid',
  'candidate-not-listed',
  'list-not-found',
  'list-expired',
  'list-cancelled',
  'list-consumed',
  'not-requester'
] as const

/** The code of a refusal. */
export type RefusalCode = (typeof REFUSAL_CODES)[number]

/** True when `error` refuses a person's request rather than failing the run. */
export function isRefusal(error: KittyError): boolean {
  return (REFUSAL_CODES as readonly string[]).includes(error.code)
}

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
