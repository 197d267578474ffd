import { errorReply, noMapping } from './reply.js'
import type { Reply } from './reply.js'
import { describeIssues, SearchBody } from './schemas.js'
import { candidateIn } from './shapes.js'
import type { SaasShapes } from './shapes.js'
import { resolveResource, searchTickets } from './state.js'
import type { SaasState } from './state.js'

/** Default number of candidates when the client sends no `limit`. */
export const DEFAULT_LIMIT = 10

/** `POST /api/v1/tracker/issue-search/`. */
export function handleSearch(state: SaasState, body: unknown, shapes: SaasShapes = {}): Reply {
  const parsed = SearchBody.safeParse(body)
  if (!parsed.success) {
    return errorReply(422, 'invalid_query', describeIssues(parsed.error), {
      error_category: 'validation'
    })
  }
  const resource = resolveResource(state, parsed.data)
  if (resource === undefined) return noMapping(parsed.data)
  const candidates = searchTickets(resource, parsed.data, parsed.data.limit ?? DEFAULT_LIMIT).map(
    candidate => candidateIn(shapes.candidates, { ...candidate })
  )
  return {
    status: 200,
    body: {
      ...(shapes.omitCandidates === true ? {} : { candidates }),
      resource_type: resource.resource_type,
      resource_id: resource.resource_id
    }
  }
}
