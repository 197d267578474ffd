/**
 * Two missions kitty-origin may start, with the exact bytes spec-kitty's Python would write for
 * them. The expected meta.json and status.events.jsonl are printed by `expected.py` beside this
 * file (`../shared/spec-kitty/bin/spec-kitty-python __fixtures__/mission/expected.py`), which
 * derives slug and summary with spec-kitty's own `tracker/origin.py` and serialises with
 * `json.dumps` as the contract says; the status.json is what `spec-kitty agent status
 * materialize` wrote for a fresh mission.
 */
import type { MissionFilesInput } from '../../src/mission/files.js'

/** A Linear ticket with a messy unicode title and a body that opens with a heading. */
export const LINEAR_INPUT: MissionFilesInput = {
  missionId: '01M0M9D8R83DDKSZ62QKGV3YW0',
  ticket: {
    external_issue_key: 'WEB-123',
    title: '  Add Clerk   auth — für Café 😀 ',
    status: 'In Progress',
    url: 'https://linear.app/acme/issue/WEB-123/add-clerk-auth',
    body: '## Why\n\nUsers should sign in with Clerk instead of our home-grown auth.\nIt must keep "remember me".\n\nSecond paragraph.'
  },
  originTicket: {
    external_issue_id: '3f0c8a2e-5b1d-4c7e-9a60-2f4b8d1e7c93',
    external_issue_key: 'WEB-123',
    external_issue_url: 'https://linear.app/acme/issue/WEB-123/add-clerk-auth',
    provider: 'linear',
    resource_id: 'team-uuid',
    resource_type: 'linear_team',
    title: '  Add Clerk   auth — für Café 😀 '
  },
  missionType: 'software-dev',
  nowMs: 1795595355913,
  eventIds: ['01M0M9D8R9AAAAAAAAAAAAAAAA', '01M0M9D8R9BBBBBBBBBBBBBBBB'],
  project: { uuid: '6c2f0e4a-9d3b-4f1e-8a7c-5b2d1e0f9a84', slug: 'acme-web' },
  specTemplate: null
}

/** A Jira ticket with a short body and the repository's own spec template; whole-second clock. */
export const JIRA_INPUT: MissionFilesInput = {
  missionId: '01M0M9D8R83DDKSZ62QKGV3YW0',
  ticket: {
    external_issue_key: 'PROJ_KEY-9',
    title: 'Fix login',
    status: 'To Do',
    url: 'https://acme.atlassian.net/browse/PROJ_KEY-9',
    body: 'Too short'
  },
  originTicket: {
    external_issue_id: '10042',
    external_issue_key: 'PROJ_KEY-9',
    external_issue_url: 'https://acme.atlassian.net/browse/PROJ_KEY-9',
    provider: 'jira',
    resource_id: 'PROJ_KEY',
    resource_type: 'jira_project',
    title: 'Fix login'
  },
  missionType: 'software-dev',
  nowMs: 1795595355000,
  eventIds: ['01M0M9D8R9CCCCCCCCCCCCCCCC', '01M0M9D8R9DDDDDDDDDDDDDDDD'],
  project: { uuid: null, slug: null },
  specTemplate: '# [FEATURE NAME]\n\nThe repository’s own template.\n'
}

/** status.json of a fresh software-dev mission, as `spec-kitty agent status materialize` wrote it. */
export const FRESH_STATUS =
  '{\n  "event_count": 0,\n  "last_event_id": null,\n  "materialized_at": "",\n  "mission_number": "",\n  "mission_slug": "",\n  "mission_type": "software-dev",\n  "summary": {\n    "approved": 0,\n    "blocked": 0,\n    "canceled": 0,\n    "claimed": 0,\n    "done": 0,\n    "for_review": 0,\n    "in_progress": 0,\n    "in_review": 0,\n    "planned": 0\n  },\n  "work_packages": {}\n}\n'
/** meta.json of LINEAR_INPUT, from Python. */
export const LINEAR_META =
  '{\n  "created_at": "2026-11-25T08:29:15.913000+00:00",\n  "flattened": false,\n  "friendly_name": "Add Clerk auth — für Café 😀",\n  "mission_id": "01M0M9D8R83DDKSZ62QKGV3YW0",\n  "mission_number": null,\n  "mission_slug": "web-123-01M0M9D8",\n  "mission_type": "software-dev",\n  "origin_ticket": {\n    "external_issue_id": "3f0c8a2e-5b1d-4c7e-9a60-2f4b8d1e7c93",\n    "external_issue_key": "WEB-123",\n    "external_issue_url": "https://linear.app/acme/issue/WEB-123/add-clerk-auth",\n    "provider": "linear",\n    "resource_id": "team-uuid",\n    "resource_type": "linear_team",\n    "title": "  Add Clerk   auth — für Café 😀 "\n  },\n  "pr_bound": true,\n  "purpose_context": "Users should sign in with Clerk instead of our home-grown auth. It must keep \\"remember me\\".",\n  "purpose_tldr": "Add Clerk auth — für Café 😀",\n  "slug": "web-123-01M0M9D8",\n  "target_branch": "kitty-origin/web-123-01M0M9D8",\n  "topology": "single_branch"\n}\n'
