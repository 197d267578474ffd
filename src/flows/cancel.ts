import { escapeCodeSpan } from '../chatops/escape.js'
import { renderCancelled } from '../chatops/render.js'
import type { CandidateState } from '../chatops/state.js'
import { KittyError } from '../errors.js'
import { claimText, parseClaim } from '../origin/claim.js'
import type { RunReport } from '../report.js'
import type { BotContext, CommandEvent } from './context.js'
import { findNewestCandidateList } from './find-state.js'
import type { StateLookup } from './find-state.js'
import { listClaimName, listComment } from './list-comment.js'
import { courtesy, requireRequester } from './reply.js'
import { settleAll } from '../settle-all.js'

/** The refusal for a list that already started its mission. */
function alreadyConsumed(missionSlug: string, pull: { number: number } | undefined): KittyError {
  return new KittyError(
    'list-consumed',
    `The newest candidate list already started mission ${escapeCodeSpan(missionSlug)}, so it cannot be cancelled; ` +
      `close ${pull === undefined ? 'its pull request' : `pull request #${pull.number}`} if the mission is not wanted.`
  )
}

const ALREADY_CANCELLED = new KittyError(
  'list-cancelled',
  'The newest candidate list is already cancelled, so there is nothing to cancel.'
)

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
  if (lookup.state.status === 'cancelled') throw ALREADY_CANCELLED
  if (lookup.state.status === 'consumed') {
    throw alreadyConsumed(lookup.state.mission_slug ?? '', lookup.state.pull_request)
  }
  return lookup
}

/**
 * `cancel`: closes the newest open candidate list. The claim named from the list's id is
 * written first, so every copy of the list is closed even if the comment cannot be edited; the
 * comment is then re-signed as cancelled, and the reply says so.
 */
export async function cancelFlow(
  context: BotContext,
  event: Pick<CommandEvent, 'issueNumber' | 'issueCommentCount'>
): Promise<RunReport> {
  const { issueNumber } = event
  const found = openList(
    await findNewestCandidateList(context, issueNumber, event.issueCommentCount)
  )
  requireRequester(context, found.state, 'cancel')
  const name = listClaimName(found.state.nonce)
  const claimed = await context.repository.createClaim(
    name,
    claimText({ v: 1, status: 'cancelled', by: context.source.actor })
  )
  if (claimed === 'exists') {
    const claim = parseClaim((await context.repository.readClaim(name)) ?? '')
    throw claim?.status === 'consumed'
      ? alreadyConsumed(claim.mission.slug, undefined)
      : ALREADY_CANCELLED
  }
  const cancelled = { ...found.state, status: 'cancelled' as const }
  const prefix = context.inputs.commandPrefix
  const warnings = await settleAll([
    courtesy(context, 'mark the candidate list cancelled', () =>
      context.conversation.updateComment(found.commentId, listComment(context, cancelled))
    ),
    courtesy(context, 'reply on the issue', () =>
      context.conversation.createComment(issueNumber, renderCancelled(cancelled, prefix))
    )
  ])
  const said = warnings.filter(warning => warning !== undefined)
  return {
    state: 'cancelled',
    dryRun: context.inputs.dryRun,
    issueNumber,
    query: cancelled.query,
    ...(said.length === 0 ? {} : { warnings: said })
  }
}
