/**
 * The closed set of the action's inputs and outputs, with the defaults action.yml declares.
 * A contract test checks action.yml against this file, so a typo is a failing test.
 */
export const INPUTS = {
  'github-token': { required: false, default: '${{ github.token }}' },
  'saas-url': { required: false },
  'saas-token': { required: false },
  'team-slug': { required: false },
  'state-secret': { required: false },
  'command-prefix': { required: false, default: '/kitty' },
  'min-permission': { required: false, default: 'write' },
  'confirm-by': { required: false, default: 'requester' },
  'candidate-limit': { required: false, default: '10' },
  'base-branch': { required: false },
  'mission-type': { required: false, default: 'software-dev' },
  provider: { required: false },
  'project-slug': { required: false },
  'binding-ref': { required: false },
  'pr-draft': { required: false, default: 'false' },
  'pr-labels': { required: false },
  'dry-run': { required: false, default: 'false' },
  'emit-events': { required: false, default: 'false' },
  'state-ttl-hours': { required: false, default: '24' },
  'require-origin': { required: false, default: 'false' },
  query: { required: false },
  confirm: { required: false },
  'issue-number': { required: false }
} as const satisfies Record<string, { required: boolean; default?: string }>

/** Name of one action input. */
export type InputName = keyof typeof INPUTS

/** Every output the action sets. */
export const OUTPUTS = [
  'result',
  'state',
  'mission-slug',
  'mission-dir',
  'branch',
  'pull-request-number',
  'pull-request-url',
  'origin-ticket',
  'candidates'
] as const

/** Name of one action output. */
export type OutputName = (typeof OUTPUTS)[number]

/** The `state` output: how a run ended. */
export const RUN_STATES = [
  'candidates-posted',
  'mission-created',
  'mission-exists',
  'cancelled',
  'help',
  'ignored',
  'denied',
  'refused',
  'failed',
  'verified',
  'verify-failed'
] as const

/** One value of the `state` output. */
export type RunState = (typeof RUN_STATES)[number]
