import { permissionAtLeast } from '../chatops/permission.js'
import { renderDenied } from '../chatops/render.js'
import { egressRefusalOf } from '../origin/binding.js'
import type { RunReport } from '../report.js'
import type { BotContext } from './context.js'
import { readTrackerConfig } from './start-from.js'
import { settleAll } from '../settle-all.js'

/** Where a denial is answered: 👎 on the command comment, a reply on the issue; either may be absent. */
export interface GateTarget {
  issueNumber?: number | undefined
  commentId?: number | undefined
}

/**
 * The permission gate every command and dispatch passes first, before any other read: one
 * request. Any API error counts as no permission (fail closed). Returns the `denied` report
 * after telling the actor (👎 on their comment and a reply on the issue, each where there is
 * one), or null when they may go on.
 */
export async function gateActor(context: BotContext, where: GateTarget): Promise<RunReport | null> {
  const actor = context.source.actor
  const actual = await context.repository.permissionOf(actor).catch(() => 'none' as const)
  const needed = context.inputs.minPermission
  if (permissionAtLeast(actual, needed)) return null
  const { issueNumber, commentId } = where
  context.log.info(`@${actor} has ${actual} permission; ${needed} is needed.`)
  await settleAll([
    commentId === undefined ? undefined : context.conversation.addReaction(commentId, '-1'),
    issueNumber === undefined
      ? undefined
      : context.conversation.createComment(issueNumber, renderDenied(actor, needed))
  ])
  return {
    state: 'denied',
    dryRun: context.inputs.dryRun,
    reason: `@${actor} has ${actual} permission on this repository; ${needed} is needed.`,
    ...(issueNumber === undefined ? {} : { issueNumber })
  }
}

/**
 * Delivers what earlier runs left in the outbox alongside `work`, which runs once the gate is
 * passed; the run ends when both have. Events are opt-in, and a config that refuses hosted
 * tracker calls (`tracker.egress`) keeps them parked: no event goes out then.
 */
export async function afterGate(
  context: BotContext,
  work: () => Promise<RunReport>
): Promise<RunReport> {
  const drained = context.inputs.emitEvents
    ? readTrackerConfig(context).then(
        config => (egressRefusalOf(config) === null ? context.drainEvents() : undefined),
        () => undefined
      )
    : Promise.resolve()
  try {
    return await work()
  } finally {
    await drained
  }
}
