import { z } from 'zod'
import { INPUTS } from './action-names.js'
import type { InputName } from './action-names.js'
import { REQUIRABLE_PERMISSIONS } from './chatops/permission.js'
import type { RequirablePermission } from './chatops/permission.js'
import { KittyError } from './errors.js'
import type { Provider } from './origin/models.js'
import type { BindingOverrides } from './origin/binding.js'

/** Every input of the action, validated and typed. Optional inputs left empty are `undefined`. */
export interface Inputs {
  githubToken: string
  /** Needed by comment commands and workflow_dispatch; optional for pull request verification. */
  saasUrl: string | undefined
  saasToken: string | undefined
  teamSlug: string | undefined
  stateSecret: string | undefined
  commandPrefix: string
  minPermission: RequirablePermission
  confirmBy: 'requester' | 'any-writer'
  candidateLimit: number
  baseBranch: string | undefined
  missionType: string
  provider: Provider | undefined
  projectSlug: string | undefined
  bindingRef: string | undefined
  prDraft: boolean
  prLabels: string[]
  dryRun: boolean
  /** Send MissionOriginBound events after a bind (opt-in). */
  emitEvents: boolean
  stateTtlHours: number
  /** Pull request verification fails a mission whose meta.json has no origin_ticket. */
  requireOrigin: boolean
  query: string | undefined
  confirm: string | undefined
  issueNumber: number | undefined
}

/** What inputs.ts needs from the runner: the raw value of an input and a way to mask secrets. */
export interface InputSource {
  getInput(name: string): string
  setSecret(secret: string): void
}

const SECRET_INPUTS = ['github-token', 'saas-token', 'state-secret'] as const satisfies InputName[]

function oneOf<const T extends readonly [string, ...string[]]>(values: T) {
  return z.enum(values, { error: `must be one of ${values.join(', ')}` })
}

function integer(min: number, max: number) {
  return z
    .string()
    .regex(/^\d+$/, { error: `must be a whole number from ${min} to ${max}` })
    .transform(Number)
    .pipe(
      z
        .number()
        .min(min, { error: `must be from ${min} to ${max}` })
        .max(max, { error: `must be from ${min} to ${max}` })
    )
}

const boolean = z
  .enum(['true', 'True', 'TRUE', 'false', 'False', 'FALSE'], { error: 'must be true or false' })
  .transform(value => value.toLowerCase() === 'true')

const httpUrl = z.string().transform((raw, ctx) => {
  let url: URL
  try {
    url = new URL(raw)
  } catch {
    ctx.addIssue({
      code: 'custom',
      message: 'must be an http(s) URL such as https://spec-kitty.example.com'
    })
    return z.NEVER
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') {
    ctx.addIssue({
      code: 'custom',
      message: 'must be an http(s) URL such as https://spec-kitty.example.com'
    })
    return z.NEVER
  }
  return url.origin
})

function hasControlCharacter(text: string): boolean {
  for (let index = 0; index < text.length; index++) {
    const code = text.charCodeAt(index)
    if (code < 0x20 || code === 0x7f) return true
  }
  return false
}

