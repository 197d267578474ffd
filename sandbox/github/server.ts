import { createServer } from 'node:http'
import type { IncomingMessage, ServerResponse } from 'node:http'
import type { AddressInfo } from 'node:net'
import { Faults } from '../faults.js'
import { closeServer, lowerHeaders, playFault, readBody, Timers } from '../http.js'
import { CODELOAD_PATH, serveArchive } from './codeload.js'
import { actionsGrant, createRepository, SANDBOX_GITHUB_TOKEN, sandboxHelpers } from './helpers.js'
import type { SandboxGitHubHelpers } from './helpers.js'
import { DOCS_ROOT, githubError, notFound } from './reply.js'
import type { Reply } from './reply.js'
import { allows, compileRoutes, matchRoute } from './router.js'
import { gitRoutes } from './routes-git.js'
import { issueRoutes } from './routes-issues.js'
import { pullRoutes } from './routes-pulls.js'
import { repoRoutes } from './routes-repo.js'
import { defaultSeed } from './seed.js'
import type { RepoSeed } from './seed.js'
import { createState, findRepo } from './state.js'
import type { SandboxGitHubState } from './state.js'

const ROUTES = compileRoutes([...repoRoutes, ...gitRoutes, ...issueRoutes, ...pullRoutes])

/** How the sandbox GitHub starts. */
export interface SandboxGitHubOptions {
  /** The Actions token it accepts (default `SANDBOX_GITHUB_TOKEN`). */
  token?: string
  /** Repositories to start with (default: `acme/webapp`). */
  seed?: RepoSeed[]
  /** Clock for timestamps and new commits (default: the real clock). */
  now?: () => Date
  /** Milliseconds added before every answer. */
  latencyMs?: number
  /** Serves the API under this path, as GitHub Enterprise Server does under `/api/v3`. */
  basePath?: string
}

/** One request as the sandbox saw it (header names lower-cased, body parsed when JSON). */
export interface RecordedRequest {
  method: string
  /** Path and query, as sent. */
  path: string
  headers: Record<string, string>
  /** Parsed JSON body; undefined when there was none or it was not JSON. */
  body: unknown
  bodyText: string
}

/** A running sandbox GitHub REST API on 127.0.0.1. */
export interface SandboxGitHub extends SandboxGitHubHelpers {
  /** API root to use as `baseUrl` / `GITHUB_API_URL`. */
  url: string
  token: string
  state: SandboxGitHubState
  faults: Faults
  requests: RecordedRequest[]
  close(): Promise<void>
}

function parseJson(text: string): { ok: boolean; value: unknown } {
  if (text === '') return { ok: true, value: undefined }
  try {
    return { ok: true, value: JSON.parse(text) as unknown }
  } catch {
    return { ok: false, value: undefined }
  }
}

function send(response: ServerResponse, reply: Reply, requestId: string): void {
  if (response.destroyed) return
  const headers: Record<string, string> = { 'x-github-request-id': requestId, ...reply.headers }
  if (reply.body === undefined || Buffer.isBuffer(reply.body)) {
    response.writeHead(reply.status, headers)
    response.end(reply.body)
    return
  }
  const text = typeof reply.body === 'string' ? reply.body : JSON.stringify(reply.body)
  const type = typeof reply.body === 'string' ? 'text/html' : 'application/json'
  response.writeHead(reply.status, { 'content-type': `${type}; charset=utf-8`, ...headers })
  response.end(text)
}

/** The route path of a request path: the base path taken off; undefined outside of it. */
function routePath(pathname: string, basePath: string): string | undefined {
  if (basePath === '') return pathname
  return pathname.startsWith(`${basePath}/`) ? pathname.slice(basePath.length) : undefined
}

/**
 * Routes one request: 404 for unknown routes or repositories, 401 without a known token. Archive
 * links (codeload) carry their own token in the query instead.
 */
function dispatch(
  state: SandboxGitHubState,
  api: string,
  basePath: string,
  request: RecordedRequest
): Reply {
  const url = new URL(request.path, api)
  if (url.pathname.startsWith(CODELOAD_PATH)) return serveArchive(state, url)
  const path = routePath(url.pathname, basePath)
  const matched = path === undefined ? undefined : matchRoute(ROUTES, request.method, path)
  if (matched === undefined) return notFound(DOCS_ROOT)
  const { route, params } = matched
  const credentials = /^(?:token|bearer)\s+(\S+)$/i.exec(request.headers.authorization ?? '')
  if (credentials === null) return githubError(401, 'Requires authentication', DOCS_ROOT)
  const grant = state.tokens.get(credentials[1] ?? '')
  if (grant === undefined) return githubError(401, 'Bad credentials', DOCS_ROOT)
  const repo = findRepo(state, params.owner ?? '', params.repo ?? '')
  if (repo === undefined) return notFound(route.docs)
  if (!allows(grant, route)) {
    return githubError(403, 'Resource not accessible by integration', route.docs)
  }
  const body = parseJson(request.bodyText)
  if (!body.ok) return githubError(400, 'Problems parsing JSON', route.docs)
  return route.handle({ state, repo, params, url, body: body.value, grant, api, docs: route.docs })
}

/** Starts the sandbox GitHub on 127.0.0.1 with a random port. */
export async function startSandboxGitHub(
  options: SandboxGitHubOptions = {}
): Promise<SandboxGitHub> {
  const state = createState(options.now ?? (() => new Date()))
  const token = options.token ?? SANDBOX_GITHUB_TOKEN
  state.tokens.set(token, actionsGrant())
  for (const seed of options.seed ?? defaultSeed()) createRepository(state, seed)
  const faults = new Faults()
  faults.latencyMs = options.latencyMs ?? 0
  const basePath = (options.basePath ?? '').replace(/\/+$/, '')
  const requests: RecordedRequest[] = []
  const timers = new Timers()
  let served = 0

  async function serve(
    message: IncomingMessage,
    response: ServerResponse,
    api: string
  ): Promise<void> {
    served += 1
    const id = `SANDBOX:${String(served).padStart(6, '0')}`
    const bodyText = (await readBody(message)).toString('utf8')
    const request: RecordedRequest = {
      method: message.method ?? 'GET',
      path: message.url ?? '/',
      headers: lowerHeaders(message),
      body: parseJson(bodyText).value,
      bodyText
    }
    requests.push(request)
    await timers.wait(faults.latencyMs)
    const pathname = new URL(request.path, api).pathname
    const fault = faults.take(request.method, routePath(pathname, basePath) ?? pathname)
    const answerCanned = (reply: Reply) => {
      send(response, reply, id)
    }
    if (fault !== undefined && !(await playFault(fault, response, timers, answerCanned))) return
    send(response, dispatch(state, api, basePath, request), id)
  }

  const server = createServer((message, response) => {
    void serve(message, response, sandbox.url).catch((error: unknown) => {
      send(response, githubError(500, `The sandbox failed: ${String(error)}`, DOCS_ROOT), 'SANDBOX')
    })
  })
  await new Promise<void>(resolve => server.listen(0, '127.0.0.1', resolve))
  const { port } = server.address() as AddressInfo
  const sandbox: SandboxGitHub = {
    url: `http://127.0.0.1:${port}${basePath}`,
    token,
    state,
    faults,
    requests,
    ...sandboxHelpers(state),
    close: () => closeServer(server, timers)
  }
  return sandbox
}
