import type { RepoSettings, Role, SandboxUser } from './state.js'

/** One issue (or conversation) a repository starts with. */
export interface IssueSeed {
  number: number
  title: string
  body?: string
  user: string
  comments?: { user: string; body: string }[]
}

/** A repository the sandbox starts with, or that a test creates. */
export interface RepoSeed {
  owner: string
  name: string
  /** Default true: people without a role see `none`. */
  private?: boolean
  description?: string | null
  /** Default `main`. */
  defaultBranch?: string
  /** Files of the default branch; each entry of `history` is one commit, oldest first. */
  history: { message: string; files: Record<string, string> }[]
  /** Login → role. */
  collaborators?: Record<string, Role>
  issues?: IssueSeed[]
  settings?: Partial<RepoSettings>
}

/** When seeded repositories and commits were made (fixed, so seeded ids are stable). */
export const SEED_DATE = '2026-01-05T10:00:00Z'

/** The account GitHub Actions' `GITHUB_TOKEN` acts as. */
export const ACTIONS_BOT: SandboxUser = { login: 'github-actions[bot]', id: 41898282, type: 'Bot' }

/** Accounts every sandbox knows besides collaborators (eve exists but has no access). */
export const KNOWN_USERS: SandboxUser[] = [
  ACTIONS_BOT,
  { login: 'acme', id: 90_000_001, type: 'Organization' },
  { login: 'ana', id: 90_000_101, type: 'User' },
  { login: 'ben', id: 90_000_102, type: 'User' },
  { login: 'carl', id: 90_000_103, type: 'User' },
  { login: 'dora', id: 90_000_104, type: 'User' },
  { login: 'eve', id: 90_000_105, type: 'User' }
]

/** The people of acme: ana writes, ben administers, carl reads, dora triages. */
export const ACME_COLLABORATORS: Record<string, Role> = {
  ana: 'write',
  ben: 'admin',
  carl: 'read',
  dora: 'triage'
}

/** `json.dumps(value, indent=2, sort_keys=True) + "\n"`, for seeded meta.json files. */
function pythonJson(value: Record<string, unknown>): string {
  const sorted = (input: unknown): unknown =>
    input !== null && typeof input === 'object' && !Array.isArray(input)
      ? Object.fromEntries(
          Object.entries(input)
            .sort(([a], [b]) => (a < b ? -1 : 1))
            .map(([key, inner]) => [key, sorted(inner)])
        )
      : input
  return `${JSON.stringify(sorted(value), null, 2)}\n`
}

function missionMeta(fields: {
  slug: string
  missionId: string | null
  number: string | null
  name: string
  createdAt: string
}): string {
  return pythonJson({
    coordination_branch: null,
    created_at: fields.createdAt,
    friendly_name: fields.name,
    mission_id: fields.missionId,
    mission_number: fields.number,
    mission_slug: fields.slug,
    mission_type: 'software-dev',
    purpose_context: `This mission advances ${fields.name} on main so stakeholders can track the work from mission creation onward.`,
    purpose_tldr: fields.name,
    slug: fields.slug,
    target_branch: 'main'
  })
}

function spec(title: string): string {
  return `# ${title}\n\n## Summary\n\nWritten with spec-kitty.\n`
}

const README = '# webapp\n\nacme’s customer web application.\n'

/** The acme Linear team bound in `acme/webapp` (the sandbox SaaS knows the same team). */
export const LINEAR_TEAM_ID = '9c1f6a4e-2b7d-4d8a-9f0e-3a5b7c9d1e2f'

