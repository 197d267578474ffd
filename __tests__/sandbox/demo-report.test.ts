import { afterEach, beforeEach, describe, expect, it, jest } from '@jest/globals'
import {
  commentBlock,
  DemoFailure,
  expectRun,
  header,
  reactionLine,
  runLine
} from '../../sandbox/demo-report.js'
import type { IssueComment } from '../../sandbox/github/state.js'
import type { RunResult } from '../../sandbox/runner.js'

function result(overrides: Partial<RunResult> = {}): RunResult {
  return {
    exitCode: 0,
    timedOut: false,
    durationMs: 1234,
    stdout: '',
    stderr: '',
    outputs: { state: 'candidates-posted' },
    state: {},
    summary: '',
    annotations: [],
    masks: [],
    ...overrides
  }
}

const comment: IssueComment = {
  id: 1,
  issueNumber: 42,
  user: 'github-actions[bot]',
  body: 'Found **1**.\n<!-- kitty-origin:state v1 a.b -->',
  createdAt: '2026-01-05T10:00:00Z',
  updatedAt: '2026-01-05T10:00:00Z',
  reactions: []
}

describe('demo report lines', () => {
  it('prints a comment as its author and visible text', () => {
    expect(commentBlock(comment)).toBe('  @github-actions[bot] commented:\n      Found **1**.')
  })

  it('prints reactions as emoji with who reacted', () => {
    const reactions = ['eyes', 'rocket', 'custom'].map((content, index) => ({
      id: index,
      user: 'github-actions[bot]',
      content,
      createdAt: ''
    }))
    expect(reactionLine({ ...comment, reactions })).toBe('👀 🚀 custom (by @github-actions[bot])')
    expect(reactionLine(comment)).toBe('none')
  })

  it('prints a run as exit code, state and seconds', () => {
    expect(runLine(result())).toBe('  action run: exit 0, state candidates-posted, 1.2 s')
    expect(runLine(result({ timedOut: true, exitCode: null, outputs: {} }))).toBe(
      '  action run: killed at the timeout, state (no state output), 1.2 s'
    )
  })

  it('pads step headers to one width', () => {
    expect(header('1', 'Ask')).toBe(`\n== 1. Ask ${'='.repeat(68)}`)
  })
})

describe('expectRun', () => {
  let printed: string[]
  beforeEach(() => {
    printed = []
    jest.spyOn(console, 'error').mockImplementation((line: unknown) => {
      printed.push(String(line))
    })
  })
  afterEach(() => {
    jest.restoreAllMocks()
  })

  it('accepts a run that exited 0 with the expected state', () => {
    expect(() => {
      expectRun('Start', result(), 'candidates-posted')
    }).not.toThrow()
    expect(printed).toEqual([])
  })

  it('rejects an unexpected state and says which', () => {
    expect(() => {
      expectRun('Start', result({ outputs: { state: 'denied' } }), 'candidates-posted')
    }).toThrow(new DemoFailure('Start failed: state denied, expected candidates-posted.'))
  })

  it('rejects a failed run and prints its errors and last log lines', () => {
    const failed = result({
      exitCode: 1,
      outputs: { state: 'failed' },
      annotations: [{ level: 'error', message: 'The SaaS is down.', properties: {} }],
      stderr: 'boom\n',
      stdout: 'line 1\nline 2\n'
    })
    expect(() => {
      expectRun('Confirm', failed, 'mission-created')
    }).toThrow('Confirm failed: action run: exit 1, state failed, 1.2 s.')
    expect(printed.join('\n')).toContain('error annotation: The SaaS is down.')
    expect(printed.join('\n')).toContain('    boom')
    expect(printed.join('\n')).toContain('    line 2')
  })
})
