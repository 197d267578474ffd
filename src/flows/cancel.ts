import { renderCancelledCandidateComment } from '../chatops/render.js'
import { encodeStateMarker } from '../chatops/state.js'
import { KittyError } from '../errors.js'
import type { RunReport } from '../report.js'
import type { BotContext } from './context.js'
import type { StateLookup } from './find-state.js'
import { scopeLabel } from './start-from.js'

/** `cancel`: closes the newest open candidate list, re-signed, so no later confirm can use it. */
export async function cancelFlow(
  context: BotContext,
  issueNumber: number,
  lookup: Promise<StateLookup>
): Promise<RunReport> {
  const found = await lookup
  if (!found.found || found.state.status !== 'open') {
    throw new KittyError(
      'input-invalid',
      'There is no open candidate list in this issue to cancel.'
    )
  }
  if (
    context.inputs.confirmBy === 'requester' &&
    found.state.requester.toLowerCase() !== context.source.actor.toLowerCase()
  ) {
    throw new KittyError(
      'input-invalid',
      `Only @${found.state.requester}, who asked for this list, can cancel it.`
    )
  }
  const cancelled = { ...found.state, status: 'cancelled' as const }
  await context.conversation.updateComment(
    found.commentId,
    renderCancelledCandidateComment({
      state: cancelled,
      marker: encodeStateMarker(cancelled, context.stateKey),
      prefix: context.inputs.commandPrefix,
      scopeLabel: scopeLabel(cancelled)
    })
  )
  return { state: 'cancelled', dryRun: context.inputs.dryRun, issueNumber, query: cancelled.query }
}
