import { SANDBOX_GITHUB_OPERATIONS } from './operations.js'
import type { SandboxGitHubOperation } from './operations.js'
import type { Reply } from './reply.js'
import type { Access, SandboxGitHubState, SandboxRepo, Scope, TokenGrant } from './state.js'

/** What a route handler gets: the resolved repository, path parameters, query and body. */
export interface RouteContext {
  state: SandboxGitHubState
  repo: SandboxRepo
  params: Record<string, string>
  /** The request URL, absolute, on the sandbox's origin. */
  url: URL
  body: unknown
  grant: TokenGrant
  /** The sandbox's API root, e.g. `http://127.0.0.1:41234`. */
  api: string
  /** The operation's documentation URL, for error bodies. */
  docs: string
}

/** One served operation: the token scopes it needs and its handler. */
export interface RouteDefinition {
  operation: SandboxGitHubOperation
  /** A token needs `access` on any one of these scopes. */
  scopes: Scope[]
  access: Exclude<Access, 'none'>
  handle: (context: RouteContext) => Reply
}

/** A route compiled for matching. */
export interface CompiledRoute extends RouteDefinition {
  method: string
  pattern: RegExp
  names: string[]
  docs: string
}

/**
 * Path parameters that may span several segments: `git/ref/{ref}`, and `contents/{path}`, whose
 * path may also be left out entirely (`/contents` is the repository root).
 */
const GREEDY: Record<string, string> = { path: '(?:/(.*))?', ref: '/(.+)' }
const NUMERIC = new Set(['issue_number', 'comment_id', 'pull_number'])

/** Turns route definitions into regular expressions over the raw (still encoded) pathname. */
export function compileRoutes(definitions: readonly RouteDefinition[]): CompiledRoute[] {
  return definitions.map(definition => {
    const [method, template] = definition.operation.split(' ') as [string, string]
    const names: string[] = []
    const source = template.replace(/\/\{(\w+)\}/g, (_match, name: string) => {
      names.push(name)
      return GREEDY[name] ?? (NUMERIC.has(name) ? '/(\\d+)' : '/([^/]+)')
    })
    const docs = SANDBOX_GITHUB_OPERATIONS[definition.operation]
    return { ...definition, method, pattern: new RegExp(`^${source}/?$`), names, docs }
  })
}

/** The route and decoded parameters for a request, or undefined (GitHub answers 404). */
export function matchRoute(
  routes: readonly CompiledRoute[],
  method: string,
  pathname: string
): { route: CompiledRoute; params: Record<string, string> } | undefined {
  for (const route of routes) {
    if (route.method !== method) continue
    const match = route.pattern.exec(pathname)
    if (match === null) continue
    try {
      const params = Object.fromEntries(
        route.names.map((name, index) => [name, decodeURIComponent(match[index + 1] ?? '')])
      )
      return { route, params }
    } catch {
      return undefined
    }
  }
  return undefined
}

const RANK: Record<Access, number> = { none: 0, read: 1, write: 2 }

/** True when the token has the route's access on one of its scopes. */
export function allows(grant: TokenGrant, route: RouteDefinition): boolean {
  return route.scopes.some(scope => RANK[grant.permissions[scope]] >= RANK[route.access])
}
