import { describe, expect, it } from '@jest/globals'
import { renderCandidateComment } from '../../src/chatops/render.js'
import { decodeStateMarker, deriveStateKey, encodeStateMarker } from '../../src/chatops/state.js'
import type { CandidateState } from '../../src/chatops/state.js'
import { ACTIONS_BOT } from '../../sandbox/github/seed.js'
import type { Scenario } from '../../sandbox/scenario.js'
import { resultOf, say, useScenario } from '../../__fixtures__/sandbox/bundle.js'
import { BIND } from '../../__fixtures__/sandbox/saas.js'
import {
  botBodies,
  missionBranches,
  reactions,
  saasCalls
} from '../../__fixtures__/sandbox/views.js'

const HOUR = 3_600_000

const scenario = useScenario()

/** The state of the newest bot list, verified with the key the action derives from the SaaS token. */
function newestListState(s: Scenario, key: Buffer): CandidateState {
  const decoded = decodeStateMarker(botBodies(s).at(-1)!, key, {
    repo: s.repository,
    issue: s.issueNumber,
    nowMs: Date.now()
  })
  if (!decoded.ok) throw new Error(`The bot's list did not verify: ${decoded.reason}.`)
  return decoded.state
}

describe('the life of a candidate list', () => {
  it('closes a cancelled list so a later confirm has nothing to confirm', async () => {
    const s = await scenario.start()
    await say(s, 'ana', '/kitty start-from WEB-123')
    const cancel = await say(s, 'ana', '/kitty cancel')
    expect(cancel.run).toMatchObject({ exitCode: 0, outputs: { state: 'cancelled' } })
    expect(cancel.run.summary).toContain('## kitty-origin: Candidate list cancelled')
    expect(botBodies(s)).toEqual([
      expect.stringContaining('❎ Cancelled.'),
      expect.stringMatching(/^❎ Cancelled the list of tickets matching WEB-123/)
    ])

    const confirm = await say(s, 'ana', '/kitty confirm 1')
    expect(confirm.run.exitCode).toBe(0)
    expect(resultOf(confirm.run)).toMatchObject({
      state: 'refused',
      error: {
        code: 'list-cancelled',
        message: expect.stringContaining('The newest candidate list was cancelled')
      }
    })
    expect(botBodies(s).at(-1)).toContain('search again with `/kitty start-from')
    expect(saasCalls(s, BIND)).toBe(0)
    expect(missionBranches(s)).toEqual([])
  })

  it('signs lists for state-ttl-hours and refuses one whose time is up', async () => {
    const s = await scenario.start()
    const key = deriveStateKey({ saasToken: s.saas.token })
    await say(s, 'ana', '/kitty start-from WEB-123', { 'state-ttl-hours': '1' })
    const state = newestListState(s, key)
    expect(state.expires_at - state.created_at).toBe(HOUR)

    // The same list as the bot would have posted it two hours ago: the clock moved on past it.
    const earlier = {
      ...state,
      created_at: state.created_at - 2 * HOUR,
      expires_at: state.expires_at - 2 * HOUR
    }
    const body = renderCandidateComment({
      state: earlier,
      marker: encodeStateMarker(earlier, key),
      prefix: '/kitty',
      scopeLabel: 'team acme-web'
    })
    s.github.addComments(s.repository, s.issueNumber, [{ user: ACTIONS_BOT.login, body }])

    const confirm = await say(s, 'ana', '/kitty confirm 1')
    expect(confirm.run.exitCode).toBe(0)
    expect(confirm.run.outputs.state).toBe('refused')
    expect(resultOf(confirm.run)).toMatchObject({
      state: 'refused',
      error: {
        code: 'list-expired',
        message: expect.stringContaining('The candidate list has expired')
      }
    })
    expect(botBodies(s).at(-1)).toContain('The candidate list has expired')
    expect(saasCalls(s, BIND)).toBe(0)
    expect(missionBranches(s)).toEqual([])
  })

  it('refuses a wrong row number with a successful run, a 😕 reply and a linked summary', async () => {
    const s = await scenario.start()
    await say(s, 'ana', '/kitty start-from WEB-123')
    const { payload, run } = await say(s, 'ana', '/kitty confirm 3')
    expect(run.exitCode).toBe(0)
    expect(run.outputs.state).toBe('refused')
    expect(resultOf(run)).toMatchObject({
      version: 1,
      state: 'refused',
      error: { code: 'candidate-not-listed' }
    })
    expect(reactions(s, payload.comment.id)).toEqual(['eyes', 'confused'])
    expect(botBodies(s).at(-1)).toBe(
      '😕 There is no row 3 in the candidate list; confirm it with `/kitty confirm 1`.'
    )
    expect(run.summary).toContain('## kitty-origin: Request refused')
    expect(run.summary).toContain('confirm it with `/kitty confirm 1`.')
    expect(run.summary).toContain(
      `Issue: [#${s.issueNumber}](https://github.com/${s.repository}/issues/${s.issueNumber})`
    )
    expect(saasCalls(s, BIND)).toBe(0)
  })

  it('refuses confirm 0 and a cancel with nothing open, both as successful runs', async () => {
    const s = await scenario.start()
    const zero = await say(s, 'ana', '/kitty confirm 0')
    expect(zero.run).toMatchObject({ exitCode: 0, outputs: { state: 'refused' } })
    const cancel = await say(s, 'ana', '/kitty cancel')
    expect(cancel.run).toMatchObject({ exitCode: 0, outputs: { state: 'refused' } })
    expect(resultOf(cancel.run)).toMatchObject({ error: { code: 'list-not-found' } })
  })
})
