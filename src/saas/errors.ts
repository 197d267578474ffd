import { KittyError } from '../errors.js'
import type { KittyErrorCode } from '../errors.js'
import { ErrorEnvelope } from './wire.js'

/** The SaaS calls kitty-origin makes; errors name the one that failed. */
export type SaasOperation = 'search' | 'bind' | 'events' | 'team'

/** Response headers as undici gives them (names lower-cased). */
export type ResponseHeaders = Record<string, string | string[] | undefined>

const LABEL: Record<SaasOperation, string> = {
  search: 'the issue search',
  bind: 'the mission bind',
  events: 'the event delivery',
  team: 'the team lookup'
}

/** Statuses after which a queued event stays queued (the contract's transient list). */
const EVENTS_TRANSIENT = new Set([401, 403, 408, 429])

const MAX_SERVER_MESSAGE = 200
/** Only the head of a server text is looked at, which keeps the markup patterns linear. */
const SCAN_LIMIT = 4_096

/** The error envelope of a body, or undefined when the body is not a JSON envelope. */
export function parseErrorEnvelope(bodyText: string): ErrorEnvelope | undefined {
  let json: unknown
  try {
    json = JSON.parse(bodyText)
  } catch {
    return undefined
  }
  const parsed = ErrorEnvelope.safeParse(json)
  return parsed.success ? parsed.data : undefined
}

/**
 * Server text made safe for one line of a user message: tags, comments, scripts and control
 * characters removed, whitespace collapsed, capped at 200 characters.
 */
export function sanitiseServerText(text: string, max = MAX_SERVER_MESSAGE): string {
  const plain = text
    .slice(0, SCAN_LIMIT)
    .replace(/<!--[\s\S]*?(?:-->|$)/g, ' ')
    .replace(/<(script|style)\b[\s\S]*?(?:<\/\1\s*>|$)/gi, ' ')
    .replace(/<[a-z/!?][^>]*(?:>|$)/gi, ' ')
    .replace(/[\p{Cc}\p{Cf}]/gu, ' ')
    .replace(/\s+/g, ' ')
    .replace(/ ([.,;:!?])/g, '$1')
    .trim()
  return plain.length <= max ? plain : `${plain.slice(0, max - 1).trimEnd()}…`
}

/** The text ending in a full stop unless it already ends a sentence. */
export function sentence(text: string): string {
  return /[.!?…]$/.test(text) ? text : `${text}.`
}

/** The first value of a response header. */
export function headerValue(headers: ResponseHeaders, name: string): string | undefined {
  const value = headers[name]
  return Array.isArray(value) ? value[0] : value
}

/** The seconds a 429 asks to wait, from the body or a numeric Retry-After header. */
export function retryAfterSeconds(
  envelope: ErrorEnvelope | undefined,
  headers: ResponseHeaders
): number | undefined {
  const fromBody = envelope?.retry_after_seconds
  if (typeof fromBody === 'number' && Number.isFinite(fromBody) && fromBody >= 0) return fromBody
  const value = headerValue(headers, 'retry-after')
  if (value === undefined || !/^\s*\d+(\.\d+)?\s*$/.test(value)) return undefined
  return Number(value)
}

function protocolMessage(code: string | undefined, guidance: string): string {
  const base = protocolSentence(code)
  return guidance === '' ? base : `${base} The SaaS says: ${sentence(guidance)}`
}

function protocolSentence(code: string | undefined): string {
  if (code === 'client-too-old') {
    return 'The Spec Kitty SaaS needs a newer event protocol than this kitty-origin sends (client-too-old); upgrade kitty-origin.'
  }
  if (code === 'client-too-new') {
    return 'The Spec Kitty SaaS does not accept this kitty-origin’s event protocol yet (client-too-new); pin an older kitty-origin until the SaaS is updated.'
  }
  return `The Spec Kitty SaaS refused the event protocol (${code ?? 'HTTP 412'}).`
}

interface Classified {
  code: KittyErrorCode
  message: string
  transient: boolean
}