const gitBranch = z
  .string()
  .max(200, { error: 'must be a branch name of at most 200 characters' })
  .refine(
    name =>
      !hasControlCharacter(name) && !/(^[-/.])|\.\.|[\s~^:?*[\\]|@\{|\/\/|[/.]$|\.lock$/.test(name),
    {
      error: 'must be a valid git branch name'
    }
  )

const labelList = z.string().transform((raw, ctx) => {
  const labels = raw
    .split(/[,\n]/)
    .map(label => label.trim())
    .filter(label => label.length > 0)
  const tooLong = labels.find(label => label.length > 50)
  if (tooLong !== undefined) {
    ctx.addIssue({
      code: 'custom',
      message: `has a label longer than 50 characters: "${tooLong.slice(0, 60)}"`
    })
  }
  return [...new Set(labels)]
})

const slugLike = z
  .string()
  .regex(/^[A-Za-z0-9][A-Za-z0-9_.-]*$/, { error: 'must be a slug (letters, digits, _ . -)' })

/** zod parser for each input, keyed by input name. Empty optional inputs never reach their parser. */
const PARSERS = {
  'github-token': z.string(),
  'saas-url': httpUrl,
  'saas-token': z.string(),
  'team-slug': slugLike,
  'state-secret': z.string().min(16, { error: 'must be at least 16 characters long' }),
  'command-prefix': z.string().regex(/^(?!>|```|~~~)\S{1,32}$/u, {
    error:
      'must be 1 to 32 characters without spaces, such as /kitty, and must not start with > or a code fence'
  }),
  'min-permission': oneOf(REQUIRABLE_PERMISSIONS),
  'confirm-by': oneOf(['requester', 'any-writer']),
  'candidate-limit': integer(1, 50),
  'base-branch': gitBranch,
  'mission-type': z
    .string()
    .regex(/^[a-z][a-z0-9-]{0,63}$/, { error: 'must be a mission type such as software-dev' }),
  provider: oneOf(['jira', 'linear']),
  'project-slug': slugLike,
  'binding-ref': slugLike,
  'pr-draft': boolean,
  'pr-labels': labelList,
  'dry-run': boolean,
  'emit-events': boolean,
  'state-ttl-hours': integer(1, 720),
  'require-origin': boolean,
  query: z.string().max(256, { error: 'must be at most 256 characters' }),
  confirm: z.string().max(64, { error: 'must be a ticket key such as WEB-123' }),
  'issue-number': integer(1, 2 ** 31 - 1)
} satisfies Record<InputName, z.ZodType>

type Parsed = { [K in InputName]: z.output<(typeof PARSERS)[K]> }

function raw(source: InputSource, name: InputName): string {
  const value = source.getInput(name).trim()
  if (value !== '') return value
  const spec: { required: boolean; default?: string } = INPUTS[name]
  return spec.default !== undefined && !spec.default.startsWith('${{') ? spec.default : ''
}

function parseOne<K extends InputName>(source: InputSource, name: K): Parsed[K] | undefined {
  const value = raw(source, name)
  if (value === '') return undefined
  const result = PARSERS[name].safeParse(value)
  if (!result.success) {
    const reason = result.error.issues[0]?.message ?? 'is not valid'
    throw new KittyError('input-invalid', `Input \`${name}\` ${reason}.`)
  }
  return result.data as Parsed[K]
}

/**
 * Reads and validates every input once. Secrets are masked before anything else can log them.
 * Throws KittyError('input-invalid') naming the input and the allowed values.
 */
export function readInputs(source: InputSource): Inputs {
  for (const name of SECRET_INPUTS) {
    const value = source.getInput(name).trim()
    if (value !== '') source.setSecret(value)
  }
  const get = <K extends InputName>(name: K) => parseOne(source, name)
  const withDefault = <K extends InputName>(name: K): Parsed[K] => {
    const value = get(name)
    /* istanbul ignore next -- every caller names an input that has a default */
    if (value === undefined) throw new KittyError('internal', `Input \`${name}\` has no default.`)
    return value
  }
  return {
    githubToken: get('github-token') ?? '',
    saasUrl: get('saas-url'),
    saasToken: get('saas-token'),
    teamSlug: get('team-slug'),
    stateSecret: get('state-secret'),
    commandPrefix: withDefault('command-prefix'),
    minPermission: withDefault('min-permission'),
    confirmBy: withDefault('confirm-by'),
    candidateLimit: withDefault('candidate-limit'),
    baseBranch: get('base-branch'),
    missionType: withDefault('mission-type'),
    provider: get('provider'),
    projectSlug: get('project-slug'),
    bindingRef: get('binding-ref'),
    prDraft: withDefault('pr-draft'),
    prLabels: get('pr-labels') ?? [],
    dryRun: withDefault('dry-run'),
    emitEvents: withDefault('emit-events'),
    stateTtlHours: withDefault('state-ttl-hours'),
    requireOrigin: withDefault('require-origin'),
    query: get('query'),
    confirm: get('confirm'),
    issueNumber: get('issue-number')
  }
}

/** The Spec Kitty SaaS inputs, both set. */
export interface SaasInputs {
  saasUrl: string
  saasToken: string
}

/**
 * The SaaS inputs for a path that calls the SaaS (comment commands, workflow_dispatch); a
 * KittyError naming the first empty one.
 */
export function requireSaasInputs(inputs: Pick<Inputs, 'saasUrl' | 'saasToken'>): SaasInputs {
  const missing = (name: string): KittyError =>
    new KittyError(
      'input-invalid',
      `Input \`${name}\` is required for comment commands and workflow_dispatch but was empty.`
    )
  const { saasUrl, saasToken } = inputs
  if (saasUrl === undefined) throw missing('saas-url')
  if (saasToken === undefined) throw missing('saas-token')
  return { saasUrl, saasToken }
}

/** The inputs that override the repository's tracker binding (`.kittify/config.yaml`). */
export function bindingOverrides(inputs: Inputs): BindingOverrides {
  return {
    provider: inputs.provider,
    projectSlug: inputs.projectSlug,
    bindingRef: inputs.bindingRef
  }
}
