import { createServer } from 'node:http'
import type { IncomingMessage, ServerResponse } from 'node:http'
import type { AddressInfo } from 'node:net'
import { gunzipSync } from 'node:zlib'
import { handleBind, handleOperation } from './bind.js'
import { handleEvents } from './events.js'
import { Faults } from '../faults.js'
import { closeServer, lowerHeaders, playFault, readBody, Timers } from '../http.js'
import { errorReply } from './reply.js'
import type { Reply } from './reply.js'
import { handleSearch } from './search.js'
import { defaultSeed } from './seed.js'
import type { SaasSeed } from './seed.js'
import type { SaasShapes } from './shapes.js'
import { createState } from './state.js'
import type { AsyncBindMode, SaasState } from './state.js'

/** The token the sandbox accepts unless told otherwise. */
export const SANDBOX_TOKEN = 'sk-sandbox-7f3a9c1e5b2d4f60'
/** The team id the sandbox requires as X-Team-Slug unless told otherwise. */
export const SANDBOX_TEAM_SLUG = 'acme'

/** The private teamspace of the sandbox's user. */
export const SANDBOX_PRIVATE_TEAM = 'pts_01HXPRIVATE0000000000000'

/** A team as `GET /api/v1/me` lists it. */
export interface SandboxTeam {
  id: string
  name: string
  is_private_teamspace: boolean
}

/** The teams `GET /api/v1/me` lists by default: the collaborative team and a private one. */
export function defaultTeams(teamSlug: string | null = SANDBOX_TEAM_SLUG): SandboxTeam[] {
  return [
    ...(teamSlug === null ? [] : [{ id: teamSlug, name: 'Acme', is_private_teamspace: false }]),
    { id: SANDBOX_PRIVATE_TEAM, name: 'Personal', is_private_teamspace: true }
  ]
}

/** How the sandbox SaaS starts. */
export interface SandboxSaasOptions {
  token?: string
  /** Team the X-Team-Slug header must name; `null` turns the check off. */
  teamSlug?: string | null
  seed?: SaasSeed
  /** Answer binds with 202 and an operation instead of 200. */
  asyncBind?: AsyncBindMode
  /** Clock for `bound_at` (default Date.now). */
  now?: () => number
  /** What `GET /api/v1/me` lists (default: the team and a private teamspace). */
  teams?: SandboxTeam[]
  /** The lenient answer shapes to use (default: the contract's full shapes). */
  shapes?: SaasShapes
}

/** One request as the sandbox saw it (header names lower-cased, body gunzipped and parsed). */
export interface RecordedRequest {
  method: string
  path: string
  headers: Record<string, string>
  /** Parsed JSON body; undefined when there was none or it was not JSON. */
  body: unknown
  bodyText: string
}

/** A running sandbox SaaS on 127.0.0.1. */
export interface SandboxSaas {
  url: string
  token: string
  teamSlug: string | null
  state: SaasState
  faults: Faults
  requests: RecordedRequest[]
  /** Current bind mode; set it to switch a running sandbox to 202 answers. */
  asyncBind: AsyncBindMode | undefined
  /** What `GET /api/v1/me` lists; change it on a running sandbox. */
  teams: SandboxTeam[]
  /** The answer shapes; change them on a running sandbox. */
  shapes: SaasShapes
  close(): Promise<void>
}

interface Context {
  sandbox: SandboxSaas
  now: () => number
  request: RecordedRequest
  bodyIsGzip: boolean | undefined
}

/** Who may call a route: a tracker call needs the team header, the others must not send it. */
type Audience = 'tracker' | 'user' | 'events'

interface Route {
  method: string
  pattern: RegExp
  audience: Audience
  handle: (context: Context, match: RegExpMatchArray) => Reply
}

const routes: Route[] = [
  {
    method: 'GET',
    pattern: /^\/api\/v1\/me$/,
    audience: 'user',
    handle: context => ({ status: 200, body: { teams: context.sandbox.teams } })
  },
  {
    method: 'POST',
    pattern: /^\/api\/v1\/tracker\/issue-search\/$/,
    audience: 'tracker',
    handle: context =>
      handleSearch(context.sandbox.state, context.request.body, context.sandbox.shapes)
  },
  {
    method: 'POST',
    pattern: /^\/api\/v1\/tracker\/mission-origin\/bind\/$/,
    audience: 'tracker',
    handle: context =>
      handleBind(context.sandbox.state, context.request.body, {
        idempotencyKey: context.request.headers['idempotency-key'],
        asyncBind: context.sandbox.asyncBind,
        now: context.now,
        shapes: context.sandbox.shapes
      })
  },
  {
    method: 'GET',
    pattern: /^\/api\/v1\/tracker\/operations\/([^/]+)\/$/,
    audience: 'tracker',
    handle: (context, match) =>
      handleOperation(
        context.sandbox.state,
        decodeURIComponent(match[1]!),
        context.now,
        context.sandbox.shapes
      )
  },
  {
    method: 'POST',
    pattern: /^\/api\/v1\/events\/batch\/$/,
    audience: 'events',
    handle: context =>
      handleEvents(context.sandbox.state, {
        protocol: context.request.headers['x-spec-kitty-sync-protocol'],
        contentEncoding: context.request.headers['content-encoding'],
        bodyText: context.bodyIsGzip === false ? undefined : context.request.bodyText,
        refusal: context.sandbox.shapes.eventRefusal
      })
  }
]