/** `acme/webapp`: a spec-kitty repository bound to Linear, with two existing missions. */
export function webappSeed(): RepoSeed {
  return {
    owner: 'acme',
    name: 'webapp',
    description: 'acme customer web application',
    history: [
      { message: 'Initial commit', files: { 'README.md': README } },
      {
        message: 'Set up spec-kitty',
        files: {
          '.kittify/config.yaml': [
            'project:',
            '  uuid: 8a4a7da6-3c1e-4f2b-9d5e-6b7c8d9e0f1a',
            '  slug: acme-web',
            'tracker:',
            '  provider: linear',
            '  project_slug: acme-web',
            '  provider_context:',
            `    workspace_id: ${LINEAR_TEAM_ID}`,
            ''
          ].join('\n'),
          'kitty-specs/checkout-flow-01JD3K2M/meta.json': missionMeta({
            slug: 'checkout-flow-01JD3K2M',
            missionId: '01JD3K2M7QX9V4T8R2N6P0W5YZ',
            number: null,
            name: 'Checkout flow',
            createdAt: '2025-11-18T09:12:44.120331+00:00'
          }),
          'kitty-specs/checkout-flow-01JD3K2M/spec.md': spec('Checkout flow'),
          'kitty-specs/001-legacy-import/meta.json': missionMeta({
            slug: '001-legacy-import',
            missionId: null,
            number: '001',
            name: 'Legacy import',
            createdAt: '2025-06-02T14:03:10.000000+00:00'
          }),
          'kitty-specs/001-legacy-import/spec.md': spec('Legacy import'),
          'src/app.ts': "export const app = 'webapp'\n"
        }
      }
    ],
    collaborators: { ...ACME_COLLABORATORS },
    issues: [
      { number: 42, title: 'Add Clerk auth', body: 'Tracked in Linear as WEB-123.', user: 'ana' }
    ]
  }
}

/** `acme/platform`: bound to Jira through a binding reference, with its own spec template. */
export function jiraRepoSeed(): RepoSeed {
  return {
    owner: 'acme',
    name: 'platform',
    description: 'acme platform services',
    history: [
      {
        message: 'Initial commit',
        files: {
          'README.md': '# platform\n',
          '.kittify/config.yaml': [
            'project:',
            '  uuid: 2b9e4c61-7d3a-4e58-8f1b-0c6d5e4f3a2b',
            '  slug: acme-platform',
            'tracker:',
            '  provider: jira',
            '  project_slug: acme-platform',
            '  binding_ref: srm_01HXJIRA7Q2W3E4R5T6Y8Z9A0B',
            '  provider_context:',
            '    project_key: PROJ',
            ''
          ].join('\n'),
          '.kittify/overrides/templates/spec-template.md':
            '# Feature Specification: [FEATURE NAME]\n\n## User Scenarios\n\n## Requirements\n'
        }
      }
    ],
    collaborators: { ...ACME_COLLABORATORS },
    issues: [{ number: 7, title: 'Billing on Postgres 16', body: 'See PROJ-7.', user: 'ben' }]
  }
}

/** `acme/legacy`: an older spec-kitty repository whose missions are numbered (`NNN-slug`). */
export function numberedRepoSeed(): RepoSeed {
  return {
    owner: 'acme',
    name: 'legacy',
    description: null,
    history: [
      {
        message: 'Missions so far',
        files: {
          'README.md': '# legacy\n',
          '.kittify/config.yaml': 'tracker:\n  provider: linear\n  project_slug: acme-web\n',
          'kitty-specs/001-first-thing/meta.json': missionMeta({
            slug: '001-first-thing',
            missionId: null,
            number: '001',
            name: 'First thing',
            createdAt: '2025-03-01T08:00:00.000000+00:00'
          }),
          'kitty-specs/002-second-thing/meta.json': missionMeta({
            slug: '002-second-thing',
            missionId: null,
            number: '002',
            name: 'Second thing',
            createdAt: '2025-04-01T08:00:00.000000+00:00'
          }),
          '.kittify/overrides/missions/software-dev/templates/spec-template.md':
            '# Spec: [FEATURE NAME]\n\n## Problem\n'
        }
      }
    ],
    collaborators: { ...ACME_COLLABORATORS },
    issues: [{ number: 3, title: 'Port the importer', user: 'ana' }]
  }
}

/** What a sandbox starts with when the caller names nothing: `acme/webapp`. */
export function defaultSeed(): RepoSeed[] {
  return [webappSeed()]
}
