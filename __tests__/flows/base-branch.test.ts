import { describe, expect, it } from '@jest/globals'
import { useBot } from '../../__fixtures__/sandbox/bot.js'

const bot = useBot()

describe('a base-branch input that names no branch', () => {
  it('says so and names the branch on start-from, not "No tracker bound"', async () => {
    const report = await bot.say('ana', '/kitty start-from WEB-123', { 'base-branch': 'release/9' })
    expect(report.state).toBe('failed')
    expect(report.error?.code).toBe('github-error')
    expect(report.error?.message).toContain(
      'The branch release/9 does not exist in this repository'
    )
    expect(report.error?.message).not.toContain('No tracker bound')
    expect(bot.botBodies().at(-1)).toContain('release/9 does not exist')
  })

  it('says so and names the branch on a dispatch that reads the binding from the repository', async () => {
    const report = await bot.dispatch(
      'ana',
      { query: 'WEB-123', confirm: 'WEB-123' },
      { 'base-branch': 'release/9' }
    )
    expect(report.error?.message).toContain('release/9 does not exist')
    expect(report.error?.message).not.toContain('No tracker bound')
  })

  it('lets the reads it started finish before it reports the failure', async () => {
    // The run's claim is read beside the search; the search fails on the missing branch first.
    bot.github.faults.add({ path: /\/git\/ref\/kitty-origin%2Fclaims%2Frun-/, delayMs: 400 })
    const started = Date.now()
    const report = await bot.dispatch(
      'ana',
      { query: 'WEB-123', confirm: 'WEB-123' },
      { 'base-branch': 'release/9' }
    )
    expect(report.state).toBe('failed')
    expect(bot.github.requests.some(request => request.path.includes('claims%2Frun-'))).toBe(true)
    expect(Date.now() - started).toBeGreaterThanOrEqual(400)
  })
})
