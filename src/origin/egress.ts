/**
 * The team's own say on hosted tracker calls: `tracker.egress` in `.kittify/config.yaml`, read
 * the way spec-kitty's `tracker/egress_verdict.py` reads it for its hosted service. `refused`
 * refuses; any value other than `refused` or `permitted` (wrong case, null, a number, a list) is
 * a fault that refuses too; `permitted` or no key leaves the decision to the rest of the set-up.
 * It can only narrow, never grant.
 */

/** The two legal values, spelled as spec-kitty spells them. */
const REFUSED = 'refused'
const PERMITTED = 'permitted'

function objectOf(value: unknown): Record<string, unknown> | undefined {
  return typeof value === 'object' && value !== null && !Array.isArray(value)
    ? (value as Record<string, unknown>)
    : undefined
}

function shown(value: unknown): string {
  const text = JSON.stringify(value)
  return text.length <= 40 ? text : `${text.slice(0, 39)}…`
}

/**
 * The sentence that says why no hosted tracker call may be made, or null when the config does
 * not refuse them. `document` is the parsed YAML of `.kittify/config.yaml`.
 */
export function egressRefusal(document: unknown): string | null {
  const tracker = objectOf(objectOf(document)?.tracker)
  if (tracker === undefined || !Object.hasOwn(tracker, 'egress')) return null
  const value = tracker.egress
  if (value === PERMITTED) return null
  if (value === REFUSED) {
    return "This repository's `.kittify/config.yaml` records `tracker.egress: refused`, so kitty-origin makes no call to the Spec Kitty SaaS; remove that line (or set it to `permitted`) to use the bot."
  }
  return `This repository's \`.kittify/config.yaml\` sets \`tracker.egress\` to ${shown(value)}, which is not a legal value (\`refused\` or \`permitted\`), so kitty-origin makes no call to the Spec Kitty SaaS; fix the value.`
}