function decode(raw: Buffer, encoding: string | undefined): { text: string; gzipOk?: boolean } {
  if (encoding !== 'gzip') return { text: raw.toString('utf8') }
  try {
    return { text: gunzipSync(raw).toString('utf8'), gzipOk: true }
  } catch {
    return { text: '', gzipOk: false }
  }
}

function parseJson(text: string): unknown {
  if (text === '') return undefined
  try {
    return JSON.parse(text) as unknown
  } catch {
    return undefined
  }
}

function send(response: ServerResponse, reply: Reply): void {
  if (response.destroyed) return
  const raw = typeof reply.body === 'string'
  const type = raw
    ? (reply.body as string).trimStart().startsWith('<')
      ? 'text/html'
      : 'text/plain'
    : 'application/json'
  const text = raw
    ? (reply.body as string)
    : reply.body === undefined
      ? ''
      : JSON.stringify(reply.body)
  response.writeHead(reply.status, { 'content-type': `${type}; charset=utf-8`, ...reply.headers })
  response.end(text)
}

function authorise(
  sandbox: SandboxSaas,
  headers: Record<string, string>,
  audience: Audience
): Reply | undefined {
  if (headers.authorization !== `Bearer ${sandbox.token}`) {
    return errorReply(
      401,
      'invalid_token',
      'Authentication credentials were not provided or are invalid.',
      {
        error_category: 'unauthenticated'
      }
    )
  }
  if (audience === 'events' && headers['x-team-slug'] !== undefined) {
    return errorReply(400, 'unexpected_team', 'The events batch takes no X-Team-Slug header.')
  }
  if (
    audience === 'tracker' &&
    sandbox.teamSlug !== null &&
    headers['x-team-slug'] !== sandbox.teamSlug
  ) {
    return errorReply(403, 'team_forbidden', 'The token does not act for this team.', {
      error_category: 'forbidden'
    })
  }
  return undefined
}

function route(context: Context, pathname: string): Reply {
  const matching = routes.filter(candidate => candidate.pattern.test(pathname))
  if (matching.length === 0) return errorReply(404, 'not_found', 'Not found.')
  const found = matching.find(candidate => candidate.method === context.request.method)
  if (found === undefined) return errorReply(405, 'method_not_allowed', 'Method not allowed.')
  return (
    authorise(context.sandbox, context.request.headers, found.audience) ??
    found.handle(context, pathname.match(found.pattern)!)
  )
}

/** Starts the sandbox SaaS on 127.0.0.1 with a random port. */
export async function startSandboxSaas(options: SandboxSaasOptions = {}): Promise<SandboxSaas> {
  const now = options.now ?? Date.now
  const timers = new Timers()

  const server = createServer((message, response) => {
    void serve(message, response).catch(() => {
      send(response, errorReply(500, 'internal', 'The sandbox failed.'))
    })
  })

  async function serve(message: IncomingMessage, response: ServerResponse): Promise<void> {
    const headers = lowerHeaders(message)
    const decoded = decode(await readBody(message), headers['content-encoding'])
    const path = message.url ?? '/'
    const request: RecordedRequest = {
      method: message.method ?? 'GET',
      path,
      headers,
      body: parseJson(decoded.text),
      bodyText: decoded.text
    }
    sandbox.requests.push(request)
    await timers.wait(sandbox.faults.latencyMs)
    const pathname = new URL(path, 'http://sandbox').pathname
    const fault = sandbox.faults.take(request.method, pathname)
    const answerCanned = (reply: Reply) => {
      send(response, reply)
    }
    if (fault !== undefined && !(await playFault(fault, response, timers, answerCanned))) return
    send(response, route({ sandbox, now, request, bodyIsGzip: decoded.gzipOk }, pathname))
  }

  await new Promise<void>(resolve => server.listen(0, '127.0.0.1', resolve))
  const { port } = server.address() as AddressInfo
  const teamSlug = options.teamSlug === undefined ? SANDBOX_TEAM_SLUG : options.teamSlug
  const sandbox: SandboxSaas = {
    url: `http://127.0.0.1:${port}`,
    token: options.token ?? SANDBOX_TOKEN,
    teamSlug,
    teams: options.teams ?? defaultTeams(teamSlug),
    shapes: options.shapes ?? {},
    state: createState(options.seed ?? defaultSeed()),
    faults: new Faults(),
    requests: [],
    asyncBind: options.asyncBind,
    close: () => closeServer(server, timers)
  }
  return sandbox
}
