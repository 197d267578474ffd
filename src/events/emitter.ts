import type { MissionFromTicketResult, ProjectIdentity } from '../origin/models.js'
import type { SaasClient } from '../saas/client.js'
import { describeError } from './delivery.js'
import { missionOriginBoundEvent, missionOriginBoundEventId, nodeIdFor } from './envelope.js'
import { drainOutbox, emitWithOutbox } from './outbox.js'
import type { OutboxLog, OutboxStore } from './outbox.js'
import { UUID_PATTERN } from './uuid5.js'
import { settleAll } from '../settle-all.js'

/** What the emitter needs: the repository's outbox and branches, the SaaS, a log and a clock. */
export interface EmitterDeps {
  /** `owner/name` of the repository the events are about. */
  repoSlug: string
  /** Where undelivered events wait between runs. */
  store: OutboxStore
  /** The commit a branch points at; null when there is no such branch. */
  branchHead(branch: string): Promise<string | null>
  saas: Pick<SaasClient, 'sendEvents' | 'privateTeamspaceId'>
  /** The SaaS's normalised origin, for the envelope's `binding_audience`. */
  saasOrigin: string
  log: OutboxLog
  /** Where notes for the job summary go. */
  note(text: string): void
  nowMs(): number
}

/** Sends `MissionOriginBound` events, keeping what cannot be delivered in the durable outbox. */
export interface MissionEventEmitter {
  /** Delivers what earlier runs queued; one ref lookup when there is nothing. */
  drain(): Promise<void>
  /** Reports a bound mission; true when the SaaS has the event now (else it is queued or noted). */
  emit(mission: MissionFromTicketResult, project: ProjectIdentity): Promise<boolean>
}

/** The note when the config names no project uuid, saying what to run. */
function noProjectNote(missionSlug: string): string {
  return `No MissionOriginBound event was sent for ${missionSlug}: \`.kittify/config.yaml\` names no \`project.uuid\`. Run \`spec-kitty init\` (or \`spec-kitty tracker bind\`) in the repository and commit \`.kittify/config.yaml\`; the bind itself is recorded at the Spec Kitty SaaS either way.`
}

/** The project uuid an event is sent for; null when the config names none (no event is sent). */
export function eventProjectUuid(project: ProjectIdentity): string | null {
  const uuid = project.uuid?.trim() ?? ''
  return UUID_PATTERN.test(uuid.toLowerCase()) ? uuid : null
}

/** The emitter of one run (only built when the `emit-events` input is on). */
export function createMissionEventEmitter(deps: EmitterDeps): MissionEventEmitter {
  const { log, repoSlug } = deps
  const outbox = {
    saas: deps.saas,
    store: deps.store,
    log,
    now: () => deps.nowMs(),
    note: (text: string) => {
      deps.note(text)
    }
  }
  return {
    async drain() {
      await drainOutbox(outbox)
    },
    async emit(mission, project) {
      const uuid = eventProjectUuid(project)
      if (uuid === null) {
        const note = noProjectNote(mission.missionSlug)
        log.warning(note)
        deps.note(note)
        return false
      }
      try {
        const [headCommitSha, teamSlug] = await settleAll([
          mission.commitSha ?? deps.branchHead(mission.branch),
          deps.saas.privateTeamspaceId()
        ])
        const event = missionOriginBoundEvent({
          mission,
          eventId: missionOriginBoundEventId(mission.missionId),
          nowMs: deps.nowMs(),
          nodeId: nodeIdFor(repoSlug),
          repoSlug,
          gitBranch: mission.branch,
          headCommitSha: headCommitSha ?? '',
          project: { uuid, slug: project.slug, buildId: project.buildId ?? null },
          teamSlug,
          saasOrigin: deps.saasOrigin
        })
        const result = await emitWithOutbox([event], outbox)
        return result.delivered === 1
      } catch (error) {
        log.error(
          `The MissionOriginBound event of ${mission.missionSlug} could not be built: ${describeError(error)}`
        )
        return false
      }
    }
  }
}
