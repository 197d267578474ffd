import { z } from 'zod'
import { OriginCandidate, Provider } from '../origin/models.js'
import type { Routing } from '../origin/models.js'

/** Body of `POST /api/v1/tracker/issue-search/` (absent keys are omitted on the wire). */
export type IssueSearchRequest = {
  provider: Provider
  limit: number
  query_text: string
  query_key?: string
} & Routing

/** 200 body of the issue search; unknown keys are stripped. */
export const IssueSearchResponse = z.object({
  candidates: z.array(OriginCandidate),
  resource_type: z.string().nullish(),
  resource_id: z.string().nullish()
})
/** A validated issue-search response. */
export type IssueSearchResponse = z.infer<typeof IssueSearchResponse>

/** Body of `POST /api/v1/tracker/mission-origin/bind/`. */
export type BindRequest = {
  provider: Provider
  mission_id: string
  mission_slug: string
  external_issue_id: string
  external_issue_key: string
  external_issue_url: string
  external_title: string
  external_status: string
} & Routing

/** A completed bind (200, or a finished 202 operation's `result`). */
export const BindResponse = z.object({
  origin_link_id: z.string().min(1),
  bound_at: z.string().min(1),
  already_bound: z.boolean().optional()
})
/** A validated bind result. */
export type BindResponse = z.infer<typeof BindResponse>

/** 202 body of an asynchronous bind. */
export const AcceptedOperation = z.object({ operation_id: z.string().min(1) })

/** `GET /api/v1/tracker/operations/{id}/` body. */
export const OperationStatus = z.object({
  status: z.enum(['pending', 'running', 'completed', 'failed']),
  result: z.unknown().optional(),
  error: z.looseObject({ message: z.string().optional() }).nullish()
})

/** The SaaS error envelope of any non-2xx answer (all keys optional). */
export const ErrorEnvelope = z.object({
  error_code: z.string().nullish(),
  error_category: z.string().nullish(),
  message: z.string().nullish(),
  retryable: z.boolean().nullish(),
  user_action_required: z.boolean().nullish(),
  retry_after_seconds: z.number().nullish(),
  operation_id: z.string().nullish()
})
/** A parsed error envelope. */
export type ErrorEnvelope = z.infer<typeof ErrorEnvelope>

/** `MissionOriginBound` payload: six required non-empty strings plus the title. */
export interface MissionOriginBoundPayload {
  mission_slug: string
  mission_id: string
  provider: Provider
  external_issue_id: string
  external_issue_key: string
  external_issue_url: string
  title: string
}

/** The event envelope sent to `POST /api/v1/events/batch/` (sync protocol 2.0). */
export interface EventEnvelope {
  event_id: string
  event_type: 'MissionOriginBound'
  aggregate_type: 'Mission'
  aggregate_id: string
  schema_version: '3.0.0'
  build_id: string
  payload: MissionOriginBoundPayload
  node_id: string
  lamport_clock: number
  causation_id: string | null
  correlation_id: string
  timestamp: string
  team_slug: string | null
  project_uuid: string | null
  project_slug: string | null
  git_branch: string
  head_commit_sha: string
  repo_slug: string
}

/** Per-event delivery outcome from the events endpoint. */
export const EventResult = z.object({
  event_id: z.string(),
  status: z.enum(['success', 'accepted', 'duplicate', 'warning', 'pending', 'queued', 'rejected']),
  error: z.string().nullish()
})
/** One event's outcome. */
export type EventResult = z.infer<typeof EventResult>

/** 200 body of the events batch. */
export const EventBatchResponse = z.object({ results: z.array(EventResult) })
