import type { FaultSpec } from '../faults.js'

/** The moments right after a write when GitHub does not show it yet, by the step that sees it. */
export type LagPoint =
  /** POST …/pulls right after the head branch got its commit: 422 "No commits between". */
  | 'pull-no-commits'
  /** POST …/git/commits right after its tree was written: 422 "Tree SHA does not exist". */
  | 'commit-tree-missing'
  /** POST …/git/trees on a base tree just written: 422 (GitHub says GitRPC::BadObjectState). */
  | 'tree-base-missing'
  /** PATCH …/git/refs right after the branch was created: 422 "Reference does not exist". */
  | 'ref-missing'
  /** GET …/git/commits/{sha} right after the commit was written: 404. */
  | 'commit-not-found'

const DOCS = 'https://docs.github.com/rest'

const FAULTS: Record<LagPoint, Omit<FaultSpec, 'times'>> = {
  'pull-no-commits': {
    method: 'POST',
    path: /\/pulls$/,
    status: 422,
    body: {
      message: 'Validation Failed',
      errors: [
        {
          resource: 'PullRequest',
          code: 'custom',
          message: 'No commits between main and the head branch'
        }
      ],
      documentation_url: `${DOCS}/pulls/pulls#create-a-pull-request`,
      status: '422'
    }
  },
  'commit-tree-missing': {
    method: 'POST',
    path: /\/git\/commits$/,
    status: 422,
    body: { message: 'Tree SHA does not exist', documentation_url: DOCS, status: '422' }
  },
  'tree-base-missing': {
    method: 'POST',
    path: /\/git\/trees$/,
    status: 422,
    body: { message: 'GitRPC::BadObjectState', documentation_url: DOCS, status: '422' }
  },
  'ref-missing': {
    method: 'PATCH',
    path: /\/git\/refs\//,
    status: 422,
    body: { message: 'Reference does not exist', documentation_url: DOCS, status: '422' }
  },
  'commit-not-found': {
    method: 'GET',
    path: /\/git\/commits\//,
    status: 404,
    body: { message: 'Not Found', documentation_url: DOCS, status: '404' }
  }
}

/**
 * A fault that makes the sandbox answer like eventually consistent GitHub at one point, for the
 * next `times` matching requests (GitHub: once or twice); add it with `gh.faults.add(…)`.
 */
export function notYetVisible(point: LagPoint, times = 1): FaultSpec {
  return { ...FAULTS[point], times }
}
