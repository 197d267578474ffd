import { z } from 'zod'

const provider = z.enum(['jira', 'linear'])
const text = z.string().min(1)

const routing = {
  project_slug: text.optional(),
  binding_ref: text.optional()
}

function oneRoutingKey(body: { project_slug?: string; binding_ref?: string }): boolean {
  return (body.project_slug === undefined) !== (body.binding_ref === undefined)
}

const routingRule = {
  message: 'Send exactly one of binding_ref or project_slug.',
  path: ['binding_ref']
}

/** Body the sandbox accepts on issue-search; unknown keys are refused to catch client drift. */
export const SearchBody = z
  .strictObject({
    provider,
    limit: z.number().int().min(1).max(50).optional(),
    query_text: z.string().optional(),
    query_key: text.optional(),
    ...routing
  })
  .refine(oneRoutingKey, routingRule)
  .refine(body => (body.query_text ?? '').trim() !== '' || body.query_key !== undefined, {
    message: 'Send query_text or query_key.',
    path: ['query_text']
  })
/** A valid search body. */
export type SearchBody = z.infer<typeof SearchBody>

/** Body the sandbox accepts on mission-origin bind (note `external_title` / `external_status`). */
export const BindBody = z
  .strictObject({
    provider,
    mission_id: text,
    mission_slug: text.optional(),
    external_issue_id: text,
    external_issue_key: text,
    external_issue_url: text,
    external_title: z.string(),
    external_status: z.string(),
    ...routing
  })
  .refine(oneRoutingKey, routingRule)
/** A valid bind body. */
export type BindBody = z.infer<typeof BindBody>

/** Payload rules of `MissionOriginBound` from the contract. */
export const MissionOriginBoundPayload = z.looseObject({
  mission_slug: z
    .string()
    .regex(/^(?:\d{3}-[a-z0-9-]+|[a-z0-9]+(?:-[a-z0-9]+)*-[0-9A-HJKMNP-TV-Z]{8})$/),
  mission_id: text,
  provider,
  external_issue_id: text,
  external_issue_key: text,
  external_issue_url: text,
  title: z.string().optional()
})

/** The parts of an event envelope the sandbox checks on every event. */
export const EventHead = z.looseObject({
  event_id: text,
  event_type: text,
  payload: z.record(z.string(), z.unknown())
})

/** The batch body once gunzipped. */
export const EventBatch = z.looseObject({ events: z.array(z.unknown()) })

/** One line per problem, e.g. `limit: Too big: expected number to be <=50`. */
export function describeIssues(error: z.ZodError): string {
  return error.issues
    .map(issue => (issue.path.length > 0 ? `${issue.path.join('.')}: ` : '') + issue.message)
    .join('; ')
}