function classify(
  status: number,
  envelope: ErrorEnvelope | undefined,
  headers: ResponseHeaders,
  operation: SaasOperation,
  saasCode: string | undefined
): Classified {
  const label = LABEL[operation]
  const serverMessage = sanitiseServerText(envelope?.message ?? '') || `HTTP ${status}`
  if ((status === 401 || status === 403) && envelope?.user_action_required === true) {
    return {
      code: 'saas-identity-unlinked',
      message:
        'Your Jira/Linear account is not linked to Spec Kitty; link it in the Spec Kitty dashboard and run again.',
      transient: false
    }
  }
  if (status === 401) {
    return {
      code: 'saas-unauthorized',
      message:
        'The Spec Kitty SaaS rejected the token: it is missing, expired or revoked. Rotate it: put a new long-lived Spec Kitty API credential in the `saas-token` secret (a `spec-kitty auth login` token expires within about an hour) and run again.',
      transient: false
    }
  }
  if (status === 403) {
    return {
      code: 'saas-forbidden',
      message: `The Spec Kitty SaaS refused ${label} for this team; check the \`team-slug\` input and that the token belongs to a member of that team.`,
      transient: false
    }
  }
  if (status === 404) {
    return {
      code: 'saas-no-mapping',
      message:
        'No resource mapping found in Spec Kitty for this tracker binding; check `tracker` in `.kittify/config.yaml` or run `spec-kitty tracker bind`.',
      transient: false
    }
  }
  if (status === 409 && operation === 'bind') {
    return {
      code: 'saas-origin-conflict',
      message:
        'A different ticket is already bound to this mission in Spec Kitty; nothing was written.',
      transient: false
    }
  }
  if (status === 412 && operation === 'events') {
    return {
      code: 'saas-protocol-mismatch',
      message: protocolMessage(saasCode, sanitiseServerText(envelope?.message ?? '')),
      transient: false
    }
  }
  if (status === 422) {
    return {
      code: 'saas-invalid-query',
      message: sentence(`The Spec Kitty SaaS rejected ${label}: ${serverMessage}`),
      transient: false
    }
  }
  if (status === 429) {
    const seconds = retryAfterSeconds(envelope, headers)
    const when = seconds === undefined ? 'in a few seconds' : `in ${Math.ceil(seconds)} s`
    return {
      code: 'saas-rate-limited',
      message: `The Spec Kitty SaaS rate limited ${label}; try again ${when}.`,
      transient: true
    }
  }
  if (status === 408) {
    return {
      code: 'saas-timeout',
      message: `The Spec Kitty SaaS timed out on ${label} (HTTP 408); try again later.`,
      transient: true
    }
  }
  if (status >= 500) {
    return {
      code: 'saas-unavailable',
      message: `The Spec Kitty SaaS is unavailable (HTTP ${status}); try again later.`,
      transient: true
    }
  }
  return {
    code: 'saas-error',
    message: sentence(`The Spec Kitty SaaS refused ${label}: ${serverMessage}`),
    transient: false
  }
}

/**
 * The KittyError for a non-2xx SaaS answer: one user sentence per row of the contract's error
 * table, the SaaS's own code (`error_category` or else `error_code`) kept in `detail` for the log.
 * Events also count 401/403 as retryable, so a queued event stays queued.
 */
export function saasErrorFrom(
  status: number,
  headers: ResponseHeaders,
  bodyText: string,
  operation: SaasOperation
): KittyError {
  const envelope = parseErrorEnvelope(bodyText)
  const rawCode = envelope?.error_category ?? envelope?.error_code ?? undefined
  const saasCode = rawCode === undefined ? undefined : sanitiseServerText(rawCode, 64)
  const { code, message, transient } = classify(status, envelope, headers, operation, saasCode)
  const retryable = transient || (operation === 'events' && EVENTS_TRANSIENT.has(status))
  const serverMessage = sanitiseServerText(envelope?.message ?? '')
  const detail = [
    `operation=${operation}`,
    `status=${status}`,
    saasCode === undefined ? undefined : `saas_code=${saasCode}`,
    serverMessage === '' ? undefined : `message=${JSON.stringify(serverMessage)}`
  ]
    .filter(part => part !== undefined)
    .join(' ')
  return new KittyError(code, message, detail, { retryable })
}

/** How a request failed before any answer arrived. */
export type TransportFailure = { kind: 'timeout' } | { kind: 'network'; detail: string }

/** A duration for a user sentence: `10 s`, `0.3 s`. */
export function seconds(ms: number): string {
  return `${Number((ms / 1000).toFixed(1))} s`
}

function nextStep(operation: SaasOperation): string {
  return operation === 'bind' ? 'run the step again, it is safe to repeat' : 'try again later'
}

/** The retryable KittyError for a request that timed out or never reached the SaaS. */
export function transportError(
  failure: TransportFailure,
  operation: SaasOperation,
  deadlineMs: number
): KittyError {
  if (failure.kind === 'timeout') {
    return new KittyError(
      'saas-timeout',
      `The Spec Kitty SaaS did not answer ${LABEL[operation]} within ${seconds(deadlineMs)}; ${nextStep(operation)}.`,
      `operation=${operation} timeout`,
      { retryable: true }
    )
  }
  return new KittyError(
    'saas-unavailable',
    `Could not reach the Spec Kitty SaaS for ${LABEL[operation]}; check the network and ${nextStep(operation)}.`,
    `operation=${operation} network: ${failure.detail}`,
    { retryable: true }
  )
}

/** The KittyError for a 2xx answer whose body does not have the contract's shape. */
export function badResponse(operation: SaasOperation, detail: string): KittyError {
  return new KittyError(
    'saas-bad-response',
    `The Spec Kitty SaaS sent an answer to ${LABEL[operation]} that kitty-origin cannot read; try again later or report it.`,
    `operation=${operation} ${detail}`
  )
}
