import type { GitHubApi, RepoRef } from '../github/client.js'
import { getBranchHead } from '../github/refs.js'
import type { MissionFromTicketResult, TrackerBinding } from '../origin/models.js'
import type { SaasClient } from '../saas/client.js'
import { describeError } from './delivery.js'
import { missionOriginBoundEvent, missionOriginBoundEventId, nodeIdFor } from './envelope.js'
import { createGitHubOutboxStore } from './outbox-github.js'
import { drainOutbox, emitWithOutbox } from './outbox.js'
import type { OutboxLog } from './outbox.js'

/** What the emitter needs: the repository, both clients, a log, a clock and an id source. */
export interface EmitterDeps {
  github: GitHubApi
  repo: RepoRef
  saas: Pick<SaasClient, 'sendEvents'>
  log: OutboxLog
  nowMs(): number
}

/** Sends `MissionOriginBound` events, keeping what cannot be delivered in the durable outbox. */
export interface MissionEventEmitter {
  /** Delivers what earlier runs queued; one ref lookup when there is nothing. */
  drain(): Promise<void>
  /** Reports a bound mission; true when the SaaS has the event now (else it is queued or logged). */
  emit(mission: MissionFromTicketResult, project: TrackerBinding['project']): Promise<boolean>
}

/** The emitter of one run. */
export function createMissionEventEmitter(deps: EmitterDeps): MissionEventEmitter {
  const { github, repo, log } = deps
  const outbox = {
    saas: deps.saas,
    store: createGitHubOutboxStore(github, repo, { log }),
    log,
    now: () => deps.nowMs()
  }
  const repoSlug = `${repo.owner}/${repo.repo}`
  return {
    async drain() {
      await drainOutbox(outbox)
    },
    async emit(mission, project) {
      try {
        const headCommitSha =
          mission.commitSha ?? (await getBranchHead(github, repo, mission.branch)) ?? ''
        const event = missionOriginBoundEvent({
          mission,
          eventId: missionOriginBoundEventId(mission.missionId),
          nowMs: deps.nowMs(),
          nodeId: nodeIdFor(repoSlug),
          repoSlug,
          gitBranch: mission.branch,
          headCommitSha,
          project
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
