import { describe, expect, it } from '@jest/globals'
import { useScenario } from '../../__fixtures__/sandbox/bundle.js'
import type { Scenario } from '../../sandbox/scenario.js'

import { SEARCH } from '../../__fixtures__/sandbox/saas.js'
const SERVER = 'https://ghe.example.com'

const scenario = useScenario()

/** A sandbox GitHub serving its API under `/api/v3`, as GitHub Enterprise Server does. */
async function enterprise(): Promise<Scenario> {
  return scenario.start({ github: { basePath: '/api/v3' } })
}

describe('GitHub Enterprise Server', () => {
  it('serves the sandbox API only under its base path', async () => {
    const s = await enterprise()
    expect(new URL(s.github.url).pathname).toBe('/api/v3')
    const headers = { authorization: `token ${s.github.token}` }
    const inside = await fetch(`${s.github.url}/repos/acme/webapp`, { headers })
    expect(inside.status).toBe(200)
    const outside = await fetch(`${new URL(s.github.url).origin}/repos/acme/webapp`, { headers })
    expect(outside.status).toBe(404)
  })

  it('calls the API under GITHUB_API_URL and links the run log on GITHUB_SERVER_URL', async () => {
    const s = await enterprise()
    s.saas.faults.add({
      path: SEARCH,
      status: 401,
      body: { error_code: 'token_expired', message: 'expired' }
    })
    const result = await s.run(
      'issue_comment',
      s.postComment('ana', '/kitty start-from WEB-123'),
      {},
      { env: { GITHUB_SERVER_URL: SERVER } }
    )
    expect(result.outputs.state).toBe('failed')
    const reply = s.botComments().at(-1)?.body ?? ''
    const link = /\[run log\]\(([^)]+)\)/.exec(reply)?.[1] ?? ''
    expect(link).toMatch(/^https:\/\/ghe\.example\.com\/acme\/webapp\/actions\/runs\/\d+$/)
    expect(s.github.requests.length).toBeGreaterThan(0)
    expect(s.github.requests.every(request => request.path.startsWith('/api/v3/'))).toBe(true)
  })

  it('starts a mission end to end against an API under /api/v3', async () => {
    const s = await enterprise()
    const env = { GITHUB_SERVER_URL: SERVER }
    await s.run('issue_comment', s.postComment('ana', '/kitty start-from WEB-123'), {}, { env })
    const result = await s.run(
      'issue_comment',
      s.postComment('ana', '/kitty confirm 1'),
      {},
      { env }
    )
    expect(result.outputs.state).toBe('mission-created')
    expect(s.pullRequest(Number(result.outputs['pull-request-number']))).toBeDefined()
  })
})
