import type { CandidateState, StateCandidate } from '../../src/chatops/state.js'

/** When the sample list was posted; it expires a day later. */
export const CREATED = Date.UTC(2026, 3, 1, 12, 0, 0)

/** WEB-123 as a candidate list keeps it, with any field changed. */
export function candidate(overrides: Partial<StateCandidate> = {}): StateCandidate {
  return {
    external_issue_id: '3f0c',
    external_issue_key: 'WEB-123',
    title: 'Add Clerk auth',
    status: 'In Progress',
    url: 'https://linear.app/acme/issue/WEB-123',
    match_type: 'exact',
    ...overrides
  }
}

/** The open list of `candidates` that ana asked for on acme/web#42, with any field changed. */
export function candidateState(
  candidates: StateCandidate[],
  overrides: Partial<CandidateState> = {}
): CandidateState {
  return {
    v: 1,
    repo: 'acme/web',
    issue: 42,
    requester: 'ana',
    query: 'WEB-123',
    provider: 'linear',
    routing: { project_slug: 'acme-web' },
    resource_type: 'linear_team',
    resource_id: 'team-uuid',
    candidates,
    nonce: 'AAECAwQFBgcICQoLDA0ODw',
    created_at: CREATED,
    expires_at: CREATED + 24 * 60 * 60 * 1000,
    status: 'open',
    ...overrides
  }
}
