import { describe, expect, it } from '@jest/globals'
import { webappSeed } from '../../sandbox/github/seed.js'
import { defaultSeed } from '../../sandbox/saas/seed.js'
import type { SeedTicket } from '../../sandbox/saas/seed.js'
import { SANDBOX_PRIVATE_TEAM } from '../../sandbox/saas/server.js'
import { resultOf, say, useScenario } from '../../__fixtures__/sandbox/bundle.js'
import { BIND, EVENTS, SEARCH } from '../../__fixtures__/sandbox/saas.js'
import { botBodies, missionBranches, saasCalls } from '../../__fixtures__/sandbox/views.js'

/**
 * The built action against a SaaS that answers in the lenient shapes spec-kitty accepts, or with
 * text that must never be trusted as markup, protocol or URL.
 */
const scenario = useScenario()

/** Control, bidi-override and zero-width characters a hostile tracker title can carry. */
const HOSTILE = '\u202eevil\u202c\u200b\u2066\u0007'

function saasWith(...tickets: SeedTicket[]) {
  const seed = defaultSeed()
  seed.resources[0]!.tickets.push(...tickets)
  return seed
}

const JS_TICKET: SeedTicket = {
  external_issue_id: 'js-1',
  external_issue_key: 'WEB-666',
  title: 'Clerk auth, but evil',
  status: 'Todo',
  url: 'javascript:alert(document.cookie)'
}

function withConfigLine(line: string) {
  const seed = webappSeed()
  const files = seed.history[1]!.files
  files['.kittify/config.yaml'] = `${files['.kittify/config.yaml']!}${line}\n`
  return seed
}

describe('the SaaS answer is checked at the edge', () => {
  it('leaves a ticket whose URL is not http(s) out of the list, and says which and why', async () => {
    const s = await scenario.start({ saas: { seed: saasWith(JS_TICKET) } })
    const search = await say(s, 'ana', '/kitty start-from Clerk auth')
    expect(search.run.outputs.state).toBe('candidates-posted')
    const keys = (
      JSON.parse(search.run.outputs.candidates!) as { external_issue_key: string }[]
    ).map(candidate => candidate.external_issue_key)
    expect(keys).toContain('WEB-123')
    expect(keys).not.toContain('WEB-666')
    const list = botBodies(s)[0]!
    expect(list).toContain('WEB-666: its URL is not an https: or http: address')
    expect(list).not.toContain('javascript:')
    expect(search.run.summary).toContain('WEB-666 was left out of the candidates')
  })

  it('never binds, links or writes a ticket whose URL turned into javascript: before the confirm', async () => {
    const s = await scenario.start()
    await say(s, 'ana', '/kitty start-from WEB-123')
    s.saas.state.resources[0]!.tickets[0]!.url = 'javascript:alert(1)'
    const confirm = await say(s, 'ana', '/kitty confirm 1')
    expect(confirm.run.outputs.state).not.toMatch(/^mission-/)
    expect(resultOf(confirm.run)).toMatchObject({
      error: {
        code: 'ticket-refused',
        message:
          "WEB-123 cannot be a mission's origin: its URL is not an https: or http: address. Nothing was bound or written."
      }
    })
    expect(saasCalls(s, BIND)).toBe(0)
    expect(missionBranches(s)).toEqual([])
    expect(botBodies(s).join('\n')).not.toContain('javascript:')
  })

  it('keeps control, bidi and zero-width characters out of the PR title, commit message and outputs', async () => {
    const s = await scenario.start()
    s.saas.state.resources[0]!.tickets[0]!.title = `Add ${HOSTILE}\nClerk\r\nauth`
    await say(s, 'ana', '/kitty start-from WEB-123')
    const confirm = await say(s, 'ana', '/kitty confirm 1')
    expect(confirm.run.outputs.state).toBe('mission-created')
    const pull = s.pullRequest(Number(confirm.run.outputs['pull-request-number']))!
    expect(pull.title).toBe('Start mission from WEB-123: Add evil Clerk auth')
    const commits = s.github.requests.filter(
      r => r.method === 'POST' && r.path.endsWith('/git/commits')
    )
    const messages = commits.map(r => (r.body as { message: string }).message)
    expect(messages.length).toBeGreaterThan(0)
    const invisible = /[\p{Cc}\p{Cf}]/u
    for (const message of messages) {
      for (const line of message.split('\n')) expect(line).not.toMatch(invisible)
    }
    for (const value of Object.values(confirm.run.outputs)) {
      expect(value.replace(/\n/g, '')).not.toMatch(/[\u202a-\u202e\u2066-\u2069\u200b-\u200f]/)
    }
    const bind = s.saas.requests.find(r => r.path === BIND)!.body as { external_title: string }
    expect(bind.external_title).toBe('Add evil Clerk auth')
  })
})

