import { describe, expect, it } from '@jest/globals'
import { resultOf, say, useScenario } from '../../__fixtures__/sandbox/bundle.js'
import { BIND } from '../../__fixtures__/sandbox/saas.js'
import { botBodies, missionBranches, saasCalls } from '../../__fixtures__/sandbox/views.js'

const scenario = useScenario()

const NOTHING_TO_CONFIRM =
  'There is no candidate list in this issue to confirm; start with `/kitty start-from <ticket key or words>`.'

/** The candidate list's payload with its first candidate swapped for another ticket; the signature kept. */
function swapFirstCandidate(body: string): string {
  return body.replace(
    /(kitty-origin:state v1 )([A-Za-z0-9_-]+)\./,
    (_all, head: string, payload: string) => {
      const state = JSON.parse(Buffer.from(payload, 'base64url').toString('utf8')) as {
        candidates: Record<string, string>[]
      }
      state.candidates[0] = {
        ...state.candidates[0],
        external_issue_id: '5a7b9c1d-2e3f-4a5b-8c6d-7e8f9a0b1c2d',
        external_issue_key: 'WEB-124'
      }
      return `${head}${Buffer.from(JSON.stringify(state)).toString('base64url')}.`
    }
  )
}

describe('candidate lists nobody signed', () => {
  it('ignores a copy of the bot’s list posted by a person', async () => {
    const s = await scenario.start()
    await say(s, 'ana', '/kitty start-from WEB-123')
    const [real] = s.botComments()
    s.github.repo().comments.delete(real!.id)
    s.github.addComments(s.repository, s.issueNumber, [{ user: 'ana', body: real!.body }])

    const confirm = await say(s, 'ana', '/kitty confirm 1')
    expect(confirm.run.exitCode).toBe(0)
    expect(resultOf(confirm.run)).toMatchObject({
      state: 'refused',
      error: { code: 'list-not-found', message: NOTHING_TO_CONFIRM }
    })
    expect(confirm.run.annotations).toContainEqual(
      expect.objectContaining({
        level: 'warning',
        message: 'Ignored a candidate-list marker in a comment by @ana.'
      })
    )
    expect(saasCalls(s, BIND)).toBe(0)
    expect(missionBranches(s)).toEqual([])
  })

  it('refuses a bot list whose signed payload someone edited, without calling the SaaS', async () => {
    const s = await scenario.start()
    await say(s, 'ana', '/kitty start-from WEB-123')
    const list = s.github.repo().comments.get(s.botComments()[0]!.id)!
    const edited = swapFirstCandidate(list.body)
    expect(edited).not.toBe(list.body)
    list.body = edited
    const requestsBefore = s.saas.requests.length

    const confirm = await say(s, 'ana', '/kitty confirm 1')
    expect(confirm.run.exitCode).toBe(0)
    expect(resultOf(confirm.run)).toMatchObject({
      state: 'refused',
      error: { code: 'list-not-found', message: NOTHING_TO_CONFIRM }
    })
    expect(confirm.run.annotations).toContainEqual(
      expect.objectContaining({
        level: 'warning',
        message: expect.stringContaining('bad-signature')
      })
    )
    expect(s.saas.requests.length).toBe(requestsBefore)
    expect(missionBranches(s)).toEqual([])
    expect(botBodies(s)).toHaveLength(2)
  })
})
