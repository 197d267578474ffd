import { z } from 'zod'

/** Trackers that can be a mission's origin. */
export const Provider = z.enum(['jira', 'linear'])
/** `jira` or `linear`. */
export type Provider = z.infer<typeof Provider>

const nonEmpty = z.string().min(1)

/** The `origin_ticket` block of meta.json: exactly seven non-empty strings. */
export const OriginTicket = z.strictObject({
  external_issue_id: nonEmpty,
  external_issue_key: nonEmpty,
  external_issue_url: nonEmpty,
  provider: Provider,
  resource_id: nonEmpty,
  resource_type: nonEmpty,
  title: nonEmpty
})
/** The provenance recorded in meta.json. */
export type OriginTicket = z.infer<typeof OriginTicket>

/** The ticket fields a new mission's files use (a search candidate has them all). */
export interface MissionTicket {
  external_issue_key: string
  title: string
  status: string
  url: string
  /** The ticket's description, when the tracker sent one. */
  body?: string | undefined
}