describe('answers spec-kitty takes as they come', () => {
  it('takes a bind answered with an empty body as a bind; the PR body says what it lacks', async () => {
    const s = await scenario.start({ saas: { shapes: { bind: 'empty' } } })
    await say(s, 'ana', '/kitty start-from WEB-123')
    const confirm = await say(s, 'ana', '/kitty confirm 1')
    expect(confirm.run.outputs.state).toBe('mission-created')
    const origin = JSON.parse(confirm.run.outputs['origin-ticket']!) as Record<string, unknown>
    expect(origin).not.toHaveProperty('origin_link_id')
    expect(origin).not.toHaveProperty('bound_at')
    const pull = s.pullRequest(Number(confirm.run.outputs['pull-request-number']))!
    expect(pull.body).toContain('| Origin link | _not reported by the Spec Kitty SaaS_ |')
  })

  it('reads candidates with body: null, status: null and an unknown match_type', async () => {
    const s = await scenario.start({
      saas: { shapes: { candidates: { nullBody: true, nullStatus: true, matchType: 'unknown' } } }
    })
    const search = await say(s, 'ana', '/kitty start-from WEB-123')
    expect(JSON.parse(search.run.outputs.candidates!)).toEqual([
      expect.objectContaining({ external_issue_key: 'WEB-123', status: '', match_type: 'text' })
    ])
    expect((await say(s, 'ana', '/kitty confirm 1')).run.outputs.state).toBe('mission-created')
  })

  it('takes a search answer without candidates as no match', async () => {
    const s = await scenario.start({ saas: { shapes: { omitCandidates: true } } })
    const search = await say(s, 'ana', '/kitty start-from WEB-123')
    expect(search.run.outputs.state).toBe('candidates-posted')
    expect(JSON.parse(search.run.outputs.candidates!)).toEqual([])
  })
})

describe('what the person typed is what is asked', () => {
  it('searches a quoted key as words: no query_key', async () => {
    const s = await scenario.start()
    await say(s, 'ana', '/kitty start-from "WEB-123"')
    const body = s.saas.requests.find(r => r.path === SEARCH)!.body
    expect(body).toMatchObject({ query_text: 'WEB-123' })
    expect(body).not.toHaveProperty('query_key')
  })
})

describe('team, egress and events', () => {
  it('looks the team up once with GET /api/v1/me when team-slug is empty', async () => {
    const s = await scenario.start()
    await say(s, 'ana', '/kitty start-from WEB-123', { 'team-slug': '' })
    expect(s.saas.requests.map(r => r.path)).toEqual(['/api/v1/me', SEARCH])
    expect(s.saas.requests[1]!.headers['x-team-slug']).toBe('acme')
  })

  it('makes no SaaS call at all when the config says tracker.egress: refused', async () => {
    const s = await scenario.start({
      github: { seed: [withConfigLine('  egress: refused')] }
    })
    const search = await say(s, 'ana', '/kitty start-from WEB-123', { 'emit-events': 'true' })
    expect(resultOf(search.run)).toMatchObject({ error: { code: 'tracker-egress-refused' } })
    expect(botBodies(s).join('\n')).toContain('tracker.egress: refused')
    expect(s.saas.requests).toEqual([])
  })

  it('sends no event unless emit-events is on', async () => {
    const s = await scenario.start()
    await say(s, 'ana', '/kitty start-from WEB-123')
    await say(s, 'ana', '/kitty confirm 1')
    expect(saasCalls(s, EVENTS)).toBe(0)
  })

  it("sends spec-kitty's envelope when emit-events is on, without X-Team-Slug", async () => {
    const s = await scenario.start()
    const on = { 'emit-events': 'true' }
    await say(s, 'ana', '/kitty start-from WEB-123', on)
    const confirm = await say(s, 'ana', '/kitty confirm 1', on)
    const batch = s.saas.requests.find(r => r.path === EVENTS)!
    expect(batch.headers).not.toHaveProperty('x-team-slug')
    const [event] = (batch.body as { events: Record<string, unknown>[] }).events
    expect(event).toMatchObject({
      event_type: 'MissionOriginBound',
      project_uuid: '8a4a7da6-3c1e-4f2b-9d5e-6b7c8d9e0f1a',
      project_slug: 'acme-web',
      team_slug: SANDBOX_PRIVATE_TEAM,
      type: 'event',
      admission_generation: 1,
      binding_audience: `local-nonstrict:${s.saas.url}`,
      git_branch: confirm.run.outputs.branch
    })
    expect(event!.spec_kitty_delivery_identity).toBe(event!.event_id)
    expect(event!.build_id).toMatch(/^[0-9a-f-]{36}$/)
  })

  it('drops an event the SaaS refuses for the project, with a note in the summary', async () => {
    const s = await scenario.start({
      saas: { shapes: { eventRefusal: 'project_not_admitted' } }
    })
    const on = { 'emit-events': 'true' }
    await say(s, 'ana', '/kitty start-from WEB-123', on)
    const confirm = await say(s, 'ana', '/kitty confirm 1', on)
    expect(confirm.run.outputs.state).toBe('mission-created')
    expect(confirm.run.summary).toContain('project\\_not\\_admitted')
    expect([...s.github.repo(s.repository).refs.keys()]).not.toContain(
      'refs/heads/kitty-origin/outbox'
    )
  })

  it('skips the event with a note saying what to run when the config has no project uuid', async () => {
    const seed = webappSeed()
    const files = seed.history[1]!.files
    files['.kittify/config.yaml'] = files['.kittify/config.yaml']!.replace(/ {2}uuid: .*\n/, '')
    const s = await scenario.start({ github: { seed: [seed] } })
    const on = { 'emit-events': 'true' }
    await say(s, 'ana', '/kitty start-from WEB-123', on)
    const confirm = await say(s, 'ana', '/kitty confirm 1', on)
    expect(confirm.run.outputs.state).toBe('mission-created')
    expect(saasCalls(s, EVENTS)).toBe(0)
    expect(confirm.run.summary).toMatch(/spec-kitty init/)
  })
})
