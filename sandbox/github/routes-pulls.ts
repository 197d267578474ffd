import { z } from 'zod'
import { pullFilesJson, pullStats } from './diff.js'
import { githubError, notFound, ok, paginate, validationFailed } from './reply.js'
import type { Reply, ValidationError } from './reply.js'
import type { RouteContext, RouteDefinition } from './router.js'
import { pullJson } from './shapes-issues.js'
import { nextId, nextNumber, timestamp } from './state.js'
import type { PullRequest, SandboxRepo } from './state.js'

/** GitHub's answer when the repository does not let Actions open pull requests. */
export const ACTIONS_MAY_NOT_CREATE_PULLS =
  'GitHub Actions is not permitted to create or approve pull requests.'

const CreatePull = z.object({
  title: z.string().min(1),
  head: z.string().min(1),
  base: z.string().min(1),
  body: z.string().nullable().optional(),
  draft: z.boolean().optional(),
  maintainer_can_modify: z.boolean().optional()
})

/** A 422 entry about one field of the request. */
function fieldError(field: string, code: string): ValidationError {
  return { resource: 'PullRequest', field, code }
}

/** A 422 entry that explains itself (`code: custom`). */
function customError(message: string): ValidationError {
  return { resource: 'PullRequest', code: 'custom', message }
}

/** `owner:branch` or `branch` → the branch, when the owner is this repository's. */
function headBranch(repo: SandboxRepo, head: string): string | undefined {
  const colon = head.indexOf(':')
  if (colon === -1) return head
  return head.slice(0, colon).toLowerCase() === repo.owner.toLowerCase()
    ? head.slice(colon + 1)
    : undefined
}

/**
 * Filters by `state` (open, closed, all), `head` (`owner:branch`; a value without an owner is
 * ignored, as on GitHub) and `base`; newest first unless `direction=asc`.
 */
function listPulls({ state, api, repo, url }: RouteContext): Reply {
  const query = url.searchParams
  const wanted = query.get('state') ?? 'open'
  const head = query.get('head')
  const base = query.get('base')
  const matching = [...repo.pulls.values()].filter(pull => {
    const issue = repo.issues.get(pull.number)
    if (wanted !== 'all' && issue?.state !== wanted) return false
    if (head?.includes(':') === true && headBranch(repo, head) !== pull.head) return false
    return base === null || base === pull.base
  })
  matching.sort((a, b) =>
    query.get('direction') === 'asc' ? a.number - b.number : b.number - a.number
  )
  const page = paginate(matching, url)
  return ok(
    page.items.map(pull => pullJson(state, api, repo, pull)),
    200,
    page.headers
  )
}

function refusal(repo: SandboxRepo, data: z.infer<typeof CreatePull>): ValidationError | undefined {
  const baseSha = repo.refs.get(`refs/heads/${data.base}`)
  if (baseSha === undefined) return fieldError('base', 'invalid')
  const head = headBranch(repo, data.head)
  const headSha = head === undefined ? undefined : repo.refs.get(`refs/heads/${head}`)
  if (head === undefined || headSha === undefined) return fieldError('head', 'invalid')
  if (repo.git.isAncestor(headSha, baseSha)) {
    return customError(`No commits between ${data.base} and ${head}`)
  }
  const open = [...repo.pulls.values()].find(
    pull =>
      pull.head === head &&
      pull.base === data.base &&
      repo.issues.get(pull.number)?.state === 'open'
  )
  return open === undefined
    ? undefined
    : customError(`A pull request already exists for ${repo.owner}:${head}.`)
}

function createPull({ state, api, repo, body, grant, docs }: RouteContext): Reply {
  if (grant.actions && !repo.settings.actionsCanCreatePullRequests) {
    return githubError(403, ACTIONS_MAY_NOT_CREATE_PULLS, docs)
  }
  const parsed = CreatePull.safeParse(body)
  if (!parsed.success) {
    const field = String(parsed.error.issues[0]?.path[0] ?? 'title')
    return validationFailed(docs, [fieldError(field, 'missing_field')])
  }
  const problem = refusal(repo, parsed.data)
  if (problem !== undefined) return validationFailed(docs, [problem])
  const data = parsed.data
  const head = headBranch(repo, data.head) ?? data.head
  const now = timestamp(state)
  const number = nextNumber(repo)
  repo.issues.set(number, {
    number,
    id: nextId(state),
    title: data.title,
    body: data.body ?? null,
    user: grant.login,
    state: 'open',
    labels: [],
    createdAt: now,
    updatedAt: now
  })
  const pull: PullRequest = {
    number,
    id: nextId(state),
    head,
    base: data.base,
    headSha: repo.refs.get(`refs/heads/${head}`) ?? '',
    draft: data.draft ?? false,
    labelLag: repo.settings.labelLagAfterPullCreate
  }
  repo.pulls.set(number, pull)
  return ok(pullJson(state, api, repo, pull, pullStats(repo, pull)), 201)
}

function findPull({ repo, params }: RouteContext): PullRequest | undefined {
  return repo.pulls.get(Number(params.pull_number))
}

function getPull(context: RouteContext): Reply {
  const pull = findPull(context)
  if (pull === undefined) return notFound(context.docs)
  const { state, api, repo } = context
  return ok(pullJson(state, api, repo, pull, pullStats(repo, pull)))
}

function listPullFiles(context: RouteContext): Reply {
  const pull = findPull(context)
  if (pull === undefined) return notFound(context.docs)
  const page = paginate(pullFilesJson(context.api, context.repo, pull), context.url)
  return ok(page.items, 200, page.headers)
}

/** Pull requests. */
export const pullRoutes: RouteDefinition[] = [
  {
    operation: 'GET /repos/{owner}/{repo}/pulls',
    scopes: ['pull_requests'],
    access: 'read',
    handle: listPulls
  },
  {
    operation: 'POST /repos/{owner}/{repo}/pulls',
    scopes: ['pull_requests'],
    access: 'write',
    handle: createPull
  },
  {
    operation: 'GET /repos/{owner}/{repo}/pulls/{pull_number}',
    scopes: ['pull_requests'],
    access: 'read',
    handle: getPull
  },
  {
    operation: 'GET /repos/{owner}/{repo}/pulls/{pull_number}/files',
    scopes: ['pull_requests'],
    access: 'read',
    handle: listPullFiles
  }
]
