import { describe, expect, it } from '@jest/globals'
import { failureSentence, statusOf, successSentence } from '../../src/verify/result.js'
import { PROBLEM, removed, result } from './fixtures.js'

describe('statusOf', () => {
  it.each([
    ['verified', result('a')],
    ['failed', result('a', { problems: [PROBLEM] })],
    ['no-origin', result('a', { hasOrigin: false })],
    ['failed', result('a', { hasOrigin: false, problems: [PROBLEM] })],
    ['removed', removed('a')]
  ])('is %s for %j', (status, mission) => {
    expect(statusOf(mission)).toBe(status)
  })
})

describe('failureSentence', () => {
  it.each([
    [
      [result('a', { problems: [PROBLEM] }), result('b')],
      '1 mission whose provenance failed verification (kitty-specs/a/)'
    ],
    [
      [result('a', { problems: [PROBLEM] }), result('b', { problems: [PROBLEM] })],
      '2 missions whose provenance failed verification (kitty-specs/a/ and kitty-specs/b/)'
    ],
    [
      ['a', 'b', 'c', 'd', 'e'].map(name => result(name, { problems: [PROBLEM] })),
      '5 missions whose provenance failed verification (kitty-specs/a/, kitty-specs/b/, kitty-specs/c/, and 2 more)'
    ]
  ])('names the failed missions in one sentence (%#)', (results, part) => {
    const sentence = failureSentence(12, results)
    expect(sentence).toBe(`Pull request #12 has ${part}; see this run's annotations.`)
  })
})

describe('successSentence', () => {
  it.each([
    [[], 'Pull request #12 changes no mission under kitty-specs/.'],
    [[result('a')], 'Pull request #12: 1 mission verified.'],
    [
      [result('a'), result('b'), result('c', { hasOrigin: false }), removed('d'), removed('e')],
      'Pull request #12: 2 missions verified, 1 mission without origin_ticket, 2 mission directories removed.'
    ],
    [[removed('d')], 'Pull request #12: 0 missions verified, 1 mission directory removed.']
  ])('counts what was found (%#)', (results, sentence) => {
    expect(successSentence(12, results)).toBe(sentence)
  })
})
