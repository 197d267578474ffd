import type { Command } from '../chatops/grammar.js'
import type { Inputs } from '../inputs.js'
import type { MissionFromTicketResult, TrackerBinding } from '../origin/models.js'
import type { SaasPort } from '../origin/ports.js'
import type { RunSource } from '../trigger.js'
import type { Log } from '../log.js'
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
  /** `GITHUB_RUN_ID`: kept by every attempt of a run, so a re-run names the same mission. */
  runId: string
  /** Link to this workflow run, for failure replies. */
  runUrl: string
  log: Log
  /** Reports a bound mission to the SaaS (delivered now or queued durably); true when delivered. */
  emitEvent(mission: MissionFromTicketResult, project: TrackerBinding['project']): Promise<boolean>
  /** Delivers events earlier runs could not deliver (the durable outbox); never throws. */
  drainEvents(): Promise<void>
}

/** `owner/name` of the run's repository. */
export function repoSlug(source: RunSource): string {
  return `${source.owner}/${source.repo}`
}

/** The branch missions start from: the base-branch input, else the repository's default. */
export function baseBranchOf(context: Pick<BotContext, 'inputs' | 'source'>): string {
  return context.inputs.baseBranch ?? context.source.defaultBranch
}

/** A command comment: what it says and where it was written. */
export interface CommandEvent {
  command: Command
  issueNumber: number
  issueCommentCount: number
  commentId: number
}
