import { z } from 'zod'

/** The mission a claim names: its id and names, and the ticket it starts from. */
export const ClaimedMission = z.strictObject({
  id: z.string().min(1),
  slug: z.string().min(1),
  branch: z.string().min(1),
  dir: z.string().min(1),
  external_issue_id: z.string().min(1),
  external_issue_key: z.string().min(1)
})
/** A claimed mission. */
export type ClaimedMission = z.infer<typeof ClaimedMission>

/**
 * The one record that closes a candidate list (or a dispatch run): consumed by one mission, or
 * cancelled. Every copy of the list defers to it, so a list yields at most one mission and a
 * closed list stays closed. Written once, atomically; see MissionWorkspace.claim.
 */
export const Claim = z.discriminatedUnion('status', [
  z.strictObject({
    v: z.literal(1),
    status: z.literal('consumed'),
    by: z.string(),
    mission: ClaimedMission
  }),
  z.strictObject({ v: z.literal(1), status: z.literal('cancelled'), by: z.string() })
])
/** A claim as written and read. */
export type Claim = z.infer<typeof Claim>

/** The claim's text: canonical JSON, one line. */
export function claimText(claim: Claim): string {
  return `${JSON.stringify(claim)}\n`
}

/** A claim read back; null for text that is not a claim (then no one may rely on it). */
export function parseClaim(text: string): Claim | null {
  try {
    const parsed = Claim.safeParse(JSON.parse(text))
    return parsed.success ? parsed.data : null
  } catch {
    return null
  }
}
