import { z } from 'zod'
import { notFound, ok, paginate, validationFailed } from './reply.js'
import type { Reply } from './reply.js'
import type { RouteContext, RouteDefinition } from './router.js'
import { REACTIONS, commentJson, issueLabels, reactionJson } from './shapes-issues.js'
import { nextId, timestamp } from './state.js'
import type { IssueComment, SandboxGitHubState, SandboxRepo } from './state.js'

/** GitHub's limit on the length of a comment body. */
export const MAX_COMMENT_LENGTH = 65_536

const CommentBody = z.object({ body: z.string() })
const ReactionBody = z.object({ content: z.string() })
const LabelNames = z.array(z.union([z.string(), z.object({ name: z.string() })]))
const LabelsBody = z.union([z.object({ labels: LabelNames }), LabelNames])

/** Adds a comment to an issue or pull request, as `user`. */
export function addComment(
  state: SandboxGitHubState,
  repo: SandboxRepo,
  issueNumber: number,
  user: string,
  body: string
): IssueComment {
  const now = timestamp(state)
  const comment: IssueComment = {
    id: nextId(state),
    issueNumber,
    user,
    body,
    createdAt: now,
    updatedAt: now,
    reactions: []
  }
  repo.comments.set(comment.id, comment)
  const issue = repo.issues.get(issueNumber)
  if (issue !== undefined) issue.updatedAt = now
  return comment
}

function bodyProblem(body: unknown, docs: string): Reply | string {
  const parsed = CommentBody.safeParse(body)
  if (!parsed.success) {
    return validationFailed(docs, [
      { resource: 'IssueComment', code: 'missing_field', field: 'body' }
    ])
  }
  if (parsed.data.body.length > MAX_COMMENT_LENGTH) {
    return validationFailed(docs, [
      {
        resource: 'IssueComment',
        code: 'custom',
        field: 'body',
        message: `body is too long (maximum is ${MAX_COMMENT_LENGTH} characters)`
      }
    ])
  }
  return parsed.data.body
}

function issueNumber(context: RouteContext): number {
  return Number(context.params.issue_number)
}

/** Oldest first, paginated with GitHub's Link header. */
function listComments(context: RouteContext): Reply {
  const { state, api, repo, url, docs } = context
  const number = issueNumber(context)
  if (!repo.issues.has(number)) return notFound(docs)
  const all = [...repo.comments.values()]
    .filter(comment => comment.issueNumber === number)
    .sort((a, b) => a.id - b.id)
  const page = paginate(all, url)
  return ok(
    page.items.map(comment => commentJson(state, api, repo, comment)),
    200,
    page.headers
  )
}

function createComment(context: RouteContext): Reply {
  const { state, api, repo, body, grant, docs } = context
  const number = issueNumber(context)
  if (!repo.issues.has(number)) return notFound(docs)
  const text = bodyProblem(body, docs)
  if (typeof text !== 'string') return text
  return ok(commentJson(state, api, repo, addComment(state, repo, number, grant.login, text)), 201)
}

function findComment({ repo, params }: RouteContext): IssueComment | undefined {
  return repo.comments.get(Number(params.comment_id))
}

function getComment(context: RouteContext): Reply {
  const comment = findComment(context)
  if (comment === undefined) return notFound(context.docs)
  return ok(commentJson(context.state, context.api, context.repo, comment))
}

function updateComment(context: RouteContext): Reply {
  const comment = findComment(context)
  if (comment === undefined) return notFound(context.docs)
  const text = bodyProblem(context.body, context.docs)
  if (typeof text !== 'string') return text
  comment.body = text
  comment.updatedAt = timestamp(context.state)
  return ok(commentJson(context.state, context.api, context.repo, comment))
}

/** 201 for a new reaction; 200 with the existing one when this account already reacted so. */
function createReaction(context: RouteContext): Reply {
  const { state, api, grant, body, docs } = context
  const comment = findComment(context)
  if (comment === undefined) return notFound(docs)
  const parsed = ReactionBody.safeParse(body)
  if (!parsed.success || !REACTIONS.includes(parsed.data.content)) {
    return validationFailed(docs, [{ resource: 'Reaction', code: 'invalid', field: 'content' }])
  }
  const { content } = parsed.data
  const existing = comment.reactions.find(r => r.user === grant.login && r.content === content)
  if (existing !== undefined) return ok(reactionJson(state, api, existing))
  const reaction = { id: nextId(state), user: grant.login, content, createdAt: timestamp(state) }
  comment.reactions.push(reaction)
  return ok(reactionJson(state, api, reaction), 201)
}

/**
 * Adds labels (creating unknown ones); answers every label of the issue. Right after a pull
 * request is created, answers 422 as often as the repository's `labelLagAfterPullCreate` says.
 */
function addLabels(context: RouteContext): Reply {
  const { state, api, repo, body, docs } = context
  const number = issueNumber(context)
  const issue = repo.issues.get(number)
  if (issue === undefined) return notFound(docs)
  const pull = repo.pulls.get(number)
  if (pull !== undefined && pull.labelLag > 0) {
    pull.labelLag -= 1
    return validationFailed(docs, [{ resource: 'Label', code: 'unprocessable', field: 'data' }])
  }
  const parsed = LabelsBody.safeParse(body)
  if (!parsed.success) {
    return validationFailed(docs, [{ resource: 'Label', code: 'invalid', field: 'labels' }])
  }
  const entries = Array.isArray(parsed.data) ? parsed.data : parsed.data.labels
  for (const entry of entries) {
    const name = typeof entry === 'string' ? entry : entry.name
    const key = name.toLowerCase()
    const label = repo.labels.get(key) ?? {
      id: nextId(state),
      name,
      color: 'ededed',
      description: null
    }
    repo.labels.set(key, label)
    if (!issue.labels.some(known => known.toLowerCase() === key)) issue.labels.push(label.name)
  }
  return ok(issueLabels(api, repo, issue))
}

/** Issue comments, reactions and labels. */
export const issueRoutes: RouteDefinition[] = [
  {
    operation: 'GET /repos/{owner}/{repo}/issues/{issue_number}/comments',
    scopes: ['issues', 'pull_requests'],
    access: 'read',
    handle: listComments
  },
  {
    operation: 'POST /repos/{owner}/{repo}/issues/{issue_number}/comments',
    scopes: ['issues', 'pull_requests'],
    access: 'write',
    handle: createComment
  },
  {
    operation: 'GET /repos/{owner}/{repo}/issues/comments/{comment_id}',
    scopes: ['issues', 'pull_requests'],
    access: 'read',
    handle: getComment
  },
  {
    operation: 'PATCH /repos/{owner}/{repo}/issues/comments/{comment_id}',
    scopes: ['issues', 'pull_requests'],
    access: 'write',
    handle: updateComment
  },
  {
    operation: 'POST /repos/{owner}/{repo}/issues/comments/{comment_id}/reactions',
    scopes: ['issues', 'pull_requests'],
    access: 'write',
    handle: createReaction
  },
  {
    operation: 'POST /repos/{owner}/{repo}/issues/{issue_number}/labels',
    scopes: ['issues', 'pull_requests'],
    access: 'write',
    handle: addLabels
  }
]
