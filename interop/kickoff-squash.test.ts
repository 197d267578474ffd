import { it } from '@jest/globals'
import { describeInterop } from './suite.js'
import { kickoff } from './workflows.js'

describeInterop('kickoff PR squash-merged, the team carries on from main', () => {
  it('spec-kitty sees the mission on main and takes it through planning to implement', async () => {
    await kickoff('squash', false)
  })
})
