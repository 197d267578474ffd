import { createHash } from 'node:crypto'
import {
  renderCancelledCandidateComment,
  renderCandidateComment,
  renderConsumedCandidateComment
} from '../chatops/render.js'
import { encodeStateMarker } from '../chatops/state.js'
import type { CandidateState } from '../chatops/state.js'
import { KittyError } from '../errors.js'
import type { LeftOutCandidate } from '../origin/models.js'
import type { BotContext } from './context.js'

/** How the search scope reads in a comment, e.g. `team acme-web`. */
export function scopeLabel(
  state: Pick<CandidateState, 'routing' | 'provider' | 'resource_id'>
): string {
  const noun = state.provider === 'jira' ? 'project' : 'team'
  // A binding reference is an opaque id; the tracker's own resource id reads better.
  const name =
    'project_slug' in state.routing
      ? state.routing.project_slug
      : state.resource_id || state.routing.binding_ref
  return `${noun} ${name}`
}

/** The candidate-list comment for a state, open, cancelled or consumed, signed with the state key. */
export function listComment(
  context: Pick<BotContext, 'stateKey' | 'inputs'>,
  state: CandidateState,
  leftOut: readonly LeftOutCandidate[] = []
): string {
  const input = {
    leftOut,
    state,
    marker: encodeStateMarker(state, context.stateKey),
    prefix: context.inputs.commandPrefix,
    scopeLabel: scopeLabel(state),
    limit: context.inputs.candidateLimit
  }
  switch (state.status) {
    case 'open':
      return renderCandidateComment(input)
    case 'cancelled':
      return renderCancelledCandidateComment(input)
    case 'consumed': {
      const { mission_slug, pull_request } = state
      if (mission_slug === undefined || pull_request === undefined) {
        throw new KittyError('internal', 'A consumed candidate list must name its mission and PR.')
      }
      return renderConsumedCandidateComment({
        ...input,
        state: { ...state, mission_slug, pull_request }
      })
    }
  }
}

/**
 * The claim that closes a list, named from the list's own id (its nonce), so every copy of one
 * list shares it. Hashed: a ref name takes no `+`, `/` or leading `-` from the nonce.
 */
export function listClaimName(nonce: string): string {
  return `list-${createHash('sha256').update(nonce).digest('hex').slice(0, 32)}`
}

/** The claim of a workflow_dispatch confirm: the run id, which every re-run attempt keeps. */
export function runClaimName(runId: string): string {
  return `run-${runId}`
}
