import { describe, expect, it } from '@jest/globals'
import {
  JIRA_EVENTS,
  JIRA_INPUT,
  LINEAR_EVENTS,
  LINEAR_INPUT
} from '../../__fixtures__/mission/tickets.js'
import type { MissionFilesInput } from '../../src/mission/files.js'
import { buildMeta } from '../../src/mission/meta.js'
import { missionNames, slugFromTicket } from '../../src/mission/names.js'
import { lifecycleEventsJsonl } from '../../src/mission/status-events.js'

function metaOf(input: MissionFilesInput) {
  const names = missionNames({
    ticketSlug: slugFromTicket(input.ticket.external_issue_key, input.ticket.title),
    missionId: input.missionId
  })
  return buildMeta({ ...input, names })
}

describe('lifecycleEventsJsonl', () => {
  it.each([
    ['a mission with a configured project and unicode text', LINEAR_INPUT, LINEAR_EVENTS],
    ['a mission without a configured project', JIRA_INPUT, JIRA_EVENTS]
  ])('writes the two lines Python writes for %s', (_name, input, expected) => {
    const jsonl = lifecycleEventsJsonl({
      meta: metaOf(input),
      eventIds: input.eventIds,
      nowMs: input.nowMs,
      project: input.project
    })
    expect(jsonl).toBe(expected)
  })

  it('puts MissionCreated first and SpecifyStarted second, one JSON object a line', () => {
    const jsonl = lifecycleEventsJsonl({
      meta: metaOf(LINEAR_INPUT),
      eventIds: LINEAR_INPUT.eventIds,
      nowMs: LINEAR_INPUT.nowMs,
      project: LINEAR_INPUT.project
    })
    const lines = jsonl.split('\n')
    expect(lines).toHaveLength(3)
    expect(lines[2]).toBe('')
    const events = lines.slice(0, 2).map(line => JSON.parse(line) as Record<string, unknown>)
    expect(events.map(event => event.event_type)).toEqual(['MissionCreated', 'SpecifyStarted'])
    expect(events.map(event => event.aggregate_id)).toEqual([
      '01M0M9D8R83DDKSZ62QKGV3YW0',
      'web-123-01M0M9D8'
    ])
    expect(/[^\x20-\x7e\n]/.test(jsonl)).toBe(false)
  })
})
