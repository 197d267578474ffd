import type { IssueQuery, TrackerCalls } from '../saas/types.js'

/**
 * The SaaS calls the service layer makes, in domain terms (implemented by src/saas, which builds
 * the wire: bodies, paths, routing keys, the idempotency key).
 */
export type SaasPort = TrackerCalls

/** What a search asks: a ticket key or free text, exactly as the person typed it. */
export type OriginQueryText = IssueQuery

/** Reads the tracker configuration text of the repository; null when there is none. */
export type ReadTrackerConfig = () => Promise<string | null>
