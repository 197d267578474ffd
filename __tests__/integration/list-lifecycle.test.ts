import { afterEach, describe, expect, it } from '@jest/globals'
import { renderCandidateComment } from '../../src/chatops/render.js'
import { decodeStateMarker, deriveStateKey, encodeStateMarker } from '../../src/chatops/state.js'
import type { CandidateState } from '../../src/chatops/state.js'
import { ACTIONS_BOT } from '../../sandbox/github/seed.js'
import type { Scenario } from '../../sandbox/scenario.js'
import {
  BIND,
  botBodies,
  missionBranches,
  resultOf,
  saasCalls,
  say,
  startBundleScenario
} from './bundle.js'

const HOUR = 3_600_000

let scenario: Scenario | undefined
afterEach(async () => {
  await scenario?.close()
  scenario = undefined
})

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
    const s = (scenario = await startBundleScenario())
    await say(s, 'ana', '/kitty start-from WEB-123')
    const cancel = await say(s, 'ana', '/kitty cancel')
    expect(cancel.run).toMatchObject({ exitCode: 0, outputs: { state: 'cancelled' } })
    expect(cancel.run.summary).toContain('## kitty-origin: Candidate list cancelled')
    expect(botBodies(s)).toEqual([expect.stringContaining('❎ Cancelled.')])

    const confirm = await say(s, 'ana', '/kitty confirm 1')
    expect(confirm.run.exitCode).toBe(1)
    expect(resultOf(confirm.run)).toMatchObject({
      state: 'failed',
      error: { message: expect.stringContaining('The candidate list was cancelled') }
    })
    expect(saasCalls(s, BIND)).toBe(0)
    expect(missionBranches(s)).toEqual([])
  })

  it('signs lists for state-ttl-hours and refuses one whose time is up', async () => {
    const s = (scenario = await startBundleScenario())
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
    expect(confirm.run.exitCode).toBe(1)
    expect(resultOf(confirm.run)).toMatchObject({
      state: 'failed',
      error: {
        code: 'input-invalid',
        message: expect.stringContaining('The candidate list has expired')
      }
    })
    expect(botBodies(s).at(-1)).toContain('The candidate list has expired')
    expect(saasCalls(s, BIND)).toBe(0)
    expect(missionBranches(s)).toEqual([])
  })
})
