import { KittyError } from '../errors.js'
import { buildMeta, serializeMeta, validateMeta, type MissionMeta } from './meta.js'
import { isUlid, missionNames, slugFromTicket, type MissionNames } from './names.js'
import { renderSpec } from './spec.js'
import { lifecycleEventsJsonl } from './status-events.js'
import { freshStatusJson } from './status.js'
import { collapseWhitespace } from './text.js'
import type { MissionTicket, OriginTicket } from './ticket.js'

/** One file to commit: its path from the repository root and its full text. */
export interface MissionFile {
  path: string
  content: string
}

/** Everything buildMissionFiles needs; ids, time and repository reads are inputs. */
export interface MissionFilesInput {
  /** The new mission's ULID. */
  missionId: string
  ticket: MissionTicket
  originTicket: OriginTicket
  missionType: string
  nowMs: number
  /** ULIDs for the MissionCreated and SpecifyStarted events. */
  eventIds: readonly [string, string]
  /** `project.uuid` / `project.slug` from `.kittify/config.yaml`. */
  project: { uuid: string | null; slug: string | null }
  /** The repository's own spec template (see specTemplatePaths), or null. */
  specTemplate: string | null
  /** The SaaS origin link, named in the commit body when known. */
  originLinkId?: string | undefined
}

/** A new mission: its names, its meta.json, its files sorted by path, and the commit message. */
export interface MissionFileSet extends MissionNames {
  missionId: string
  meta: MissionMeta
  files: MissionFile[]
  commitMessage: string
}

const TASKS_README = `# Tasks

Work package prompt files (\`WP01-<slug>.md\`, \`WP02-…\`) for this mission go here once
\`/spec-kitty.tasks\` has broken the plan down. Their status lives in \`../status.events.jsonl\`.
`

/**
 * The files of a new mission, as `spec-kitty agent mission create --pr-bound --topology
 * single_branch --start-branch <mission branch>` would write them plus `origin_ticket`:
 * meta.json, spec.md, status.events.jsonl, a fresh status.json, tasks/README.md and the
 * `.gitkeep` files of checklists/ and research/. Validates meta.json before returning.
 */
export function buildMissionFiles(input: MissionFilesInput): MissionFileSet {
  const { ticket, originTicket } = input
  if (ticket.external_issue_key !== originTicket.external_issue_key) {
    throw new KittyError(
      'mission-invalid',
      `The ticket ${ticket.external_issue_key} does not match the origin ticket ${originTicket.external_issue_key}.`
    )
  }
  const badEventId = input.eventIds.find(id => !isUlid(id))
  if (badEventId !== undefined) {
    throw new KittyError('mission-invalid', `The event id ${badEventId} is not a valid ULID.`)
  }
  const names = missionNames({
    ticketSlug: slugFromTicket(ticket.external_issue_key, ticket.title),
    missionId: input.missionId
  })
  const meta = buildMeta({
    missionId: input.missionId,
    names,
    ticket,
    originTicket,
    missionType: input.missionType,
    nowMs: input.nowMs
  })
  validateMeta(meta)
  const events = lifecycleEventsJsonl({
    meta,
    eventIds: input.eventIds,
    nowMs: input.nowMs,
    project: input.project
  })
  // Listed in path order, so the file set is sorted by path.
  const contents: [string, string][] = [
    ['checklists/.gitkeep', ''],
    ['meta.json', serializeMeta(meta)],
    ['research/.gitkeep', ''],
    ['spec.md', renderSpec({ template: input.specTemplate, ticket })],
    ['status.events.jsonl', events],
    ['status.json', freshStatusJson(meta.mission_type)],
    ['tasks/README.md', TASKS_README]
  ]
  const files = contents.map(([name, content]) => ({
    path: `${names.missionDir}/${name}`,
    content
  }))
  return {
    ...names,
    missionId: input.missionId,
    meta,
    files,
    commitMessage: commitMessage(names.dirName, ticket, input.originLinkId)
  }
}

function commitMessage(dirName: string, ticket: MissionTicket, originLinkId?: string): string {
  const lines = [
    `Start mission ${dirName} from ${collapseWhitespace(ticket.external_issue_key)}`,
    '',
    `Ticket: ${collapseWhitespace(ticket.url)}`
  ]
  if (originLinkId !== undefined) lines.push(`Origin link: ${collapseWhitespace(originLinkId)}`)
  return lines.join('\n')
}
