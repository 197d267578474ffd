/** What a sandbox handler answers: a status, a JSON body and extra headers. */
export interface Reply {
  status: number
  body: unknown
  headers?: Record<string, string>
}

/** Optional parts of the SaaS error envelope. */
export interface EnvelopeExtras {
  error_category?: string
  retryable?: boolean
  user_action_required?: boolean
  retry_after_seconds?: number
  operation_id?: string
}

/** An error reply in the SaaS error envelope. */
export function errorReply(
  status: number,
  error_code: string,
  message: string,
  extras: EnvelopeExtras = {}
): Reply {
  return {
    status,
    body: { error_code, message, retryable: false, user_action_required: false, ...extras }
  }
}

/** The answer of a routing key that reaches no resource. */
export function noMapping(route: {
  provider: string
  project_slug?: string
  binding_ref?: string
}): Reply {
  const key =
    route.binding_ref === undefined
      ? `project_slug ${route.project_slug ?? ''}`
      : `binding_ref ${route.binding_ref}`
  return errorReply(
    404,
    'resource_mapping_not_found',
    `No resource mapping found for ${route.provider} ${key}.`,
    {
      error_category: 'not_found'
    }
  )
}
