import { truncate } from '../chatops/escape.js'
import { KittyError } from '../errors.js'
import type { OriginTicket, TrackerBinding } from '../origin/models.js'
import type { SaasPort } from '../origin/ports.js'
import { providerName } from '../origin/models.js'
import { refetchCandidate } from '../origin/search.js'
import { lineOfKey } from './problem.js'
import type { Problem } from './problem.js'

/** What the Spec Kitty SaaS said about a mission's origin ticket. */
export type TicketCheck =
  { confirmed: true; status: string } | { confirmed: false; problem: Problem }

/**
 * Asks the SaaS for the origin ticket again by key: it must still be there, in the provider the
 * repository is bound to, with the same `external_issue_id`. A ticket that is gone or changed is
 * a problem of the mission (pointing at its line of meta.json); any other SaaS failure (outage,
 * token, routing) is thrown, since it says nothing about the pull request.
 */
export async function recheckTicket(
  origin: OriginTicket,
  metaText: string,
  binding: TrackerBinding,
  saas: Pick<SaasPort, 'searchIssues'>
): Promise<TicketCheck> {
  const key = truncate(origin.external_issue_key, 64)
  const bound = providerName(binding.provider)
  if (origin.provider !== binding.provider) {
    return refused(
      `origin_ticket names a ${providerName(origin.provider)} ticket, but this repository is bound to ${bound}, so the Spec Kitty SaaS cannot confirm ${key}.`,
      lineOfKey(metaText, 'provider')
    )
  }
  try {
    const { candidate } = await refetchCandidate(binding, origin, saas)
    return { confirmed: true, status: candidate.status }
  } catch (error) {
    if (!(error instanceof KittyError)) throw error
    if (error.code === 'ticket-not-found') {
      return refused(
        `The Spec Kitty SaaS no longer finds ${key} in ${bound}; the origin ticket was deleted, moved or re-keyed.`,
        lineOfKey(metaText, 'external_issue_key')
      )
    }
    if (error.code === 'ticket-changed') {
      return refused(
        `${key} now names a different ${bound} ticket at the Spec Kitty SaaS than origin_ticket's external_issue_id ${truncate(origin.external_issue_id, 64)}.`,
        lineOfKey(metaText, 'external_issue_id')
      )
    }
    throw error
  }
}

function refused(message: string, line: number): TicketCheck {
  return { confirmed: false, problem: { message, line } }
}
