import type {
  BindRequest,
  BindResponse,
  IssueSearchRequest,
  IssueSearchResponse
} from '../saas/wire.js'

/** The SaaS calls the service layer makes (implemented by src/saas). */
export interface SaasPort {
  searchIssues(body: IssueSearchRequest): Promise<IssueSearchResponse>
  bindMissionOrigin(body: BindRequest, idempotencyKey: string): Promise<BindResponse>
}

/** Reads the tracker configuration text of the repository; null when there is none. */
export type ReadTrackerConfig = () => Promise<string | null>
