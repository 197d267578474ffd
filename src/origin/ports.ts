import type {
  BindAnswer,
  BindMission,
  BindTicket,
  IssueQuery,
  IssueSearchAnswer,
  TrackerRoute
} from '../saas/types.js'

/**
 * The SaaS calls the service layer makes, in domain terms (implemented by src/saas, which builds
 * the wire: bodies, paths, routing keys, the idempotency key).
 */
export interface SaasPort {
  searchIssues(route: TrackerRoute, query: IssueQuery, limit: number): Promise<IssueSearchAnswer>
  bindMissionOrigin(
    route: TrackerRoute,
    mission: BindMission,
    ticket: BindTicket
  ): Promise<BindAnswer>
}

/** What a search asks: a ticket key or free text, exactly as the person typed it. */
export type OriginQueryText = IssueQuery

/** Reads the tracker configuration text of the repository; null when there is none. */
export type ReadTrackerConfig = () => Promise<string | null>
