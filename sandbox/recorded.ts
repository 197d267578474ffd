/**
 * Real webhook payloads recorded by GitHub (`@octokit/webhooks-examples`), and the small
 * rewrites that move one of them onto another repository and other accounts.
 */
import { createRequire } from 'node:module'
import type { WebhookDefinition } from '@octokit/webhooks-examples'
import { z } from 'zod'

/** The events whose recordings the sandbox uses. */
export type RecordedEvent = 'issue_comment' | 'workflow_dispatch' | 'pull_request'

/** One recorded payload of an event, typed as the package declares it. */
export type RecordedPayload<N extends RecordedEvent> = WebhookDefinition<N>['examples'][number]

/** The account shape of webhook payloads (`sender`, `comment.user`, …). */
export type Account = RecordedPayload<'issue_comment'>['sender']

/** The account kinds a payload names. */
export type AccountType = 'User' | 'Bot' | 'Organization'

/** Where recorded payloads point: github.com. */
export const API_ROOT = 'https://api.github.com'
/** The web root of recorded payloads. */
export const HTML_ROOT = 'https://github.com'

const Definitions = z.array(
  z.object({
    name: z.string(),
    examples: z.array(z.record(z.string(), z.unknown()))
  })
)

let loaded: z.infer<typeof Definitions> | undefined

function definitions(): z.infer<typeof Definitions> {
  loaded ??= Definitions.parse(createRequire(import.meta.url)('@octokit/webhooks-examples'))
  return loaded
}

/**
 * A deep copy of the newest recording (the last in the package's list) of `name`, with `action`
 * when given. Newer recordings carry the fields GitHub added over the years, so they are the
 * ones that match the current webhook schemas; a test checks that they do.
 */
export function recordedExample<N extends RecordedEvent>(
  name: N,
  action?: string
): RecordedPayload<N> {
  const examples = definitions().find(definition => definition.name === name)?.examples ?? []
  const matching = examples.filter(example => action === undefined || example.action === action)
  const newest = matching.at(-1)
  if (newest === undefined) {
    throw new Error(`@octokit/webhooks-examples has no ${name} ${action ?? ''} recording.`)
  }
  // The package declares its examples as exactly these payload types.
  return structuredClone(newest) as unknown as RecordedPayload<N>
}

/** A deep copy of `value` with `rewrite` applied to every string in it. */
export function mapStrings<T>(value: T, rewrite: (text: string) => string): T {
  return JSON.parse(JSON.stringify(value), (_key, inner: unknown) =>
    typeof inner === 'string' ? rewrite(inner) : inner
  ) as T
}

/** `text` as a literal inside a regular expression. */
export function literal(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')
}

/** A legacy-style global node id, as GitHub prints them (`MDQ6VXNlcjE=` is `04:User1`). */
export function nodeId(kind: string, id: number): string {
  return Buffer.from(`0${kind.length}:${kind}${id}`).toString('base64')
}

/** A stable positive id for a login the caller gave no id for (FNV-1a, above GitHub's small ids). */
export function stableId(login: string): number {
  let hash = 0x811c9dc5
  for (const char of login.toLowerCase()) {
    hash ^= char.codePointAt(0) ?? 0
    hash = Math.imul(hash, 0x01000193) >>> 0
  }
  return 10_000_000 + (hash % 80_000_000)
}

/** `template` (a recorded account) turned into the account `login`. */
export function account(template: Account, login: string, type: AccountType, id: number): Account {
  const url = `${API_ROOT}/users/${encodeURIComponent(login)}`
  return {
    ...template,
    login,
    id,
    node_id: nodeId(type === 'User' ? 'User' : type, id),
    avatar_url: `https://avatars.githubusercontent.com/u/${id}?v=4`,
    gravatar_id: '',
    url,
    html_url:
      type === 'Bot'
        ? `${HTML_ROOT}/apps/${login.replace(/\[bot\]$/, '')}`
        : `${HTML_ROOT}/${login}`,
    followers_url: `${url}/followers`,
    following_url: `${url}/following{/other_user}`,
    gists_url: `${url}/gists{/gist_id}`,
    starred_url: `${url}/starred{/owner}{/repo}`,
    subscriptions_url: `${url}/subscriptions`,
    organizations_url: `${url}/orgs`,
    repos_url: `${url}/repos`,
    events_url: `${url}/events{/privacy}`,
    received_events_url: `${url}/received_events`,
    type,
    site_admin: false
  }
}

/** The organization block of payloads for repositories an organization owns. */
export type OrganizationBlock = NonNullable<RecordedPayload<'workflow_dispatch'>['organization']>

/** The recorded organization block (from an organization's recording) turned into `login`. */
export function organization(login: string, id: number): OrganizationBlock {
  const template = recordedExample('workflow_dispatch').organization
  if (template === undefined)
    throw new Error('The workflow_dispatch recording has no organization.')
  const url = `${API_ROOT}/orgs/${encodeURIComponent(login)}`
  return {
    ...template,
    login,
    id,
    node_id: nodeId('Organization', id),
    url,
    repos_url: `${url}/repos`,
    events_url: `${url}/events`,
    hooks_url: `${url}/hooks`,
    issues_url: `${url}/issues`,
    members_url: `${url}/members{/member}`,
    public_members_url: `${url}/public_members{/member}`,
    avatar_url: `https://avatars.githubusercontent.com/u/${id}?v=4`,
    description: null
  }
}
