import { buildMeta, pythonJsonPretty, serializeMeta } from '../../src/mission/index.js'
import type { JsonValue } from '../../src/mission/index.js'
import { LINEAR_TEAM_ID } from '../../sandbox/github/seed.js'
import type { MissionResult } from '../../src/verify/result.js'

/** A result for kitty-specs/<name>: verified, without meta, unless told otherwise. */
export function result(name: string, overrides: Partial<MissionResult> = {}): MissionResult {
  const dir = `kitty-specs/${name}`
  return {
    mission: { dir, name, paths: [`${dir}/meta.json`], removed: false },
    metaPath: `${dir}/meta.json`,
    annotatedPath: `${dir}/meta.json`,
    hasOrigin: true,
    legacy: false,
    meta: null,
    problems: [],
    saas: { kind: 'not-checked' },
    ...overrides
  }
}

/** A directory the pull request removes. */
export function removed(name: string): MissionResult {
  return result(name, { mission: { dir: `kitty-specs/${name}`, name, paths: [], removed: true } })
}

/** A problem as parseMeta reports one. */
export const PROBLEM = { message: 'meta.json is not valid JSON.', line: 1 }

/** The directory name of the mission `metaText` describes. */
export const MISSION_SLUG = 'web-123-01JFK3Q8'

/** meta.json of a mission started from the sandbox SaaS's WEB-123, canonical unless changed. */
export function metaText(change?: (meta: Record<string, unknown>) => void): string {
  const meta = buildMeta({
    missionId: '01JFK3Q8ZT5N2M4V6X8R0C1B3D',
    names: { missionSlug: MISSION_SLUG, branch: `kitty-origin/${MISSION_SLUG}` },
    ticket: { title: 'Add Clerk auth' },
    originTicket: {
      external_issue_id: '3f0c2a9e-8d41-4c5b-b6f7-1e2d3c4b5a69',
      external_issue_key: 'WEB-123',
      external_issue_url: 'https://linear.app/acme/issue/WEB-123/add-clerk-auth',
      provider: 'linear',
      resource_id: LINEAR_TEAM_ID,
      resource_type: 'linear_team',
      title: 'Add Clerk auth'
    },
    missionType: 'software-dev',
    nowMs: Date.UTC(2026, 0, 5, 10)
  })
  if (change === undefined) return serializeMeta(meta)
  const raw = JSON.parse(serializeMeta(meta)) as Record<string, unknown>
  change(raw)
  return pythonJsonPretty(raw as JsonValue) + '\n'
}
