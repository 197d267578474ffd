import { describe, expect, it } from '@jest/globals'
import { resultOf, say, useScenario } from '../../__fixtures__/sandbox/bundle.js'
import { botBodies, missionBranches } from '../../__fixtures__/sandbox/views.js'

const scenario = useScenario()

describe('a re-run of a finished confirm', () => {
  it('answers mission-exists with the same PR and makes no second branch, PR or link', async () => {
    const s = await scenario.start()
    await say(s, 'ana', '/kitty start-from WEB-123')
    const first = await say(s, 'ana', '/kitty confirm 1')
    expect(first.run.outputs.state).toBe('mission-created')
    const number = first.run.outputs['pull-request-number']!

    const again = await s.run('issue_comment', first.payload)
    expect(again.exitCode).toBe(0)
    expect(again.outputs).toMatchObject({
      state: 'mission-exists',
      'pull-request-number': number,
      'pull-request-url': first.run.outputs['pull-request-url']
    })
    expect(resultOf(again)).toMatchObject({
      state: 'mission-exists',
      pull_request: { number: Number(number) }
    })
    expect(missionBranches(s)).toEqual([`refs/heads/${first.run.outputs.branch}`])
    expect(s.github.repo().pulls.size).toBe(1)
    expect(s.saas.state.links.size).toBe(1)
    expect(botBodies(s).at(-1)).toContain(
      `Mission \`${first.run.outputs['mission-slug']}\` for WEB-123 already exists → [PR #${number}]`
    )
    expect(again.summary).toContain('## kitty-origin: Mission already exists')
  })
})
