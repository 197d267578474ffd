import * as core from '../runner-io.js'
import { createGitHubClient } from '../github/client.js'
import { listPullRequestFiles, MAX_LISTED_PULL_FILES } from '../github/pull-files.js'
import { readTextFile } from '../github/repo.js'
import type { Inputs } from '../inputs.js'
import { proxyNetwork } from '../net/proxy.js'
import type { ProxyNetwork } from '../net/proxy.js'
import type { RunReport } from '../report.js'
import { createSaasClient } from '../saas/client.js'
import type { Trigger } from '../trigger.js'
import { USER_AGENT } from '../version.js'
import type { AnnotationSink, VerifyPorts } from './ports.js'
import { verifyPullRequest } from './pull-request.js'

/** What a test may swap: the fetch Octokit uses (jest's globals differ) and the annotation sink. */
export interface VerifyOptions {
  fetch?: typeof globalThis.fetch
  annotations?: AnnotationSink
}

/**
 * The SaaS client when both SaaS inputs are set; undefined otherwise, with a warning when only
 * one is (typically the token: GitHub gives no secrets to pull requests from forks).
 */
function saasClientOf(inputs: Inputs, proxy: ProxyNetwork | undefined): VerifyPorts['saas'] {
  const { saasUrl, saasToken } = inputs
  if (saasUrl === undefined || saasToken === undefined) {
    if (saasUrl !== saasToken) {
      const empty = saasUrl === undefined ? 'saas-url' : 'saas-token'
      core.warning(
        `Input \`${empty}\` is empty, so origin tickets are not re-checked at the Spec Kitty SaaS (GitHub gives no secrets to pull requests from forks).`
      )
    }
    return undefined
  }
  return createSaasClient({
    baseUrl: saasUrl,
    token: saasToken,
    teamSlug: inputs.teamSlug,
    userAgent: USER_AGENT,
    fetch: proxy?.fetch
  })
}

/** The ports of a verification over the GitHub REST API, the SaaS (when set) and the runner. */
export function verifyPorts(
  inputs: Inputs,
  trigger: Extract<Trigger, { kind: 'verify' }>,
  env: NodeJS.ProcessEnv,
  options: VerifyOptions
): VerifyPorts {
  const repo = { owner: trigger.source.owner, repo: trigger.source.repo }
  const proxy = proxyNetwork(env)
  const github = createGitHubClient({
    token: inputs.githubToken,
    baseUrl: env.GITHUB_API_URL ?? 'https://api.github.com',
    userAgent: USER_AGENT,
    logger: { debug: core.debug, warning: core.warning },
    fetch: options.fetch ?? proxy?.fetch
  })
  const saas = saasClientOf(inputs, proxy)
  return {
    async listChangedFiles(pullNumber) {
      const files = await listPullRequestFiles(github, repo, pullNumber)
      return { files, complete: files.length < MAX_LISTED_PULL_FILES }
    },
    readFile: (path, ref) => readTextFile(github, repo, path, ref),
    ...(saas === undefined ? {} : { saas }),
    annotations: options.annotations ?? { error: core.error, notice: core.notice },
    log: { info: core.info, warning: core.warning }
  }
}

/** Verifies the provenance of the missions a pull request adds or changes (see verifyPullRequest). */
export async function runVerify(
  inputs: Inputs,
  trigger: Extract<Trigger, { kind: 'verify' }>,
  env: NodeJS.ProcessEnv,
  options: VerifyOptions
): Promise<RunReport> {
  return verifyPullRequest(
    {
      pullNumber: trigger.pullNumber,
      headSha: trigger.headSha,
      headRef: trigger.headRef,
      baseRef: trigger.baseRef,
      requireOrigin: inputs.requireOrigin,
      overrides: {
        provider: inputs.provider,
        projectSlug: inputs.projectSlug,
        bindingRef: inputs.bindingRef
      },
      dryRun: inputs.dryRun
    },
    verifyPorts(inputs, trigger, env, options)
  )
}
