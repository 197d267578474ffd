import { it } from '@jest/globals'
import { describeInterop } from './suite.js'
import { missionBranch } from './workflows.js'

describeInterop('the PR is the mission branch, merged at the end', () => {
  it('spec-kitty takes the mission through planning, a work package and its merge', async () => {
    await missionBranch()
  })
})
