import { describe, expect, it } from '@jest/globals'
import { jiraRepoSeed } from '../../sandbox/github/seed.js'
import type { Scenario } from '../../sandbox/scenario.js'
import { JIRA_BINDING_REF } from '../../sandbox/saas/seed.js'
import { resultOf, say, useScenario } from '../../__fixtures__/sandbox/bundle.js'
import { BIND, SEARCH } from '../../__fixtures__/sandbox/saas.js'
import {
  botBodies,
  missionBranches,
  reactions,
  saasCalls
} from '../../__fixtures__/sandbox/views.js'

const scenario = useScenario()

/** `acme/platform` (Jira through a binding reference) with an issue #8 by ana to talk on. */
function startJira(): Promise<Scenario> {
  return scenario.start({
    github: { seed: [jiraRepoSeed()] },
    repository: 'acme/platform',
    issue: { number: 8, title: 'Move billing to Postgres 16', body: 'See PROJ-7.', user: 'ana' }
  })
}

function searchBodies(s: Scenario): unknown[] {
  return s.saas.requests.filter(request => request.path === SEARCH).map(request => request.body)
}

describe('the built action, start-from then confirm', () => {
  it('starts a mission from a Linear key: list, bind, files, PR, replies, outputs and summary', async () => {
    const s = await scenario.start()
    const search = await say(s, 'ana', '/kitty start-from WEB-123')
    expect(search.run).toMatchObject({ exitCode: 0, outputs: { state: 'candidates-posted' } })
    expect(JSON.parse(search.run.outputs.candidates!)).toEqual([
      expect.objectContaining({ external_issue_key: 'WEB-123', match_type: 'exact' })
    ])
    expect(searchBodies(s)).toEqual([
      expect.objectContaining({
        provider: 'linear',
        project_slug: 'acme-web',
        query_key: 'WEB-123'
      })
    ])
    expect(botBodies(s)[0]).toContain('Tickets matching WEB-123 in Linear team acme-web')
    expect(search.run.summary).toContain('## kitty-origin: Candidates posted')

    const confirm = await say(s, 'ana', '/kitty confirm 1')
    const { outputs } = confirm.run
    expect(confirm.run.exitCode).toBe(0)
    expect(outputs.state).toBe('mission-created')
    const slug = outputs['mission-slug']!
    expect(slug).toMatch(/^web-123-[0-9A-HJKMNP-TV-Z]{8}$/)
    expect(outputs).toMatchObject({
      'mission-dir': `kitty-specs/${slug}`,
      branch: `kitty-origin/${slug}`,
      'pull-request-url': `https://github.com/acme/webapp/pull/${outputs['pull-request-number']}`
    })
    expect(resultOf(confirm.run)).toMatchObject({
      version: 1,
      state: 'mission-created',
      dry_run: false,
      issue_number: 42,
      mission: { slug, branch: `kitty-origin/${slug}` },
      origin_ticket: {
        external_issue_key: 'WEB-123',
        provider: 'linear',
        origin_link_id: 'oml_000001'
      }
    })
    expect(JSON.parse(outputs['origin-ticket']!)).toMatchObject({ external_issue_key: 'WEB-123' })

    expect(missionBranches(s)).toEqual([`refs/heads/kitty-origin/${slug}`])
    const meta = JSON.parse(
      s.github.readFile('acme/webapp', outputs.branch!, `kitty-specs/${slug}/meta.json`)!
    ) as Record<string, unknown>
    expect(meta).toMatchObject({
      mission_slug: slug,
      origin_ticket: { external_issue_key: 'WEB-123', resource_type: 'linear_team' }
    })
    expect([...s.saas.state.links.values()]).toEqual([
      expect.objectContaining({ external_issue_key: 'WEB-123', mission_id: meta.mission_id })
    ])
    const pull = s.pullRequest(Number(outputs['pull-request-number']))
    expect(pull).toMatchObject({
      title: 'Start mission from WEB-123: Add Clerk auth',
      head: outputs.branch,
      base: 'main'
    })

    const bodies = botBodies(s)
    expect(bodies[0]).toContain(`✅ Mission \`${slug}\` started`)
    expect(bodies.at(-1)).toContain(`🚀 Mission \`${slug}\` started from WEB-123`)
    expect(reactions(s, confirm.payload.comment.id)).toEqual(['eyes', 'rocket'])
    expect(confirm.run.summary).toContain('## kitty-origin: Mission created')
    expect(confirm.run.summary).toContain(`- Branch: \`kitty-origin/${slug}\``)
  })

  it('starts a mission from Linear free text, confirmed by ticket key', async () => {
    const s = await scenario.start()
    const search = await say(s, 'ana', '/kitty start-from "Clerk auth"')
    expect(search.run.outputs.state).toBe('candidates-posted')
    const keys = (
      JSON.parse(search.run.outputs.candidates!) as { external_issue_key: string }[]
    ).map(candidate => candidate.external_issue_key)
    expect(keys).toContain('WEB-130')
    expect(searchBodies(s)).toEqual([expect.objectContaining({ query_text: 'Clerk auth' })])
    expect(searchBodies(s)[0]).not.toHaveProperty('query_key')

    const confirm = await say(s, 'ana', '/kitty confirm web-130')
    expect(confirm.run).toMatchObject({ exitCode: 0, outputs: { state: 'mission-created' } })
    expect(confirm.run.outputs['mission-slug']).toMatch(/^web-130-/)
    expect(s.pullRequest(Number(confirm.run.outputs['pull-request-number']))?.title).toBe(
      'Start mission from WEB-130: Rate limit the login form'
    )
  })

  it('starts a mission from a Jira key in a repository bound by binding_ref', async () => {
    const s = await startJira()
    const search = await say(s, 'ana', '/kitty start-from PROJ-7')
    expect(search.run.outputs.state).toBe('candidates-posted')
    expect(searchBodies(s)).toEqual([
      expect.objectContaining({
        provider: 'jira',
        binding_ref: JIRA_BINDING_REF,
        query_key: 'PROJ-7'
      })
    ])
    expect(botBodies(s)[0]).toContain('Tickets matching PROJ-7 in Jira project')

    const confirm = await say(s, 'ana', '/kitty confirm 1')
    const { outputs } = confirm.run
    expect(confirm.run.exitCode).toBe(0)
    expect(outputs.state).toBe('mission-created')
    expect(outputs['pull-request-url']).toMatch(
      /^https:\/\/github\.com\/acme\/platform\/pull\/\d+$/
    )
    expect(s.saas.requests.find(request => request.path === BIND)?.body).toMatchObject({
      provider: 'jira',
      binding_ref: JIRA_BINDING_REF,
      external_issue_key: 'PROJ-7'
    })
    const dir = outputs['mission-dir']!
    const meta = JSON.parse(
      s.github.readFile('acme/platform', outputs.branch!, `${dir}/meta.json`)!
    ) as unknown
    expect(meta).toMatchObject({
      origin_ticket: { provider: 'jira', external_issue_key: 'PROJ-7', resource_id: '10042' }
    })
    expect(s.github.readFile('acme/platform', outputs.branch!, `${dir}/spec.md`)).toContain(
      '# Feature Specification:'
    )
    expect(s.pullRequest(Number(outputs['pull-request-number']))?.body).toContain(
      '| Provider | Jira |'
    )
  })

  it('starts a mission from Jira free text with accents', async () => {
    const s = await startJira()
    const search = await say(s, 'ana', '/kitty start-from résumé upload')
    expect(JSON.parse(search.run.outputs.candidates!)).toEqual([
      expect.objectContaining({ external_issue_key: 'PROJ-11', match_type: 'text' })
    ])
    const confirm = await say(s, 'ana', '/kitty confirm 1')
    expect(confirm.run).toMatchObject({ exitCode: 0, outputs: { state: 'mission-created' } })
    expect(JSON.parse(confirm.run.outputs['origin-ticket']!)).toMatchObject({
      external_issue_key: 'PROJ-11',
      title: 'Résumé upload fails for files over 10 MB'
    })
    expect(saasCalls(s, BIND)).toBe(1)
  })
})
