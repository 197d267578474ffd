import { RequestError } from '@octokit/request-error'
import { z } from 'zod'
import { KittyError } from '../errors.js'

/** What kitty-origin was doing when a call failed, for the user's sentence. */
export interface GitHubCall {
  /** A verb phrase: "open the pull request", "read .kittify/config.yaml". */
  action: string
  /** The `permissions:` line the workflow needs for it, e.g. `pull-requests: write`. */
  permission: string
}

/** The repository setting that lets the Actions token open pull requests. */
export const ACTIONS_PR_SETTING =
  'Settings → Actions → General → Workflow permissions → Allow GitHub Actions to create and approve pull requests'

const MessageBody = z.object({
  message: z.string(),
  errors: z.array(z.unknown()).optional()
})
const ErrorEntry = z.object({ message: z.string() })

/**
 * GitHub's own words from an error body, if it has any: `message`, then the `message` of each
 * entry of `errors` (where a 422 says what exactly failed, e.g. "A pull request already exists").
 */
function githubMessage(failure: RequestError): string | undefined {
  const parsed = MessageBody.safeParse(failure.response?.data)
  if (!parsed.success) return undefined
  const details = (parsed.data.errors ?? []).flatMap(entry => {
    const detail = ErrorEntry.safeParse(entry)
    return detail.success ? [detail.data.message] : []
  })
  return [parsed.data.message, ...details].join(' ')
}

/** True when GitHub answered `status` with an error message matching `pattern`. */
export function isGitHubFailure(error: unknown, status: number, pattern?: RegExp): boolean {
  if (!(error instanceof RequestError) || error.response === undefined) return false
  if (error.status !== status) return false
  return pattern === undefined || pattern.test(githubMessage(error) ?? '')
}

function isTimeout(failure: RequestError): boolean {
  const { cause } = failure
  return cause instanceof Error && (cause.name === 'TimeoutError' || cause.name === 'AbortError')
}

function sentence(failure: RequestError, call: GitHubCall): { text: string; retryable: boolean } {
  const { status } = failure
  const message = githubMessage(failure) ?? ''
  const when = `when kitty-origin tried to ${call.action}`
  if (failure.response === undefined) {
    const what = isTimeout(failure)
      ? 'GitHub did not answer in time'
      : 'GitHub could not be reached'
    return { text: `${what} ${when}; re-run the job later.`, retryable: true }
  }
  if (/not permitted to create or approve pull requests/i.test(message)) {
    return {
      text: `GitHub Actions may not open pull requests in this repository; turn on ${ACTIONS_PR_SETTING}, then re-run the job.`,
      retryable: false
    }
  }
  if (/resource not accessible by integration/i.test(message)) {
    return {
      text: `The workflow's token may not ${call.action}; add \`${call.permission}\` under \`permissions:\` in the workflow file.`,
      retryable: false
    }
  }
  if ((status === 403 || status === 429) && /rate limit/i.test(message)) {
    return {
      text: `GitHub's rate limit blocked kitty-origin's request to ${call.action}; re-run the job later.`,
      retryable: true
    }
  }
  const texts: Record<number, string> = {
    401: `GitHub rejected the token ${when}; check the token the workflow gives kitty-origin.`,
    403: `GitHub refused access ${when}; check the token's permissions and the repository's rules.`,
    404: `GitHub found nothing ${when}; check that it exists and that the token can see it.`,
    409: `GitHub reported a conflict ${when}; re-run the job.`,
    422: `GitHub refused the request ${when} (validation failed); see the run log.`
  }
  if (status >= 500)
    return { text: `GitHub failed (${status}) ${when}; re-run the job later.`, retryable: true }
  return {
    text: texts[status] ?? `GitHub answered ${status} ${when}; see the run log.`,
    retryable: false
  }
}

/**
 * Turns anything a GitHub call threw into a KittyError (`github-error`): one sentence for the
 * user that names what was being done and what to change, never GitHub's raw body or headers;
 * the status and GitHub's message go to `detail` for the log.
 */
export function toGitHubError(error: unknown, call: GitHubCall): KittyError {
  if (error instanceof KittyError) return error
  if (!(error instanceof RequestError)) {
    const detail = error instanceof Error ? error.message : String(error)
    return new KittyError(
      'github-error',
      `kitty-origin could not ${call.action} on GitHub; see the run log.`,
      detail,
      { cause: error }
    )
  }
  const { text, retryable } = sentence(error, call)
  const detail =
    error.response === undefined
      ? `No answer from GitHub: ${error.message}`
      : `GitHub answered ${error.status}: ${(githubMessage(error) ?? 'a body without a JSON message').slice(0, 300)}`
  return new KittyError('github-error', text, detail, { cause: error, retryable })
}

/**
 * Runs one GitHub call, turning its failure into a KittyError — unless `recover` turns that
 * failure into a value (e.g. a 404 into null).
 */
export async function attempt<T>(
  call: GitHubCall,
  run: () => Promise<T>,
  recover?: (error: unknown) => T | undefined
): Promise<T> {
  try {
    return await run()
  } catch (error) {
    const recovered = recover?.(error)
    if (recovered !== undefined) return recovered
    throw toGitHubError(error, call)
  }
}

/** A git object id as GitHub writes it: 40 lowercase hex digits. */
export const Sha = z.string().regex(/^[0-9a-f]{40}$/)

/** Parses a GitHub answer at the edge; a shape kitty-origin does not expect is a KittyError. */
export function parseAnswer<T>(schema: z.ZodType<T>, data: unknown, call: GitHubCall): T {
  const parsed = schema.safeParse(data)
  if (parsed.success) return parsed.data
  throw new KittyError(
    'github-error',
    `GitHub's answer when kitty-origin tried to ${call.action} was not what it expected; see the run log.`,
    z.prettifyError(parsed.error)
  )
}
