import { describe, expect, it } from '@jest/globals'
import {
  MID8_EVENTS,
  MID8_INPUT,
  MID8_META,
  NUMBERED_EVENTS,
  NUMBERED_INPUT,
  NUMBERED_META
} from '../../__fixtures__/mission/tickets.js'
import { buildMissionFiles } from '../../src/mission/files.js'
import { parseMeta } from '../../src/mission/meta.js'
import { renderSpec } from '../../src/mission/spec.js'

const contentOf = (set: ReturnType<typeof buildMissionFiles>, name: string): string | undefined =>
  set.files.find(file => file.path === `${set.missionDir}/${name}`)?.content

describe('buildMissionFiles', () => {
  it('builds a mid8 mission: names, the six files in path order and Python-identical bytes', () => {
    const set = buildMissionFiles(MID8_INPUT)
    expect(set).toMatchObject({
      missionId: '01M0M9D8R83DDKSZ62QKGV3YW0',
      layout: 'mid8',
      dirName: 'web-123-01M0M9D8',
      missionDir: 'kitty-specs/web-123-01M0M9D8',
      missionSlug: 'web-123-01M0M9D8',
      missionNumber: null,
      branch: 'kitty/mission-web-123-01M0M9D8'
    })
    expect(set.files.map(file => file.path)).toEqual([
      'kitty-specs/web-123-01M0M9D8/checklists/.gitkeep',
      'kitty-specs/web-123-01M0M9D8/meta.json',
      'kitty-specs/web-123-01M0M9D8/research/.gitkeep',
      'kitty-specs/web-123-01M0M9D8/spec.md',
      'kitty-specs/web-123-01M0M9D8/status.events.jsonl',
      'kitty-specs/web-123-01M0M9D8/tasks/README.md'
    ])
    const paths = set.files.map(file => file.path)
    expect([...paths].sort()).toEqual(paths)
    expect(contentOf(set, 'meta.json')).toBe(MID8_META)
    expect(contentOf(set, 'status.events.jsonl')).toBe(MID8_EVENTS)
    expect(contentOf(set, 'spec.md')).toBe(
      renderSpec({ template: null, ticket: MID8_INPUT.ticket })
    )
    expect(contentOf(set, 'checklists/.gitkeep')).toBe('')
    expect(contentOf(set, 'research/.gitkeep')).toBe('')
    expect(contentOf(set, 'tasks/README.md')).toMatch(
      /^# Tasks\n[\s\S]*status\.events\.jsonl`\.\n$/
    )
    expect(parseMeta(MID8_META)).toMatchObject({ meta: set.meta, canonical: true })
  })

  it('builds a numbered mission in a numbered repository, with the repository’s spec template', () => {
    const set = buildMissionFiles(NUMBERED_INPUT)
    expect(set).toMatchObject({
      layout: 'numbered',
      dirName: '003-proj-key-9',
      missionNumber: '003',
      branch: 'kitty/mission-proj-key-9-01M0M9D8'
    })
    expect(set.meta.mission_number).toBe(3)
    expect(contentOf(set, 'meta.json')).toBe(NUMBERED_META)
    expect(contentOf(set, 'status.events.jsonl')).toBe(NUMBERED_EVENTS)
    expect(contentOf(set, 'spec.md')).toBe(NUMBERED_INPUT.specTemplate)
  })

  it('honours an explicit layout over the repository’s shape', () => {
    expect(buildMissionFiles({ ...NUMBERED_INPUT, layout: 'mid8' }).dirName).toBe(
      'proj-key-9-01M0M9D8'
    )
  })

  it('writes the commit message with the ticket URL, and the origin link when known', () => {
    expect(buildMissionFiles(MID8_INPUT).commitMessage).toBe(
      'Start mission web-123-01M0M9D8 from WEB-123\n\nTicket: https://linear.app/acme/issue/WEB-123/add-clerk-auth'
    )
    expect(buildMissionFiles({ ...MID8_INPUT, originLinkId: 'olk_42' }).commitMessage).toBe(
      'Start mission web-123-01M0M9D8 from WEB-123\n\nTicket: https://linear.app/acme/issue/WEB-123/add-clerk-auth\nOrigin link: olk_42'
    )
  })

  it('is pure: the same input gives the same files', () => {
    expect(buildMissionFiles(MID8_INPUT)).toEqual(buildMissionFiles(MID8_INPUT))
  })

  it('refuses a ticket that is not the origin ticket', () => {
    const ticket = { ...MID8_INPUT.ticket, external_issue_key: 'WEB-124' }
    expect(() => buildMissionFiles({ ...MID8_INPUT, ticket })).toThrow(
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
    expect(() => buildMissionFiles({ ...MID8_INPUT, eventIds })).toThrow(
      expect.objectContaining({ code: 'mission-invalid' })
    )
  })

  it('refuses a meta.json spec-kitty would reject', () => {
    expect(() => buildMissionFiles({ ...MID8_INPUT, missionType: ' ' })).toThrow(
      expect.objectContaining({
        code: 'mission-invalid',
        message: 'meta.json needs a non-empty mission_type.'
      })
    )
  })
})
