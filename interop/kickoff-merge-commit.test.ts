import { it } from '@jest/globals'
import { describeInterop } from './suite.js'
import { kickoff } from './workflows.js'

describeInterop('kickoff PR merged with a merge commit, the team carries on from main', () => {
  it('spec-kitty takes the mission through planning, a work package and its merge', async () => {
    await kickoff('merge', true)
  })
})
