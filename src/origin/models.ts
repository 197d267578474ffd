import { OriginTicket, Provider } from '../mission/ticket.js'
import type { LeftOutTicket, Ticket } from '../saas/types.js'

// The mission layer owns these types (it is the bottom layer); the service layer uses them.
export { OriginTicket, Provider }

/** The tracker's display name. */
export function providerName(provider: Provider): string {
  return provider === 'jira' ? 'Jira' : 'Linear'
}

/**
 * One ticket the SaaS offers as a possible origin, as the SaaS client hands it over: checked
 * (http(s) URL, id and key present) and one clean line per field but the body.
 */
export type OriginCandidate = Ticket

/** A candidate the SaaS client left out of an answer, and why. */
export type LeftOutCandidate = LeftOutTicket

/** What searchOriginCandidates returns: the candidates and the scope they were found in. */
export interface SearchOriginResult {
  candidates: OriginCandidate[]
  /** Tickets of the answer that cannot be an origin, each with the reason. */
  leftOut: LeftOutCandidate[]
  provider: Provider
  resource_type: string
  resource_id: string
  /** What the person asked for: the key or the text, as typed. */
  query_used: string
}

/** How the repository is bound to a tracker (from `.kittify/config.yaml`, overridden by inputs). */
export interface TrackerBinding {
  provider: Provider
  /** Routing: exactly one of these reaches the SaaS; `bindingRef` wins. */
  projectSlug?: string
  bindingRef?: string
  /** `tracker.provider_context` string values (workspace_id, team_id, project_key, key …). */
  providerContext: Readonly<Record<string, string>>
  /** `project:` of the spec-kitty project (uuid, slug, build_id), each null when absent. */
  project: ProjectIdentity
}

/** `project.uuid` / `project.slug` / `project.build_id` of `.kittify/config.yaml`. */
export interface ProjectIdentity {
  uuid: string | null
  slug: string | null
  buildId?: string | null
}

/** The routing of a candidate list: `binding_ref` or else `project_slug`, never both. */
export type Routing = { binding_ref: string } | { project_slug: string }

/** A pull request as the service layer and the reports name it. */
export interface PullRequestLink {
  number: number
  url: string
}

/** What startMissionFromTicket produced; the GitHub layer adds the pull request. */
export interface MissionFromTicketResult {
  missionId: string
  missionDir: string
  missionSlug: string
  branch: string
  /** The commit this run made with the mission files; null when they were already committed. */
  commitSha: string | null
  originTicket: OriginTicket
  /** The SaaS's link id and bind time; null when its answer did not say. */
  originLinkId: string | null
  boundAt: string | null
  alreadyBound: boolean
  eventEmitted: boolean
  pullRequest?: PullRequestLink
}
