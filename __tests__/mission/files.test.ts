import { describe, expect, it } from '@jest/globals'
import {
  FRESH_STATUS,
  JIRA_EVENTS,
  JIRA_INPUT,
  JIRA_META,
  LINEAR_EVENTS,
  LINEAR_INPUT,
  LINEAR_META
} from '../../__fixtures__/mission/tickets.js'
import { buildMissionFiles } from '../../src/mission/files.js'
import { parseMeta } from '../../src/mission/meta.js'
import { renderSpec } from '../../src/mission/spec.js'

const contentOf = (set: ReturnType<typeof buildMissionFiles>, name: string): string | undefined =>
  set.files.find(file => file.path === `${set.missionDir}/${name}`)?.content

describe('buildMissionFiles', () => {
  it('builds a mission: names, the seven files in path order and Python-identical bytes', () => {
    const set = buildMissionFiles(LINEAR_INPUT)
    expect(set).toMatchObject({
      missionId: '01M0M9D8R83DDKSZ62QKGV3YW0',
      dirName: 'web-123-01M0M9D8',
      missionDir: 'kitty-specs/web-123-01M0M9D8',
      missionSlug: 'web-123-01M0M9D8',
      branch: 'kitty-origin/web-123-01M0M9D8'
    })
    expect(set.files.map(file => file.path)).toEqual([
      'kitty-specs/web-123-01M0M9D8/checklists/.gitkeep',
      'kitty-specs/web-123-01M0M9D8/meta.json',
      'kitty-specs/web-123-01M0M9D8/research/.gitkeep',
      'kitty-specs/web-123-01M0M9D8/spec.md',
      'kitty-specs/web-123-01M0M9D8/status.events.jsonl',
      'kitty-specs/web-123-01M0M9D8/status.json',
      'kitty-specs/web-123-01M0M9D8/tasks/README.md'
    ])
    const paths = set.files.map(file => file.path)
    expect([...paths].sort()).toEqual(paths)
    expect(contentOf(set, 'meta.json')).toBe(LINEAR_META)
    expect(contentOf(set, 'status.events.jsonl')).toBe(LINEAR_EVENTS)
    expect(contentOf(set, 'status.json')).toBe(FRESH_STATUS)
    expect(contentOf(set, 'spec.md')).toBe(
      renderSpec({ template: null, ticket: LINEAR_INPUT.ticket })
    )
    expect(contentOf(set, 'checklists/.gitkeep')).toBe('')
    expect(contentOf(set, 'research/.gitkeep')).toBe('')
    expect(contentOf(set, 'tasks/README.md')).toMatch(
      /^# Tasks\n[\s\S]*status\.events\.jsonl`\.\n$/
    )
    expect(parseMeta(LINEAR_META)).toMatchObject({ meta: set.meta, canonical: true })
  })

  it('makes MissionCreated’s target_branch meta.json’s, the mission branch', () => {
    const set = buildMissionFiles(LINEAR_INPUT)
    const created = JSON.parse(contentOf(set, 'status.events.jsonl')?.split('\n')[0] ?? '') as {
      payload: { target_branch: string }
    }
    expect(created.payload.target_branch).toBe(set.meta.target_branch)
    expect(set.meta.target_branch).toBe(set.branch)
  })

  it('names a Jira mission <slug>-<mid8> with the repository’s spec template', () => {
    const set = buildMissionFiles(JIRA_INPUT)
    expect(set).toMatchObject({
      dirName: 'proj-key-9-01M0M9D8',
      branch: 'kitty-origin/proj-key-9-01M0M9D8'
    })
    expect(set.meta.mission_number).toBeNull()
    expect(contentOf(set, 'meta.json')).toBe(JIRA_META)
    expect(contentOf(set, 'status.events.jsonl')).toBe(JIRA_EVENTS)
    expect(contentOf(set, 'spec.md')).toBe(JIRA_INPUT.specTemplate)
  })

  it('writes status.json for the mission’s own type', () => {
    const set = buildMissionFiles({ ...JIRA_INPUT, missionType: 'documentation' })
    expect(JSON.parse(contentOf(set, 'status.json') ?? '')).toMatchObject({
      mission_type: 'documentation'
    })
  })

  it('writes the commit message with the ticket URL, and the origin link when known', () => {
    expect(buildMissionFiles(LINEAR_INPUT).commitMessage).toBe(
      'Start mission web-123-01M0M9D8 from WEB-123\n\nTicket: https://linear.app/acme/issue/WEB-123/add-clerk-auth'
    )
    expect(buildMissionFiles({ ...LINEAR_INPUT, originLinkId: 'olk_42' }).commitMessage).toBe(
      'Start mission web-123-01M0M9D8 from WEB-123\n\nTicket: https://linear.app/acme/issue/WEB-123/add-clerk-auth\nOrigin link: olk_42'
    )
  })

  it('is pure: the same input gives the same files', () => {
    expect(buildMissionFiles(LINEAR_INPUT)).toEqual(buildMissionFiles(LINEAR_INPUT))
  })

  it('refuses a ticket that is not the origin ticket', () => {
    const ticket = { ...LINEAR_INPUT.ticket, external_issue_key: 'WEB-124' }
    expect(() => buildMissionFiles({ ...LINEAR_INPUT, ticket })).toThrow(
      expect.objectContaining({
        code: 'mission-invalid',
        message: 'The ticket WEB-124 does not match the origin ticket WEB-123.'
      })
    )
  })

  it.each([
    ['a malformed first event id', ['nope', '01M0M9D8R9BBBBBBBBBBBBBBBB']],
    ['a lower-case second event id', ['01M0M9D8R9AAAAAAAAAAAAAAAA', '01m0m9d8r9bbbbbbbbbbbbbbbb']]
  ] as const)('refuses %s', (_name, eventIds) => {
    expect(() => buildMissionFiles({ ...LINEAR_INPUT, eventIds })).toThrow(
      expect.objectContaining({ code: 'mission-invalid' })
    )
  })

  it('refuses a meta.json spec-kitty would reject', () => {
    expect(() => buildMissionFiles({ ...LINEAR_INPUT, missionType: ' ' })).toThrow(
      expect.objectContaining({
        code: 'mission-invalid',
        message: 'meta.json needs a non-empty mission_type.'
      })
    )
  })
})
