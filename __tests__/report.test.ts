import { describe, expect, it } from '@jest/globals'
import { readFileSync } from 'node:fs'
import { parse } from 'yaml'
import { OUTPUTS } from '../src/action-names.js'
import { outputsOf, RESULT_VERSION, ResultDocument, resultJson } from '../src/report.js'
import type { RunReport } from '../src/report.js'
import type { RunState } from '../src/action-names.js'
import { summaryMarkdown } from '../src/summary.js'

const created: RunReport = {
  state: 'mission-created',
  dryRun: false,
  query: 'WEB-123',
  issueNumber: 42,
  candidates: [
    {
      external_issue_id: 'lin-1',
      external_issue_key: 'WEB-123',
      title: 'Add <b>Clerk</b> | auth @ana',
      status: 'In Progress',
      url: 'https://linear.app/acme/issue/WEB-123',
      match_type: 'exact',
      body: 'secret body text'
    }
  ],
  mission: {
    id: '01M0M9D8R83DDKSZ62QKGV3YW0',
    slug: 'web-123-01M0M9D8',
    dir: 'kitty-specs/web-123-01M0M9D8',
    branch: 'kitty/mission-web-123-01M0M9D8'
  },
  originTicket: {
    external_issue_id: 'lin-1',
    external_issue_key: 'WEB-123',
    external_issue_url: 'https://linear.app/acme/issue/WEB-123',
    provider: 'linear',
    resource_id: 'team',
    resource_type: 'linear_team',
    title: 'Add Clerk auth',
    origin_link_id: 'oml_1',
    bound_at: '2026-11-25T08:00:00Z'
  },
  pullRequest: { number: 43, url: 'https://github.com/acme/webapp/pull/43' }
}

describe('outputs', () => {
  it('sets every declared output, as strings', () => {
    const outputs = outputsOf(created)
    expect(Object.keys(outputs).sort()).toEqual([...OUTPUTS].sort())
    expect(outputs).toMatchObject({
      state: 'mission-created',
      'mission-slug': 'web-123-01M0M9D8',
      'mission-dir': 'kitty-specs/web-123-01M0M9D8',
      branch: 'kitty/mission-web-123-01M0M9D8',
      'pull-request-number': '43',
      'pull-request-url': 'https://github.com/acme/webapp/pull/43'
    })
    expect(JSON.parse(outputs['origin-ticket'])).toMatchObject({
      origin_link_id: 'oml_1',
      provider: 'linear'
    })
  })

  it('keeps ticket bodies out of the candidates output', () => {
    const [candidate] = JSON.parse(outputsOf(created).candidates) as Record<string, unknown>[]
    expect(candidate).toMatchObject({ external_issue_key: 'WEB-123' })
    expect(candidate).not.toHaveProperty('body')
  })

  it('leaves outputs a run has nothing for empty', () => {
    const outputs = outputsOf({ state: 'ignored', dryRun: false, reason: 'no command' })
    expect(outputs).toMatchObject({
      'mission-slug': '',
      'pull-request-number': '',
      'origin-ticket': '',
      candidates: '[]'
    })
  })

  it('versions the result JSON', () => {
    expect(JSON.parse(resultJson(created))).toMatchObject({
      version: RESULT_VERSION,
      state: 'mission-created',
      dry_run: false
    })
  })
})

