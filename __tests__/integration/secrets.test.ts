import { randomBytes } from 'node:crypto'
import { describe, expect, it } from '@jest/globals'
import type { RunResult } from '../../sandbox/runner.js'
import type { Scenario } from '../../sandbox/scenario.js'
import { say, useScenario } from '../../__fixtures__/sandbox/bundle.js'
import { BIND, SEARCH } from '../../__fixtures__/sandbox/saas.js'
import { botBodies } from '../../__fixtures__/sandbox/views.js'
import { placesContaining, repositoryPlaces, runPlaces, sentPlaces } from './exposure.js'

/**
 * A long random secret of letters and digits: markdown escaping leaves it as it is, so a leak into
 * a comment cannot hide behind a backslash.
 */
function secret(prefix: string, length: number): string {
  const alphabet = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789'
  return prefix + [...randomBytes(length)].map(byte => alphabet[byte % alphabet.length]).join('')
}

const GITHUB_TOKEN = secret('ghs', 60)
const SAAS_TOKEN = secret('sk', 72)
const STATE_SECRET = secret('', 64)
const SECRETS = [GITHUB_TOKEN, SAAS_TOKEN, STATE_SECRET]
const INPUTS = {
  'github-token': GITHUB_TOKEN,
  'state-secret': STATE_SECRET,
  'emit-events': 'true'
}

const scenario = useScenario()

/** A scenario whose SaaS takes only SAAS_TOKEN and whose GitHub knows GITHUB_TOKEN. */
async function start(contents: 'read' | 'write' = 'write'): Promise<Scenario> {
  const s = await scenario.start({ saas: { token: SAAS_TOKEN } })
  s.github.addToken(GITHUB_TOKEN, { permissions: { contents } })
  return s
}

async function talk(s: Scenario, body: string): Promise<RunResult> {
  return (await say(s, 'ana', body, INPUTS)).run
}

/** Asserts the secrets were used, masked, and appear nowhere anyone can read. */
function expectNoSecretAnywhere(s: Scenario, runs: RunResult[]): void {
  expect(s.github.requests.every(r => r.headers.authorization === `token ${GITHUB_TOKEN}`)).toBe(
    true
  )
  expect(s.saas.requests.every(r => r.headers.authorization === `Bearer ${SAAS_TOKEN}`)).toBe(true)
  for (const run of runs) expect(run.masks).toEqual(expect.arrayContaining(SECRETS))
  const places = [...runPlaces(runs), ...repositoryPlaces(s), ...sentPlaces(s)]
  expect(placesContaining(places, SECRETS)).toEqual([])
}

describe('secrets', () => {
  it('never show up in a whole start-from and confirm', async () => {
    const s = await start()
    const runs = [await talk(s, '/kitty start-from WEB-123'), await talk(s, '/kitty confirm 1')]
    expect(runs.map(run => run.outputs.state)).toEqual(['candidates-posted', 'mission-created'])
    expect(s.saas.requests.map(r => r.path)).toContain('/api/v1/events/batch/')
    expectNoSecretAnywhere(s, runs)
  })

  it('never show up when the SaaS rejects the token (401)', async () => {
    const s = await start()
    s.saas.faults.add({
      path: SEARCH,
      status: 401,
      body: { error_code: 'invalid_token', message: `Token ${SAAS_TOKEN} is not valid.` }
    })
    const run = await talk(s, '/kitty start-from WEB-123')
    expect(run.outputs.state).toBe('failed')
    expect(JSON.parse(run.outputs.result!)).toMatchObject({ error: { code: 'saas-unauthorized' } })
    expectNoSecretAnywhere(s, [run])
  })

  it('never show up when the SaaS quotes the token in a message meant for people (422)', async () => {
    const s = await start()
    s.saas.faults.add({
      path: SEARCH,
      status: 422,
      body: {
        error_code: 'invalid_query',
        message: `${'Query rejected for a client whose credentials are '.repeat(3)}${SAAS_TOKEN}.`
      }
    })
    const run = await talk(s, '/kitty start-from WEB-123')
    expect(JSON.parse(run.outputs.result!)).toMatchObject({ error: { code: 'saas-invalid-query' } })
    expect(botBodies(s).at(-1)).toContain('Query rejected for a client')
    expectNoSecretAnywhere(s, [run])
  })

  it('never show up when GitHub refuses a write (403)', async () => {
    const s = await start('read')
    const runs = [await talk(s, '/kitty start-from WEB-123'), await talk(s, '/kitty confirm 1')]
    expect(runs[1]!.exitCode).toBe(1)
    expect(JSON.parse(runs[1]!.outputs.result!)).toMatchObject({ error: { code: 'github-error' } })
    expect(s.github.requests.some(r => r.method === 'POST' && r.path.includes('/git/'))).toBe(true)
    expectNoSecretAnywhere(s, runs)
  })

  it('never show up when the SaaS refuses the bind (409)', async () => {
    const s = await start()
    s.saas.faults.add({
      path: BIND,
      status: 409,
      body: { error_code: 'origin_conflict', message: 'Different origin.' }
    })
    const runs = [await talk(s, '/kitty start-from WEB-123'), await talk(s, '/kitty confirm 1')]
    expect(runs[1]!.outputs.state).toBe('failed')
    expectNoSecretAnywhere(s, runs)
  })

  it('keep an HTML error page of the SaaS, and what it echoes, out of comments', async () => {
    const s = await start()
    s.saas.faults.add({
      path: SEARCH,
      status: 400,
      body:
        '<!DOCTYPE html><html><head><title>Request Rejected</title>' +
        '<script>alert("gateway")</script></head><body><h1>Request Rejected</h1>' +
        `<p>Your request with Authorization: Bearer ${SAAS_TOKEN} was blocked by policy 7731.</p>` +
        '</body></html>'
    })
    const run = await talk(s, '/kitty start-from WEB-123')
    expect(run.exitCode).toBe(1)
    const reply = botBodies(s).at(-1)!
    expect(reply).toContain('😕 kitty-origin could not finish')
    for (const fragment of ['<', 'Request Rejected', 'alert', 'policy 7731', 'Authorization']) {
      expect(reply).not.toContain(fragment)
      expect(run.summary).not.toContain(fragment)
      expect(run.stdout).not.toContain(fragment)
    }
    expectNoSecretAnywhere(s, [run])
  })
})
