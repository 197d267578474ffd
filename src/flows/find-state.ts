import { decodeStateMarker, findStateMarker } from '../chatops/state.js'
import type { CandidateState } from '../chatops/state.js'
import type { BotContext } from './context.js'
import { repoSlug } from './context.js'

/**
 * Comments read, from the end of the thread, before giving up on finding a candidate list:
 * 20 pages of 100, so at most 20 requests (22 when the event's comment count was stale).
 */
export const STATE_LOOKUP_COMMENTS = 2_000

/**
 * How far before a list's own time its comment may appear: the list's time comes from the
 * runner's clock, the comment's from GitHub's.
 */
export const CLOCK_SLACK_MS = 10 * 60_000

/** The newest candidate list in the issue, or why there is none to act on. */
export type StateLookup =
  | { found: true; commentId: number; state: CandidateState }
  | { found: false; reason: 'none' | 'expired' }

/** Every genuine copy seen of one list: the comment to edit, and its most closed state. */
interface ListCopies {
  commentId: number
  state: CandidateState
  expired: boolean
}

/**
 * Walks the issue's comments from the newest and returns the newest candidate list that is
 * genuinely ours: posted by a bot account, signed with our key, for this repository and issue.
 * Markers in people's comments, or in bot comments someone edited, are skipped as forgeries.
 *
 * "Newest" is the list's own signed time, not the comment's: a re-posted copy of an older list
 * does not hide a newer one. The list's own id (its nonce) decides its fate: once any copy says
 * consumed or cancelled, every copy is. The walk stops once comments are older than the newest
 * list seen (its original and every copy are then behind), or after STATE_LOOKUP_COMMENTS.
 */
export async function findNewestCandidateList(
  context: BotContext,
  issueNumber: number,
  totalComments: number
): Promise<StateLookup> {
  const expect = { repo: repoSlug(context.source), issue: issueNumber, nowMs: context.nowMs() }
  const lists = new Map<string, ListCopies>()
  let newest: ListCopies | undefined
  let read = 0
  for await (const comment of context.conversation.newestComments(issueNumber, totalComments)) {
    if (++read > STATE_LOOKUP_COMMENTS) break
    if (newest !== undefined && comment.createdAtMs < newest.state.created_at - CLOCK_SLACK_MS) {
      break
    }
    if (findStateMarker(comment.body) === null) continue
    if (!comment.author.isBot) {
      context.log.warning(
        `Ignored a candidate-list marker in a comment by @${comment.author.login}.`
      )
      continue
    }
    const decoded = decodeStateMarker(comment.body, context.stateKey, expect)
    if (!decoded.ok && decoded.reason !== 'expired') {
      context.log.warning(`Ignored candidate list in comment ${comment.id}: ${decoded.reason}.`)
      continue
    }
    const copies = remember(lists, comment.id, decoded.state, !decoded.ok)
    if (newest === undefined || copies.state.created_at > newest.state.created_at) newest = copies
  }
  if (newest === undefined) return { found: false, reason: 'none' }
  if (newest.expired) return { found: false, reason: 'expired' }
  return { found: true, commentId: newest.commentId, state: newest.state }
}

/** Adds one copy of a list; a closed copy closes the list, an open one never reopens it. */
function remember(
  lists: Map<string, ListCopies>,
  commentId: number,
  state: CandidateState,
  expired: boolean
): ListCopies {
  const known = lists.get(state.nonce)
  if (known === undefined) {
    const copies = { commentId, state, expired }
    lists.set(state.nonce, copies)
    return copies
  }
  if (known.state.status === 'open' && state.status !== 'open') known.state = state
  return known
}
