/** One ticket of a tracker resource, as the sandbox SaaS stores it. */
export interface SeedTicket {
  external_issue_id: string
  external_issue_key: string
  title: string
  status: string
  url: string
  body?: string
}

/** A tracker resource (Linear team or Jira project) and the routing keys that reach it. */
export interface SeedResource {
  provider: 'jira' | 'linear'
  resource_type: string
  resource_id: string
  project_slug?: string
  binding_ref?: string
  tickets: SeedTicket[]
}

/** Everything the sandbox SaaS starts with. */
export interface SaasSeed {
  resources: SeedResource[]
}

/** The Jira binding reference of the `acme-platform` project. */
export const JIRA_BINDING_REF = 'srm_01HXJIRA7Q2W3E4R5T6Y8Z9A0B'

const linearTeam: SeedResource = {
  provider: 'linear',
  resource_type: 'linear_team',
  resource_id: '9c1f6a4e-2b7d-4d8a-9f0e-3a5b7c9d1e2f',
  project_slug: 'acme-web',
  tickets: [
    {
      external_issue_id: '3f0c2a9e-8d41-4c5b-b6f7-1e2d3c4b5a69',
      external_issue_key: 'WEB-123',
      title: 'Add Clerk auth',
      status: 'In Progress',
      url: 'https://linear.app/acme/issue/WEB-123/add-clerk-auth',
      body: [
        '## Why',
        '',
        'Replace the home-grown session cookies with **Clerk** so we get SSO and MFA for free.',
        '',
        '## Acceptance',
        '',
        '- [ ] Sign-in and sign-up pages use the Clerk components',
        '- [ ] Existing users are migrated by e-mail',
        '- [ ] `/api/*` routes reject requests without a session'
      ].join('\n')
    },
    {
      external_issue_id: '5a7b9c1d-2e3f-4a5b-8c6d-7e8f9a0b1c2d',
      external_issue_key: 'WEB-124',
      title: 'Fix checkout button alignment on Safari',
      status: 'Todo',
      url: 'https://linear.app/acme/issue/WEB-124/fix-checkout-button-alignment-on-safari'
    },
    {
      external_issue_id: '6b8c0d2e-3f4a-4b6c-9d7e-8f9a0b1c2d3e',
      external_issue_key: 'WEB-125',
      title: 'Support accented café names (é, ñ, ü) in menu search',
      status: 'Backlog',
      url: 'https://linear.app/acme/issue/WEB-125/support-accented-cafe-names-in-menu-search',
      body: 'Searching for "cafe" should find **Café Noël** and vice versa.'
    },
    {
      external_issue_id: '7c9d1e3f-4a5b-4c7d-8e8f-9a0b1c2d3e4f',
      external_issue_key: 'WEB-126',
      title: 'Localise onboarding for 日本語 users',
      status: 'In Review',
      url: 'https://linear.app/acme/issue/WEB-126/localise-onboarding-for-japanese-users',
      body: 'Translate the three onboarding steps. Copy deck: 「はじめに」「設定」「完了」.'
    },
    {
      external_issue_id: '8d0e2f4a-5b6c-4d8e-9f9a-0b1c2d3e4f5a',
      external_issue_key: 'WEB-127',
      title: '🚀 Launch checklist for the new pricing page',
      status: 'Done',
      url: 'https://linear.app/acme/issue/WEB-127/launch-checklist-for-the-new-pricing-page',
      body: '1. Feature flag `pricing-v2` on\n2. Announce in #launches\n3. Watch the checkout funnel'
    },
    {
      external_issue_id: '9e1f3a5b-6c7d-4e9f-8a0b-1c2d3e4f5a6b',
      external_issue_key: 'WEB-128',
      title: 'Auth: refresh session tokens before they expire',
      status: 'Todo',
      url: 'https://linear.app/acme/issue/WEB-128/auth-refresh-session-tokens-before-they-expire'
    },
    {
      external_issue_id: 'af2a4b6c-7d8e-4f0a-9b1c-2d3e4f5a6b7c',
      external_issue_key: 'WEB-129',
      title: 'Dark mode for the settings page',
      status: 'Canceled',
      url: 'https://linear.app/acme/issue/WEB-129/dark-mode-for-the-settings-page'
    },
    {
      external_issue_id: 'b03b5c7d-8e9f-4a1b-8c2d-3e4f5a6b7c8d',
      external_issue_key: 'WEB-130',
      title: 'Rate limit the login form',
      status: 'Backlog',
      url: 'https://linear.app/acme/issue/WEB-130/rate-limit-the-login-form',
      body: 'After the Clerk auth migration, throttle failed sign-ins to 5 per minute per IP.'
    }
  ]
}

const jiraProject: SeedResource = {
  provider: 'jira',
  resource_type: 'jira_project',
  resource_id: '10042',
  project_slug: 'acme-platform',
  binding_ref: JIRA_BINDING_REF,
  tickets: [
    {
      external_issue_id: '10007',
      external_issue_key: 'PROJ-7',
      title: 'Migrate billing service to Postgres 16',
      status: 'In Progress',
      url: 'https://acme.atlassian.net/browse/PROJ-7',
      body: 'h2. Plan\n\n* Dump and restore on a replica\n* Switch traffic behind the `billing_pg16` flag'
    },
    {
      external_issue_id: '10008',
      external_issue_key: 'PROJ-8',
      title: 'Rotate API signing keys',
      status: 'To Do',
      url: 'https://acme.atlassian.net/browse/PROJ-8'
    },
    {
      external_issue_id: '10011',
      external_issue_key: 'PROJ-11',
      title: 'Résumé upload fails for files over 10 MB',
      status: 'In Review',
      url: 'https://acme.atlassian.net/browse/PROJ-11',
      body: 'Uploads of a résumé larger than 10 MB return **413** from the gateway.'
    },
    {
      external_issue_id: '10012',
      external_issue_key: 'PROJ-12',
      title: '国際化: date formats for the 日本語 locale',
      status: 'To Do',
      url: 'https://acme.atlassian.net/browse/PROJ-12'
    },
    {
      external_issue_id: '10015',
      external_issue_key: 'PROJ-15',
      title: 'Auth service returns 500 on expired tokens 🔥',
      status: 'Done',
      url: 'https://acme.atlassian.net/browse/PROJ-15',
      body: '### Steps\n\n1. Log in\n2. Wait 61 minutes\n3. Call `GET /me` → **500** instead of 401'
    },
    {
      external_issue_id: '10021',
      external_issue_key: 'PROJ-21',
      title: 'Document the incident runbook',
      status: 'Backlog',
      url: 'https://acme.atlassian.net/browse/PROJ-21'
    }
  ]
}

/** The default seed: a Linear team `acme-web` and a Jira project `acme-platform`. */
export function defaultSeed(): SaasSeed {
  return structuredClone({ resources: [linearTeam, jiraProject] })
}
