import { KittyError } from '../errors.js'
import { OriginTicket } from './models.js'
import type { OriginCandidate, TrackerBinding } from './models.js'
import type { SaasPort } from './ports.js'

/** What makes one bind: the mission, the ticket it starts from, and where that ticket lives. */
export interface BindOriginInput {
  binding: TrackerBinding
  candidate: OriginCandidate
  resource: { resource_type: string; resource_id: string }
  missionId: string
  missionSlug: string
  /** `owner/name` of the repository, part of the idempotency key. */
  repo: string
}

/** A bound origin: the `origin_ticket` block to write, and the SaaS link for the PR and outputs. */
export interface BoundOrigin {
  originTicket: OriginTicket
  /** Null when the SaaS's answer did not name them (any 2xx but 202 is a bind). */
  originLinkId: string | null
  boundAt: string | null
  alreadyBound: boolean
}

/**
 * The `origin_ticket` block for a candidate; validated, so a bad ticket fails before any write.
 * The title is the ticket's own (the same string the bind sends as `external_title`).
 */
export function originTicketOf(
  input: Omit<BindOriginInput, 'missionId' | 'missionSlug' | 'repo'>
): OriginTicket {
  // The raw title, the same string sent as `external_title`; the key only when it is blank.
  const { title } = input.candidate
  const parsed = OriginTicket.safeParse({
    external_issue_id: input.candidate.external_issue_id,
    external_issue_key: input.candidate.external_issue_key,
    external_issue_url: input.candidate.url,
    provider: input.binding.provider,
    resource_id: input.resource.resource_id,
    resource_type: input.resource.resource_type,
    title: title.trim() === '' ? input.candidate.external_issue_key : title
  })
  if (!parsed.success) {
    const field = parsed.error.issues[0]?.path.join('.') ?? 'a field'
    throw new KittyError(
      'mission-invalid',
      `The ticket ${input.candidate.external_issue_key} cannot be an origin: its ${field} is empty.`,
      parsed.error.message
    )
  }
  return parsed.data
}

/**
 * Binds the ticket as the mission's origin at the SaaS, the authoritative write. Only when it
 * succeeds is the `origin_ticket` block handed back for writing. A same-origin re-bind is a
 * success; a different origin (409) surfaces as the client's `saas-origin-conflict` error.
 */
export async function bindMissionOrigin(
  input: BindOriginInput,
  saas: Pick<SaasPort, 'bindMissionOrigin'>
): Promise<BoundOrigin> {
  const originTicket = originTicketOf(input)
  const answer = await saas.bindMissionOrigin(
    input.binding,
    { repo: input.repo, missionId: input.missionId, missionSlug: input.missionSlug },
    input.candidate
  )
  return {
    originTicket,
    originLinkId: answer.originLinkId,
    boundAt: answer.boundAt,
    alreadyBound: answer.alreadyBound
  }
}
