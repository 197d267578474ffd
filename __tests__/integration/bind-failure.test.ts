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

describe('a bind the SaaS refuses', () => {
  it('fails on 409, deletes the claimed branch and opens no PR', async () => {
    const s = await scenario.start()
    await say(s, 'ana', '/kitty start-from WEB-123')
    s.saas.faults.add({
      path: BIND,
      status: 409,
      body: { error_code: 'origin_conflict', message: 'Mission already has a different origin.' }
    })
    const { payload, run } = await say(s, 'ana', '/kitty confirm 1')
    expect(run.exitCode).toBe(1)
    expect(run.outputs).toMatchObject({ state: 'failed', branch: '', 'pull-request-number': '' })
    const message =
      'A different ticket is already bound to this mission in Spec Kitty; nothing was written.'
    expect(resultOf(run)).toMatchObject({ error: { code: 'saas-origin-conflict', message } })
    expect(saasCalls(s, BIND)).toBe(1)
    expect(missionBranches(s)).toEqual([])
    expect([...s.github.repo().refs.keys()]).toEqual(['refs/heads/main'])
    expect(s.github.repo().pulls.size).toBe(0)
    expect(s.saas.state.links.size).toBe(0)
    expect(reactions(s, payload.comment.id)).toEqual(['eyes', 'confused'])
    const reply = botBodies(s).at(-1)!
    expect(reply).toContain(`😕 kitty-origin could not finish: ${message}`)
    expect(reply).toContain('https://github.com/acme/webapp/actions/runs/7000002')
    expect(run.summary).toContain(`**saas-origin-conflict**: ${message}`)
    expect(run.annotations).toContainEqual(expect.objectContaining({ level: 'error', message }))
  })
})
