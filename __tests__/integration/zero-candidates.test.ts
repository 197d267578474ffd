import { describe, expect, it } from '@jest/globals'
import { findStateMarker } from '../../src/chatops/state.js'
import { resultOf, say, useScenario } from '../../__fixtures__/sandbox/bundle.js'
import { BIND } from '../../__fixtures__/sandbox/saas.js'
import { botBodies, saasCalls } from '../../__fixtures__/sandbox/views.js'

const scenario = useScenario()

describe('a search that finds nothing', () => {
  it('posts an empty signed list, says so, and leaves nothing to confirm', async () => {
    const s = await scenario.start()
    const search = await say(s, 'ana', '/kitty start-from zzzz qqqq')
    expect(search.run.exitCode).toBe(0)
    expect(search.run.outputs).toMatchObject({ state: 'candidates-posted', candidates: '[]' })
    expect(resultOf(search.run)).toMatchObject({ candidates: [], query: 'zzzz qqqq' })
    const list = botBodies(s)[0]!
    expect(list).toContain('No tickets match zzzz qqqq in Linear team acme-web')
    expect(findStateMarker(list)).not.toBeNull()
    expect(search.run.summary).toContain('No candidates matched.')

    const confirm = await say(s, 'ana', '/kitty confirm 1')
    expect(confirm.run.exitCode).toBe(0)
    expect(resultOf(confirm.run)).toMatchObject({
      state: 'refused',
      error: {
        code: 'candidate-not-listed',
        message:
          'The candidate list is empty, so there is nothing to confirm; search again with ' +
          '`/kitty start-from <ticket key or words>`.'
      }
    })
    expect(botBodies(s).at(-1)).toContain('The candidate list is empty')
    expect(saasCalls(s, BIND)).toBe(0)
  })
})
