/**
 * The domain-level arguments and answers of the SaaS client: what its callers hand it and get
 * back. The wire shapes (request bodies, paths, headers, response schemas) stay inside `saas/`.
 */

/** Trackers that can be a mission's origin. */
export type TrackerProvider = 'jira' | 'linear'

/** Where the tracker binding routes a call: `bindingRef` wins over `projectSlug` on the wire. */
export interface TrackerRoute {
  provider: TrackerProvider
  projectSlug?: string | undefined
  bindingRef?: string | undefined
}

/**
 * What a search asks: free text, or a ticket key (sent as `query_key` and as `query_text`).
 * The caller decides which; the client never re-detects a key in free text.
 */
export type IssueQuery = { kind: 'key'; key: string } | { kind: 'text'; text: string }

/** One ticket the SaaS offers as a possible origin; every string is one clean line but `body`. */
export interface Ticket {
  external_issue_id: string
  external_issue_key: string
  title: string
  /** Empty when the SaaS gave none. */
  status: string
  /** An `https:` or `http:` URL. */
  url: string
  match_type: 'exact' | 'text'
  /** The ticket's description (markdown), when the SaaS sent one. */
  body?: string
}

/** A ticket of a SaaS answer that was left out, with why (one line each, for people). */
export interface LeftOutTicket {
  /** The ticket's key as far as it can be shown, or `(no key)`. */
  key: string
  reason: string
}

/** The candidates of a search and the tracker resource they were found in. */
export interface IssueSearchAnswer {
  candidates: Ticket[]
  /** Candidates the SaaS sent that cannot be an origin (bad URL, no id or key, over-long). */
  leftOut: LeftOutTicket[]
  resourceType: string | null
  resourceId: string | null
}

/** The mission a bind is for; `repo` (`owner/name`) is part of the idempotency key. */
export interface BindMission {
  repo: string
  missionId: string
  missionSlug: string
}

/** The ticket a bind records (the fields of a {@link Ticket} the bind sends). */
export type BindTicket = Pick<
  Ticket,
  'external_issue_id' | 'external_issue_key' | 'url' | 'title' | 'status'
>

/** A successful bind. The SaaS may leave out its link id and time; any 2xx but 202 is success. */
export interface BindAnswer {
  originLinkId: string | null
  boundAt: string | null
  alreadyBound: boolean
}

/** The tracker calls, in the domain's terms; the client builds the wire (bodies, paths, routing, idempotency key). */
export interface TrackerCalls {
  /** Candidates for a query; fails with a clear KittyError within the search deadline. */
  searchIssues(route: TrackerRoute, query: IssueQuery, limit: number): Promise<IssueSearchAnswer>
  /** The authoritative write; a same-origin re-bind is a success too. */
  bindMissionOrigin(
    route: TrackerRoute,
    mission: BindMission,
    ticket: BindTicket
  ): Promise<BindAnswer>
}

/** An event to send: any JSON object with its id (the envelope is the events layer's). */
export interface OutgoingEvent {
  event_id: string
}

/** The outcomes the SaaS gives an event. */
export const EVENT_STATUSES = [
  'success',
  'accepted',
  'duplicate',
  'warning',
  'pending',
  'queued',
  'rejected'
] as const

/** One event's outcome at the SaaS. */
export interface EventResult {
  event_id: string
  status: (typeof EVENT_STATUSES)[number]
  error?: string | null | undefined
  /** `error_category`, else `category`, else `code` of a rejection, when the SaaS gave one. */
  category?: string | undefined
}

/** A team the token's user belongs to, as `GET /api/v1/me` lists it. */
export interface SaasTeam {
  id: string
  name: string
  isPrivateTeamspace: boolean
}
