import { renderDenied } from '../chatops/render.js'
import type { RunReport } from '../report.js'
import type { BotContext } from './context.js'
import { permissionAtLeast } from './context.js'

/** Where a denial is answered: 👎 on the command comment, a reply on the issue; either may be absent. */
export interface GateTarget {
  issueNumber?: number | undefined
  commentId?: number | undefined
}

/**
 * The permission gate every command and dispatch passes. Any API error counts as no permission
 * (fail closed). Returns the `denied` report after telling the actor (👎 on their comment and a
 * reply on the issue, each where there is one), or null when they may go on.
 */
export async function gateActor(
  context: BotContext,
  permission: Promise<Awaited<ReturnType<BotContext['repository']['permissionOf']>>>,
  where: GateTarget
): Promise<RunReport | null> {
  const actual = await permission.catch(() => 'none' as const)
  const needed = context.inputs.minPermission
  if (permissionAtLeast(actual, needed)) return null
  const actor = context.source.actor
  const { issueNumber, commentId } = where
  context.log.info(`@${actor} has ${actual} permission; ${needed} is needed.`)
  await Promise.all([
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
