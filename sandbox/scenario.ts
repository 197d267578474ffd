/**
 * A conversation on a fresh sandbox: the sandbox SaaS and GitHub running, an issue to talk on,
 * and helpers that post a comment there (returning the event GitHub would send) and run the
 * built action for an event the way a runner does. Used by `npm run demo` and integration tests.
 */
import { actionInputDefaults } from './action-inputs.js'
import { issueCommentEvent, workflowDispatchEvent } from './events.js'
import type { IssueCommentPayload, RepositoryTarget, WorkflowDispatchPayload } from './events.js'
import { createIssue } from './github/helpers.js'
import { startSandboxGitHub } from './github/server.js'
import type { SandboxGitHub, SandboxGitHubOptions } from './github/server.js'
import { authorAssociation } from './github/shapes-issues.js'
import { findUser } from './github/state.js'
import type { IssueComment } from './github/state.js'
import { runAction } from './runner.js'
import type { RunActionOptions, RunResult } from './runner.js'
import { startSandboxSaas } from './saas/server.js'
import type { SandboxSaas, SandboxSaasOptions } from './saas/server.js'

/** How a scenario starts. */
export interface ScenarioOptions {
  /** The action to run; default `dist/index.js`. */
  entry?: string
  saas?: SandboxSaasOptions
  github?: SandboxGitHubOptions
  /** Default `acme/webapp` (bound to the Linear project `acme-web`). */
  repository?: string
  /** The issue to talk on; default #42 "Add Clerk auth" by ana, opened when missing. */
  issue?: { number?: number; title?: string; body?: string; user?: string }
  /** Per-run timeout; default the runner's 30 s. */
  timeoutMs?: number
}

/** A pull request as a person sees it. */
export interface PullRequestView {
  number: number
  title: string
  body: string
  head: string
  base: string
  draft: boolean
  labels: string[]
}

/** A running conversation. */
export interface Scenario {
  saas: SandboxSaas
  github: SandboxGitHub
  /** `owner/name`. */
  repository: string
  defaultBranch: string
  issueNumber: number
  /** Posts a comment as `login` (on the scenario's issue unless told) and returns its event. */
  postComment(login: string, body: string, issueNumber?: number): IssueCommentPayload
  /** The `workflow_dispatch` event of `login` running the workflow with `inputs`. */
  dispatch(login: string, inputs: Record<string, string>): WorkflowDispatchPayload
  /**
   * Runs the action for an event with the sandboxes' URLs and tokens as inputs (plus the
   * `action.yml` defaults and `extraInputs`), against the current head of the default branch.
   */
  run(
    eventName: string,
    payload: unknown,
    extraInputs?: Record<string, string>,
    options?: Pick<RunActionOptions, 'env' | 'timeoutMs' | 'debug'>
  ): Promise<RunResult>
  /** The comments bot accounts posted on an issue (default the scenario's), oldest first. */
  botComments(issueNumber?: number): IssueComment[]
  /** A pull request of the repository; undefined when there is none with that number. */
  pullRequest(number: number): PullRequestView | undefined
  close(): Promise<void>
}

/** Starts the sandbox SaaS and GitHub and prepares the issue the conversation happens on. */
export async function startScenario(options: ScenarioOptions = {}): Promise<Scenario> {
  const saas = await startSandboxSaas(options.saas)
  let github: SandboxGitHub
  try {
    github = await startSandboxGitHub(options.github)
  } catch (error) {
    await saas.close()
    throw error
  }
  const repository = options.repository ?? 'acme/webapp'
  const repo = github.repo(repository)
  const issueNumber = options.issue?.number ?? 42
  if (!repo.issues.has(issueNumber)) {
    createIssue(github.state, repo, {
      number: issueNumber,
      title: options.issue?.title ?? 'Add Clerk auth',
      body: options.issue?.body ?? 'Tracked in Linear as WEB-123.',
      user: options.issue?.user ?? 'ana'
    })
  }
  let runs = 0

  const target = (): RepositoryTarget => ({
    owner: repo.owner,
    repo: repo.name,
    defaultBranch: repo.defaultBranch,
    ownerType: findUser(github.state, repo.owner)?.type === 'User' ? 'User' : 'Organization',
    private: repo.private,
    repoId: repo.id,
    userIds: Object.fromEntries([...github.state.users.values()].map(user => [user.login, user.id]))
  })

  return {
    saas,
    github,
    repository,
    defaultBranch: repo.defaultBranch,
    issueNumber,
    postComment: (login, body, number = issueNumber) => {
      const [comment] = github.addComments(repository, number, [{ user: login, body }])
      const issue = repo.issues.get(number)
      return issueCommentEvent({
        ...target(),
        issueNumber: number,
        commentCount: github.comments(repository, number).length,
        commentId: comment!.id,
        body,
        login,
        userType: findUser(github.state, login)?.type === 'Bot' ? 'Bot' : 'User',
        onPullRequest: repo.pulls.has(number),
        issueTitle: issue?.title ?? '',
        issueAuthor: issue?.user ?? login,
        authorAssociation: authorAssociation(repo, login) as 'OWNER' | 'COLLABORATOR' | 'NONE',
        createdAt: comment!.createdAt
      })
    },
    dispatch: (login, inputs) => workflowDispatchEvent({ ...target(), login, inputs }),
    run: (eventName, payload, extraInputs = {}, runOptions = {}) => {
      runs += 1
      return runAction({
        entry: options.entry,
        eventName,
        payload,
        timeoutMs: options.timeoutMs,
        ...runOptions,
        inputs: {
          ...actionInputDefaults({ githubToken: github.token }),
          'github-token': github.token,
          'saas-url': saas.url,
          'saas-token': saas.token,
          ...(saas.teamSlug === null ? {} : { 'team-slug': saas.teamSlug }),
          ...extraInputs
        },
        github: {
          apiUrl: github.url,
          sha: github.branchHead(repository, repo.defaultBranch),
          runId: String(7_000_000 + runs)
        }
      })
    },
    botComments: (number = issueNumber) =>
      github
        .comments(repository, number)
        .filter(comment => findUser(github.state, comment.user)?.type === 'Bot'),
    pullRequest: number => {
      const pull = repo.pulls.get(number)
      const issue = repo.issues.get(number)
      if (pull === undefined || issue === undefined) return undefined
      return {
        number,
        title: issue.title,
        body: issue.body ?? '',
        head: pull.head,
        base: pull.base,
        draft: pull.draft,
        labels: [...issue.labels]
      }
    },
    close: async () => {
      await Promise.all([saas.close(), github.close()])
    }
  }
}
