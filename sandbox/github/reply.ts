import type { z } from 'zod'

/** What a sandbox handler answers: a status, a body and extra headers. */
export interface Reply {
  status: number
  /** Sent as JSON; a string as text, a Buffer as it is (its type in `headers`). */
  body?: unknown
  headers?: Record<string, string>
}

/** GitHub's documentation root, used where no operation is known (e.g. unknown routes). */
export const DOCS_ROOT = 'https://docs.github.com/rest'

/** One entry of the `errors` array of a 422 "Validation Failed" body. */
export interface ValidationError {
  resource: string
  code: string
  field?: string
  message?: string
  value?: unknown
}

/** A success reply with a JSON body. */
export function ok(body: unknown, status = 200, headers?: Record<string, string>): Reply {
  return headers === undefined ? { status, body } : { status, body, headers }
}

/** GitHub's error body: `{ message, documentation_url, status }` (status as a string). */
export function githubError(status: number, message: string, documentationUrl: string): Reply {
  return { status, body: { message, documentation_url: documentationUrl, status: String(status) } }
}

/** 404 with GitHub's plain "Not Found". */
export function notFound(documentationUrl: string): Reply {
  return githubError(404, 'Not Found', documentationUrl)
}

/** 422 "Validation Failed" with an `errors` array, as the issues and pulls APIs answer. */
export function validationFailed(documentationUrl: string, errors: ValidationError[]): Reply {
  return {
    status: 422,
    body: {
      message: 'Validation Failed',
      errors,
      documentation_url: documentationUrl,
      status: '422'
    }
  }
}

/** 422 "Invalid request." naming what is wrong with the body, as the git database API answers. */
export function invalidRequest(documentationUrl: string, error: z.ZodError): Reply {
  const details = error.issues.map(issue => {
    const field = issue.path.join('.')
    return issue.code === 'invalid_type' && issue.message.endsWith('received undefined')
      ? `"${field}" wasn't supplied.`
      : `Invalid value for "${field}".`
  })
  return githubError(422, `Invalid request.\n\n${details.join('\n')}`, documentationUrl)
}

function positiveInteger(raw: string | null, fallback: number): number {
  const value = Number(raw)
  return raw !== null && Number.isInteger(value) && value > 0 ? value : fallback
}

/** One page of a list and the `Link` header GitHub sends with it. */
export interface Page<T> {
  items: T[]
  headers: Record<string, string>
}

/**
 * Cuts a list into GitHub's pages (`per_page` default 30, at most 100; `page` from 1) and builds
 * the `Link` header exactly as GitHub orders it: prev, next, last, first — each only when it
 * applies, and no header at all when everything fits on one page.
 */
export function paginate<T>(items: readonly T[], url: URL, defaultPerPage = 30): Page<T> {
  const perPage = Math.min(100, positiveInteger(url.searchParams.get('per_page'), defaultPerPage))
  const page = positiveInteger(url.searchParams.get('page'), 1)
  const lastPage = Math.max(1, Math.ceil(items.length / perPage))
  const slice = items.slice((page - 1) * perPage, page * perPage)
  if (lastPage === 1 && page === 1) return { items: slice, headers: {} }
  const link = (target: number, rel: string): string => {
    const next = new URL(url)
    next.searchParams.set('page', String(target))
    return `<${next.toString()}>; rel="${rel}"`
  }
  const links: string[] = []
  if (page > 1) links.push(link(page - 1, 'prev'))
  if (page < lastPage) links.push(link(page + 1, 'next'), link(lastPage, 'last'))
  if (page > 1) links.push(link(1, 'first'))
  return { items: slice, headers: { link: links.join(', ') } }
}
