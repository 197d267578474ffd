import { describe, expect, it } from '@jest/globals'
import { commitMessage } from '../../src/origin/start.js'
import { pullRequestTitle } from '../../src/flows/pull-request.js'

/** What a SaaS-provided string must never carry into a line: controls, bidi, zero-width. */
const INVISIBLE = /[\p{Cc}\p{Cf}\u2028\u2029]/u

describe('pullRequestTitle', () => {
  it('is one clean line whatever the ticket title holds', () => {
    const title = pullRequestTitle({
      external_issue_key: 'WEB-1',
      title: 'Fix\u202e gnirts\u202c\nlogin\u200b\tpage\u0007'
    })
    expect(title).toBe('Start mission from WEB-1: Fix gnirts login page')
    expect(title).not.toMatch(INVISIBLE)
  })

  it('is at most 256 characters', () => {
    const title = pullRequestTitle({ external_issue_key: 'WEB-1', title: 'x'.repeat(400) })
    expect(title).toHaveLength(256)
    expect(title.endsWith('…')).toBe(true)
  })
})

describe('commitMessage', () => {
  it('makes every line clean and adds the link id when the SaaS gave one', () => {
    const message = commitMessage(
      { commitMessage: 'Start mission m from WEB\u202e-1\n\nTicket: https://x.test/\u200bWEB-1' },
      'oml\u2066_1'
    )
    expect(message).toBe(
      'Start mission m from WEB-1\n\nTicket: https://x.test/WEB-1\nOrigin link: oml_1\n'
    )
    for (const line of message.split('\n')) expect(line).not.toMatch(INVISIBLE)
  })

  it('names no link when the SaaS did not report one', () => {
    expect(commitMessage({ commitMessage: 'Start mission m' }, null)).toBe('Start mission m\n')
  })
})
