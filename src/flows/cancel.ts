import { escapeCodeSpan } from '../chatops/escape.js'
import { renderCancelled, renderCancelledCandidateComment } from '../chatops/render.js'
import { encodeStateMarker } from '../chatops/state.js'
import type { CandidateState } from '../chatops/state.js'
import { KittyError } from '../errors.js'
import type { RunReport } from '../report.js'
import { requireRequester } from './confirm.js'
import type { BotContext } from './context.js'
import type { StateLookup } from './find-state.js'
import { scopeLabel } from './start-from.js'

/** The newest list when it is open, or a refusal saying why there is nothing to cancel. */
function openList(lookup: StateLookup): { commentId: number; state: CandidateState } {
  if (!lookup.found) {
    throw lookup.reason === 'expired'
      ? new KittyError(
          'list-expired',
          'The newest candidate list has expired, so there is nothing to cancel; it can no longer be confirmed.'
        )
      : new KittyError(
          'list-not-found',
          'There is no candidate list in this issue, so there is nothing to cancel.'
        )
  }
  if (lookup.state.status === 'cancelled') {
    throw new KittyError(
      'list-cancelled',
      'The newest candidate list is already cancelled, so there is nothing to cancel.'
    )
  }
  if (lookup.state.status === 'consumed') {
    const mission = escapeCodeSpan(lookup.state.mission_slug ?? '')
    const pull = lookup.state.pull_request
    throw new KittyError(
      'list-consumed',
      `The newest candidate list already started mission ${mission}, so it cannot be cancelled; ` +
        `close ${pull === undefined ? 'its pull request' : `pull request #${pull.number}`} if the mission is not wanted.`
    )
  }
  return lookup
}

/**
 * `cancel`: closes the newest open candidate list, re-signed, so no later confirm can use it, and
 * replies that it did.
 */
export async function cancelFlow(
  context: BotContext,
  issueNumber: number,
  lookup: Promise<StateLookup>
): Promise<RunReport> {
  const found = openList(await lookup)
  requireRequester(context, found.state, 'cancel')
  const cancelled = { ...found.state, status: 'cancelled' as const }
  const prefix = context.inputs.commandPrefix
  await context.conversation.updateComment(
    found.commentId,
    renderCancelledCandidateComment({
      state: cancelled,
      marker: encodeStateMarker(cancelled, context.stateKey),
      prefix,
      scopeLabel: scopeLabel(cancelled)
    })
  )
  // Only once the list is closed does the reply say so.
  await context.conversation.createComment(issueNumber, renderCancelled(cancelled, prefix))
  return { state: 'cancelled', dryRun: context.inputs.dryRun, issueNumber, query: cancelled.query }
}
