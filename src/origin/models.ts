import { z } from 'zod'
import { OriginTicket, Provider } from '../mission/ticket.js'

// The mission layer owns these types (it is the bottom layer); the service layer uses them.
export { OriginTicket, Provider }

const nonEmpty = z.string().min(1)

/** One ticket the SaaS offers as a possible origin (wire shape of a search candidate). */
export const OriginCandidate = z.object({
  external_issue_id: nonEmpty,
  external_issue_key: nonEmpty,
  title: z.string(),
  status: z.string(),
  url: z.string(),
  match_type: z.enum(['exact', 'text']).default('text'),
  body: z.string().optional()
})
/** A search candidate after validation (`match_type` defaulted to `text`). */
export type OriginCandidate = z.infer<typeof OriginCandidate>

/** What searchOriginCandidates returns: the candidates and the scope they were found in. */
export const SearchOriginResult = z.object({
  candidates: z.array(OriginCandidate),
  provider: Provider,
  resource_type: z.string(),
  resource_id: z.string(),
  query_used: z.string()
})
/** Candidates plus provider, resource and the query that produced them. */
export type SearchOriginResult = z.infer<typeof SearchOriginResult>

/** How the repository is bound to a tracker (from `.kittify/config.yaml`, overridden by inputs). */
export interface TrackerBinding {
  provider: Provider
  /** Routing: exactly one of these reaches the SaaS; `bindingRef` wins. */
  projectSlug?: string
  bindingRef?: string
  /** `tracker.provider_context` string values (workspace_id, team_id, project_key, key …). */
  providerContext: Readonly<Record<string, string>>
  /** `project.uuid` / `project.slug` of the spec-kitty project, when the config names them. */
  project: { uuid: string | null; slug: string | null }
}

/** The SaaS routing key derived from a binding: `binding_ref` or else `project_slug`, never both. */
export type Routing = { binding_ref: string } | { project_slug: string }

/** What startMissionFromTicket produced; the GitHub layer adds the pull request. */
export interface MissionFromTicketResult {
  missionId: string
  missionDir: string
  missionSlug: string
  branch: string
  /** The commit this run made with the mission files; null when they were already committed. */
  commitSha: string | null
  originTicket: OriginTicket
  originLinkId: string
  boundAt: string
  alreadyBound: boolean
  eventEmitted: boolean
  pullRequest?: { number: number; url: string }
}
