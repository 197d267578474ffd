import { describe, expect, it } from '@jest/globals'
import {
  eventIdOfFile,
  outboxPath,
  parseOutboxEntry,
  serializeOutboxEntry
} from '../../src/events/outbox-entry.js'
import { nthEvent, queued } from '../../__fixtures__/events/fakes.js'

describe('serializeOutboxEntry', () => {
  it('writes 2-space JSON, entry keys first, with a trailing newline', () => {
    const text = serializeOutboxEntry(queued(nthEvent(1), { attempts: 3 }))
    expect(text.endsWith('}\n')).toBe(true)
    expect(text.split('\n').slice(0, 3)).toEqual([
      '{',
      '  "event": {',
      '    "event_id": "01JQ8Z6W3M4N5P6Q7R8S9T0001",'
    ])
    const keys = Object.keys(JSON.parse(text) as object)
    expect(keys).toEqual(['event', 'attempts', 'first_queued_at', 'last_error', 'rejected'])
  })

  it('writes the same bytes whatever order the entry was built in', () => {
    const entry = queued(nthEvent(1), { rejected: true, rejection_reason: 'no' })
    const shuffled = Object.fromEntries(Object.entries(entry).reverse()) as typeof entry
    const event = Object.fromEntries(Object.entries(entry.event).reverse()) as typeof entry.event
    expect(serializeOutboxEntry({ ...shuffled, event })).toBe(serializeOutboxEntry(entry))
  })

  it('keeps the envelope bytes of the contract inside the entry', () => {
    const event = nthEvent(1)
    const parsed = JSON.parse(serializeOutboxEntry(queued(event))) as { event: unknown }
    expect(JSON.stringify(parsed.event)).toBe(JSON.stringify(event))
  })

  it('writes a rejection reason after the rejected flag', () => {
    const text = serializeOutboxEntry(
      queued(nthEvent(1), { rejected: true, rejection_reason: 'no' })
    )
    expect(text).toMatch(/"rejected": true,\n {2}"rejection_reason": "no"\n}\n$/)
  })
})

describe('parseOutboxEntry', () => {
  it('reads back what it wrote', () => {
    const entry = queued(nthEvent(2), { rejected: true, rejection_reason: 'no' })
    expect(parseOutboxEntry(serializeOutboxEntry(entry))).toEqual({ ok: true, entry })
  })

  it.each([
    ['text that is not JSON', '{', 'not JSON'],
    [
      'an entry without attempts',
      JSON.stringify({ ...queued(nthEvent(1)), attempts: undefined }),
      'attempts'
    ],
    [
      'an entry with zero attempts',
      JSON.stringify(queued(nthEvent(1), { attempts: 0 })),
      'attempts'
    ],
    [
      'an entry whose event is broken',
      JSON.stringify({ ...queued(nthEvent(1)), event: { event_id: 'x' } }),
      'event'
    ]
  ])('refuses %s', (_label, text, problem) => {
    const parsed = parseOutboxEntry(text)
    expect(parsed.ok).toBe(false)
    expect(parsed.ok ? '' : parsed.problem).toContain(problem)
  })
})

describe('outbox file names', () => {
  it('puts an event at events/<event_id>.json', () => {
    expect(outboxPath('01JQ8Z6W3M4N5P6Q7R8S9T0001')).toBe('events/01JQ8Z6W3M4N5P6Q7R8S9T0001.json')
  })

  it.each([
    ['01JQ8Z6W3M4N5P6Q7R8S9T0001.json', '01JQ8Z6W3M4N5P6Q7R8S9T0001'],
    ['README.md', null],
    ['01JQ8Z6W3M4N5P6Q7R8S9T0001.json.bak', null],
    ['01jq8z6w3m4n5p6q7r8s9t0001.json', null],
    ['81JQ8Z6W3M4N5P6Q7R8S9T0001.json', null]
  ])('reads the event id of %s as %s', (name, id) => {
    expect(eventIdOfFile(name)).toBe(id)
  })
})
