import { decodeStateMarker, findStateMarker } from '../chatops/state.js'
import type { CandidateState } from '../chatops/state.js'
import type { BotContext } from './context.js'
import { repoSlug } from './context.js'

/** Comments read, from the end of the thread, before giving up on finding a candidate list. */
export const STATE_LOOKUP_COMMENTS = 200

/** The newest candidate list in the issue, or why there is none to act on. */
export type StateLookup =
  | { found: true; commentId: number; state: CandidateState }
  | { found: false; reason: 'none' | 'expired' }

/**
 * Walks the issue's comments from the newest and returns the newest candidate list that is
 * genuinely ours: posted by a bot account, signed with our key, for this repository and issue.
 * Markers in people's comments, or in bot comments someone edited, are skipped as forgeries.
 */
export async function findNewestCandidateList(
  context: BotContext,
  issueNumber: number,
  totalComments: number
): Promise<StateLookup> {
  const expect = { repo: repoSlug(context.source), issue: issueNumber, nowMs: context.nowMs() }
  let read = 0
  for await (const comment of context.conversation.newestComments(issueNumber, totalComments)) {
    if (++read > STATE_LOOKUP_COMMENTS) break
    if (findStateMarker(comment.body) === null) continue
    if (!comment.author.isBot) {
      context.log.warning(
        `Ignored a candidate-list marker in a comment by @${comment.author.login}.`
      )
      continue
    }
    const decoded = decodeStateMarker(comment.body, context.stateKey, expect)
    if (decoded.ok) return { found: true, commentId: comment.id, state: decoded.state }
    if (decoded.reason === 'expired') return { found: false, reason: 'expired' }
    context.log.warning(`Ignored candidate list in comment ${comment.id}: ${decoded.reason}.`)
  }
  return { found: false, reason: 'none' }
}