/** status.events.jsonl of LINEAR_INPUT, from Python. */
export const LINEAR_EVENTS =
  '{"aggregate_id": "01M0M9D8R83DDKSZ62QKGV3YW0", "aggregate_type": "Mission", "event_id": "01M0M9D8R9AAAAAAAAAAAAAAAA", "event_type": "MissionCreated", "payload": {"created_at": "2026-11-25T08:29:15.913000+00:00", "friendly_name": "Add Clerk auth \\u2014 f\\u00fcr Caf\\u00e9 \\ud83d\\ude00", "mission_id": "01M0M9D8R83DDKSZ62QKGV3YW0", "mission_number": null, "mission_slug": "web-123-01M0M9D8", "mission_type": "software-dev", "purpose_context": "Users should sign in with Clerk instead of our home-grown auth. It must keep \\"remember me\\".", "purpose_tldr": "Add Clerk auth \\u2014 f\\u00fcr Caf\\u00e9 \\ud83d\\ude00", "target_branch": "kitty-origin/web-123-01M0M9D8", "wp_count": 0}, "project_slug": "acme-web", "project_uuid": "6c2f0e4a-9d3b-4f1e-8a7c-5b2d1e0f9a84", "schema_version": "5.0.0", "timestamp": "2026-11-25T08:29:15.913000+00:00"}\n{"aggregate_id": "web-123-01M0M9D8", "aggregate_type": "Mission", "event_id": "01M0M9D8R9BBBBBBBBBBBBBBBB", "event_type": "SpecifyStarted", "payload": {"actor": "kitty-origin", "artifact_path": "kitty-specs/web-123-01M0M9D8/spec.md", "at": "2026-11-25T08:29:15.913000Z", "mission_number": null, "mission_slug": "web-123-01M0M9D8"}, "project_slug": null, "project_uuid": null, "schema_version": "5.0.0", "timestamp": "2026-11-25T08:29:15.913000+00:00"}\n'
/** meta.json of JIRA_INPUT, from Python. */
export const JIRA_META =
  '{\n  "created_at": "2026-11-25T08:29:15+00:00",\n  "flattened": false,\n  "friendly_name": "Fix login",\n  "mission_id": "01M0M9D8R83DDKSZ62QKGV3YW0",\n  "mission_number": null,\n  "mission_slug": "proj-key-9-01M0M9D8",\n  "mission_type": "software-dev",\n  "origin_ticket": {\n    "external_issue_id": "10042",\n    "external_issue_key": "PROJ_KEY-9",\n    "external_issue_url": "https://acme.atlassian.net/browse/PROJ_KEY-9",\n    "provider": "jira",\n    "resource_id": "PROJ_KEY",\n    "resource_type": "jira_project",\n    "title": "Fix login"\n  },\n  "pr_bound": true,\n  "purpose_context": "This mission advances Fix login on kitty-origin/proj-key-9-01M0M9D8 so stakeholders can track the work from mission creation onward.",\n  "purpose_tldr": "Fix login",\n  "slug": "proj-key-9-01M0M9D8",\n  "target_branch": "kitty-origin/proj-key-9-01M0M9D8",\n  "topology": "single_branch"\n}\n'
/** status.events.jsonl of JIRA_INPUT, from Python. */
export const JIRA_EVENTS =
  '{"aggregate_id": "01M0M9D8R83DDKSZ62QKGV3YW0", "aggregate_type": "Mission", "event_id": "01M0M9D8R9CCCCCCCCCCCCCCCC", "event_type": "MissionCreated", "payload": {"created_at": "2026-11-25T08:29:15+00:00", "friendly_name": "Fix login", "mission_id": "01M0M9D8R83DDKSZ62QKGV3YW0", "mission_number": null, "mission_slug": "proj-key-9-01M0M9D8", "mission_type": "software-dev", "purpose_context": "This mission advances Fix login on kitty-origin/proj-key-9-01M0M9D8 so stakeholders can track the work from mission creation onward.", "purpose_tldr": "Fix login", "target_branch": "kitty-origin/proj-key-9-01M0M9D8", "wp_count": 0}, "project_slug": null, "project_uuid": null, "schema_version": "5.0.0", "timestamp": "2026-11-25T08:29:15+00:00"}\n{"aggregate_id": "proj-key-9-01M0M9D8", "aggregate_type": "Mission", "event_id": "01M0M9D8R9DDDDDDDDDDDDDDDD", "event_type": "SpecifyStarted", "payload": {"actor": "kitty-origin", "artifact_path": "kitty-specs/proj-key-9-01M0M9D8/spec.md", "at": "2026-11-25T08:29:15Z", "mission_number": null, "mission_slug": "proj-key-9-01M0M9D8"}, "project_slug": null, "project_uuid": null, "schema_version": "5.0.0", "timestamp": "2026-11-25T08:29:15+00:00"}\n'
