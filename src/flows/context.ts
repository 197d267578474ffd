import type { Inputs, PermissionLevel } from '../inputs.js'
import type { Log } from '../log.js'
import { PERMISSION_LEVELS } from '../inputs.js'
import type { MissionFromTicketResult, TrackerBinding } from '../origin/models.js'
import type { SaasPort } from '../origin/ports.js'
import type { RunSource } from '../trigger.js'
import type { DryRunLog } from './dry-run.js'
import type { ConversationApi, RepositoryApi } from './ports.js'

/** Everything a flow needs: the validated inputs, the run's source, and its ports. */
export interface BotContext {
  inputs: Inputs
  source: RunSource
  conversation: ConversationApi
  repository: RepositoryApi
  saas: SaasPort
  /** Key that signs and verifies candidate lists (and derives mission ids). */
  stateKey: Buffer
  nowMs(): number
  newUlid(): string
  /** Link to this workflow run, for failure replies. */
  runUrl: string
  log: Log
  /** Reports a bound mission to the SaaS (delivered now or queued durably); true when delivered. */
  emitEvent(mission: MissionFromTicketResult, project: TrackerBinding['project']): Promise<boolean>
  /** Delivers events earlier runs could not deliver (the durable outbox); never throws. */
  drainEvents(): Promise<void>
  /** Set in a dry run: the ports only record their writes here, and no mission is bound. */
  dryRun?: DryRunLog
}

/** `owner/name` of the run's repository. */
export function repoSlug(source: RunSource): string {
  return `${source.owner}/${source.repo}`
}

/** The branch missions start from: the base-branch input, else the repository's default. */
export function baseBranchOf(context: Pick<BotContext, 'inputs' | 'source'>): string {
  return context.inputs.baseBranch ?? context.source.defaultBranch
}

/** True when `actual` reaches `needed` on GitHub's permission ladder; `none` reaches nothing. */
export function permissionAtLeast(
  actual: PermissionLevel | 'none',
  needed: PermissionLevel
): boolean {
  return actual !== 'none' && PERMISSION_LEVELS.indexOf(actual) >= PERMISSION_LEVELS.indexOf(needed)
}
