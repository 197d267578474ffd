import { renderDenied } from '../chatops/render.js'
import type { RunReport } from '../report.js'
import type { BotContext } from './context.js'
import { permissionAtLeast } from './context.js'

/**
 * The permission gate every command passes. Any API error counts as no permission (fail closed).
 * Returns the `denied` report after telling the commenter, or null when they may go on.
 */
export async function gateCommand(
  context: BotContext,
  permission: Promise<Awaited<ReturnType<BotContext['repository']['permissionOf']>>>,
  where: { issueNumber: number; commentId: number }
): Promise<RunReport | null> {
  const actual = await permission.catch(() => 'none' as const)
  const needed = context.inputs.minPermission
  if (permissionAtLeast(actual, needed)) return null
  const actor = context.source.actor
  context.log.info(`@${actor} has ${actual} permission; ${needed} is needed.`)
  await Promise.all([
    context.conversation.addReaction(where.commentId, '-1'),
    context.conversation.createComment(where.issueNumber, renderDenied(actor, needed))
  ])
  return {
    state: 'denied',
    dryRun: context.inputs.dryRun,
    reason: `@${actor} has ${actual} permission on this repository; ${needed} is needed.`,
    issueNumber: where.issueNumber
  }
}