describe('summaryMarkdown', () => {
  it('shows what was asked, found and created, escaping ticket text', () => {
    const summary = summaryMarkdown(created)
    expect(summary).toContain('## kitty-origin: Mission created')
    expect(summary).toContain('[WEB-123](https://linear.app/acme/issue/WEB-123)')
    expect(summary).not.toContain('<b>')
    expect(summary).toContain('\\|')
    expect(summary).toContain('`kitty/mission-web-123-01M0M9D8`')
    expect(summary).toContain('[#43](https://github.com/acme/webapp/pull/43)')
  })

  it('names the error and marks dry runs', () => {
    const summary = summaryMarkdown({
      state: 'failed',
      dryRun: true,
      error: { code: 'saas-timeout', message: 'The SaaS did not answer.' },
      reason: 'why'
    })
    expect(summary).toContain('Failed (dry run)')
    expect(summary).toContain('**saas-timeout**: The SaaS did not answer.')
  })

  it('shows the code of an error sentence as code, escaping only the words around it', () => {
    const summary = summaryMarkdown({
      state: 'refused',
      dryRun: false,
      error: {
        code: 'list-not-found',
        message: 'No list from @ana; start with `/kitty start-from <ticket>`.'
      }
    })
    expect(summary).toContain('## kitty-origin: Request refused')
    expect(summary).toContain(
      '**list-not-found**: No list from @&#8203;ana; start with `/kitty start-from <ticket>`.'
    )
  })

  it('links the issue when the repository is known, and names it otherwise', () => {
    const links = { repositoryUrl: 'https://github.com/acme/webapp' }
    expect(summaryMarkdown(created, links)).toContain(
      'Issue: [#42](https://github.com/acme/webapp/issues/42)'
    )
    expect(summaryMarkdown(created)).toContain('Issue: #42')
    expect(summaryMarkdown(created, { repositoryUrl: 'javascript:x' })).toContain('Issue: #42\n')
  })

  it('lists the facts of a run as one tight list, whatever came in between', () => {
    const summary = summaryMarkdown(created)
    expect(summary).toContain(
      '- Query: WEB-123\n- Issue: #42\n- Mission: `web-123-01M0M9D8` (id `01M0M9D8R83DDKSZ62QKGV3YW0`)\n'
    )
    expect(summary).toContain(
      '- Origin: [WEB-123](https://linear.app/acme/issue/WEB-123) (Linear, origin link `oml_1`)\n' +
        '- Pull request: [#43](https://github.com/acme/webapp/pull/43)\n'
    )
    expect(summary).not.toMatch(/\n- [^\n]*\n\n- /)
  })

  it('shows the candidates without match jargon', () => {
    const summary = summaryMarkdown({ ...created, candidates: created.candidates })
    expect(summary).toContain('| # | ticket | title | status |\n|--:|---|---|---|\n| 1 |')
    expect(summary).not.toContain('exact')
  })

  it('says when no candidates matched and adds details', () => {
    const summary = summaryMarkdown({
      state: 'candidates-posted',
      dryRun: false,
      query: 'zzz',
      candidates: [],
      details: '```json\n{}\n```',
      originTicket: { ...created.originTicket!, origin_link_id: undefined }
    })
    expect(summary).toContain('No candidates matched.')
    expect(summary).toContain('```json')
  })
})

describe('the result output', () => {
  const reports: RunReport[] = [
    created,
    {
      state: 'mission-exists',
      dryRun: false,
      mission: created.mission,
      warnings: ['Could not reply']
    },
    { state: 'failed', dryRun: true, error: { code: 'saas-timeout', message: 'late' } },
    { state: 'denied', dryRun: false, reason: '@carl has read permission', issueNumber: 42 },
    { state: 'candidates-posted', dryRun: false, query: 'WEB-1', candidates: [] },
    { state: 'help', dryRun: false }
  ]

  it.each(reports.map(report => [report.state, report] as const))(
    'is a document of its schema for %s',
    (_state, report) => {
      const parsed = ResultDocument.safeParse(JSON.parse(resultJson(report)))
      expect(parsed.success).toBe(true)
    }
  )

  it('names exactly its documented keys in action.yml and the README', () => {
    const keys = Object.keys(ResultDocument.shape).sort()
    const action = parse(readFileSync(new URL('../action.yml', import.meta.url), 'utf8')) as {
      outputs: Record<string, { description: string }>
    }
    const named = (text: string) => [...text.matchAll(/`([a-z_]+)`/g)].map(match => match[1]!)
    expect(named(action.outputs.result!.description).sort()).toEqual(keys)
    const readme = readFileSync(new URL('../README.md', import.meta.url), 'utf8')
    const row = readme.split('\n').find(line => line.startsWith('| `result`'))!
    expect(named(row.slice('| `result`'.length)).sort()).toEqual(keys)
  })

  it('gives every state of the state output a shape of its own', () => {
    // Fails to compile when a state is added to RUN_STATES without a shape in RunReport.
    const shaped: Exclude<RunState, RunReport['state']> extends never ? true : false = true
    expect(shaped).toBe(true)
    // @ts-expect-error a mission state without its mission does not compile
    const missing: RunReport = { state: 'mission-created', dryRun: false }
    expect(ResultDocument.safeParse(JSON.parse(resultJson(missing))).success).toBe(true)
  })
})
