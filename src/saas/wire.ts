/**
 * The wire shapes of the Spec Kitty SaaS (`contract/saas-api.md`), read as leniently as
 * spec-kitty's own client reads them. Only `saas/` imports this module.
 */
import { z } from 'zod'
import { EVENT_STATUSES } from './types.js'
import type { TrackerProvider } from './types.js'

/** The routing key on the wire: `binding_ref` when the binding has one, else `project_slug`. */
export type RoutingKey = { binding_ref: string } | { project_slug: string }

/** Body of `POST /api/v1/tracker/issue-search/` (absent keys are omitted). */
export type IssueSearchBody = {
  provider: TrackerProvider
  limit: number
  query_key?: string
  query_text: string
} & RoutingKey

/** Body of `POST /api/v1/tracker/mission-origin/bind/` (`external_title`, `external_status`). */
export type BindBody = {
  provider: TrackerProvider
  mission_id: string
  external_issue_id: string
  external_issue_key: string
  external_issue_url: string
  external_title: string
  external_status: string
  mission_slug: string
} & RoutingKey

/** A JSON object, or undefined for anything else (null, an array, a scalar). */
export function objectOf(value: unknown): Record<string, unknown> | undefined {
  return typeof value === 'object' && value !== null && !Array.isArray(value)
    ? (value as Record<string, unknown>)
    : undefined
}

/** 202 body of an asynchronous bind: the operation to poll is required. */
export const AcceptedOperation = z.looseObject({
  operation_id: z.union([z.string().min(1), z.number()]).transform(String)
})

/** The SaaS error envelope of any non-2xx answer (all keys optional, wrong types ignored). */
export const ErrorEnvelope = z.object({
  error_code: z.string().nullish().catch(undefined),
  error_category: z.string().nullish().catch(undefined),
  message: z.string().nullish().catch(undefined),
  retryable: z.boolean().nullish().catch(undefined),
  user_action_required: z.boolean().nullish().catch(undefined),
  retry_after_seconds: z.number().nullish().catch(undefined),
  operation_id: z.string().nullish().catch(undefined)
})
/** A parsed error envelope. */
export type ErrorEnvelope = z.infer<typeof ErrorEnvelope>

const optionalText = z.string().nullish().catch(undefined)

/** One per-event outcome of the events batch. */
export const WireEventResult = z.looseObject({
  event_id: z.string(),
  status: z.enum(EVENT_STATUSES),
  error: optionalText,
  error_category: optionalText,
  category: optionalText,
  code: optionalText
})

/** 200 (or 400 with per-event rejections) body of the events batch. */
export const EventBatchResponse = z.looseObject({ results: z.array(WireEventResult) })

/** `GET /api/v1/me`: the teams of the token's user (a missing list is an empty one). */
export const MeResponse = z.looseObject({
  teams: z
    .array(
      z.looseObject({
        id: z.union([z.string(), z.number()]).transform(String),
        name: z.string().nullish().catch(undefined),
        is_private_teamspace: z.boolean().nullish().catch(undefined)
      })
    )
    .nullish()
})
