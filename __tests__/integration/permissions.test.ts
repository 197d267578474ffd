import { describe, expect, it } from '@jest/globals'
import { resultOf, say, useScenario } from '../../__fixtures__/sandbox/bundle.js'
import { BIND } from '../../__fixtures__/sandbox/saas.js'
import {
  botBodies,
  missionBranches,
  reactions,
  saasCalls
} from '../../__fixtures__/sandbox/views.js'

const scenario = useScenario()

describe('who may act', () => {
  it('denies a reader: 👎, one reply naming the permission, no SaaS call', async () => {
    const s = await scenario.start()
    const { payload, run } = await say(s, 'carl', '/kitty start-from WEB-123')
    expect(run.exitCode).toBe(0)
    expect(run.outputs.state).toBe('denied')
    expect(resultOf(run)).toMatchObject({
      state: 'denied',
      reason: '@carl has read permission on this repository; write is needed.'
    })
    expect(s.saas.requests).toEqual([])
    expect(reactions(s, payload.comment.id)).toEqual(['-1'])
    expect(botBodies(s)).toEqual([expect.stringContaining('need **write** permission')])
    expect(run.summary).toContain('## kitty-origin: Permission denied')
  })

  it('refuses a confirm by someone other than the requester, writing nothing', async () => {
    const s = await scenario.start()
    await say(s, 'ana', '/kitty start-from WEB-123')
    const { payload, run } = await say(s, 'ben', '/kitty confirm 1')
    expect(run.exitCode).toBe(0)
    expect(resultOf(run)).toMatchObject({
      state: 'refused',
      error: { code: 'not-requester', message: expect.stringContaining('asked for by @ana') }
    })
    expect(reactions(s, payload.comment.id)).toEqual(['eyes', 'confused'])
    const reply = botBodies(s).at(-1)!
    expect(reply).toContain('asked for by @&#8203;ana, and only they can confirm it')
    expect(reply).toContain('run `/kitty start-from <ticket key or words>`: your own list')
    expect(reply).not.toContain('@ana')
    expect(saasCalls(s, BIND)).toBe(0)
    expect(missionBranches(s)).toEqual([])
    expect(run.summary).toContain(
      '**not-requester**: The newest candidate list was asked for by @&#8203;ana'
    )
  })
})
