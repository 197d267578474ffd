import { describe, expect, it } from '@jest/globals'
import { captureStdout } from '../../__fixtures__/runner/step.js'
import { SEARCH } from '../../__fixtures__/sandbox/saas.js'
import { verifyPullRequest } from '../../src/verify/pull-request.js'
import type { VerifyPorts } from '../../src/verify/ports.js'
import { ANNOTATION_TITLE } from '../../src/verify/render.js'
import { LINEAR_TEAM_ID } from '../../sandbox/github/seed.js'
import { startRecordingProxy } from '../../sandbox/proxy.js'
import { pythonJsonPretty } from '../../src/mission/index.js'
import { originOf } from '../../src/verify/check.js'
import { metaText, MISSION_SLUG } from './fixtures.js'
import { useVerify } from './harness.js'

const harness = useVerify()

const SLUG = MISSION_SLUG
const DIR = `kitty-specs/${SLUG}`
const NO_SAAS = { 'saas-url': '', 'saas-token': '' }

function missionPull(meta: string, dir = DIR): Promise<number> {
  return harness.openPull(`kitty-origin/${dir.split('/')[1]}`, {
    [`${dir}/meta.json`]: meta,
    [`${dir}/spec.md`]: '# Add Clerk auth\n'
  })
}

function origin(meta: Record<string, unknown>): Record<string, unknown> {
  return meta.origin_ticket as Record<string, unknown>
}

describe('a mission pull request', () => {
  it('verifies the PR the bot opened, confirming the ticket at the SaaS, with a summary card', async () => {
    await harness.bot.say('ana', '/kitty start-from WEB-123')
    const started = await harness.bot.say('ana', '/kitty confirm 1')
    const number = started.pullRequest?.number ?? 0
    const searches = harness.bot.saasCalls(SEARCH)

    const report = await harness.verify(number)

    expect(report).toMatchObject({
      state: 'verified',
      reason: `Pull request #${number}: 1 mission verified.`
    })
    expect(report.error).toBeUndefined()
    expect(report.details).toContain(`#### ✅ Verified: \`${started.mission?.dir ?? ''}\``)
    expect(report.details).toContain(
      '- Ticket: [WEB-123](https://linear.app/acme/issue/WEB-123/add-clerk-auth): Add Clerk auth'
    )
    expect(report.details).toContain(`- Provider: Linear, linear\\_team \`${LINEAR_TEAM_ID}\``)
    expect(report.details).toContain(
      `- Mission: \`${started.mission?.slug ?? ''}\`, id \`${started.mission?.id ?? ''}\``
    )
    expect(report.details).toContain('the ticket still exists with the same id and key')
    expect(harness.annotations).toEqual([])
    expect(harness.bot.saasCalls(SEARCH) - searches).toBe(1)
  })

  it('verifies without the SaaS when its inputs are not set, saying the ticket was not re-checked', async () => {
    const number = await missionPull(metaText())
    const report = await harness.verify(number, NO_SAAS)
    expect(report.state).toBe('verified')
    expect(report.details).toContain('not re-checked (saas-url and saas-token are not set)')
    expect(harness.bot.saasCalls(SEARCH)).toBe(0)
  })

  it('fails a meta.json whose keys are not sorted, annotating the first line that differs', async () => {
    const meta = JSON.parse(metaText()) as Record<string, unknown>
    const number = await missionPull(JSON.stringify({ slug: meta.slug, ...meta }, null, 2) + '\n')

    const report = await harness.verify(number)

    expect(report).toMatchObject({
      state: 'verify-failed',
      error: {
        code: 'mission-invalid',
        message: `Pull request #${number} has 1 mission whose provenance failed verification (${DIR}/); see this run's annotations.`
      }
    })
    expect(harness.annotations).toEqual([
      {
        level: 'error',
        message: `${DIR}/: meta.json is not in spec-kitty's canonical form (keys sorted, two-space indent, non-ASCII kept, one newline at the end); the first difference is on line 2.`,
        properties: { title: ANNOTATION_TITLE, file: `${DIR}/meta.json`, startLine: 2 }
      }
    ])
    expect(report.details).toContain('#### ❌ Failed')
  })

  it.each([
    [
      'an origin_ticket key missing',
      metaText(meta => delete origin(meta).external_issue_url),
      "meta.json's origin_ticket is missing external_issue_url."
    ],
    [
      'an invalid slug',
      metaText(meta => (meta.slug = 'Web 123')),
      'meta.json has slug Web 123, which is neither NNN-<slug> nor <slug>-<mid8>.'
    ],
    [
      'an invalid ULID',
      metaText(meta => (meta.mission_id = '01JFK3Q8-NOT-A-ULID')),
      'meta.json has mission_id 01JFK3Q8-NOT-A-ULID, not a ULID.'
    ]
  ])(
    'fails a meta.json with %s, in one sentence on its first line',
    async (_name, text, message) => {
      const number = await missionPull(text)
      const report = await harness.verify(number)
      expect(report.state).toBe('verify-failed')
      expect(harness.annotations).toEqual([
        {
          level: 'error',
          message: `${DIR}/: ${message}`,
          properties: { title: ANNOTATION_TITLE, file: `${DIR}/meta.json`, startLine: 1 }
        }
      ])
      expect(harness.bot.saasCalls(SEARCH)).toBe(0)
    }
  )

  it('fails a mission in kitty-origin’s old shape and says what to run', async () => {
    const head = `kitty/mission-${SLUG}`
    const old = metaText(meta => {
      Object.assign(meta, { coordination_branch: head, topology: 'coord', target_branch: 'main' })
    })
    const number = await harness.openPull(head, {
      [`${DIR}/meta.json`]: old,
      [`${DIR}/spec.md`]: '# Add Clerk auth\n'
    })

    const report = await harness.verify(number, NO_SAAS)

    expect(report.state).toBe('verify-failed')
    expect(harness.annotations).toEqual([
      {
        level: 'error',
        message: expect.stringContaining(
          `${DIR}/: meta.json is in kitty-origin's old shape: its coordination_branch is this pull request's own branch ${head}`
        ) as unknown as string,
        properties: { title: ANNOTATION_TITLE, file: `${DIR}/meta.json`, startLine: 2 }
      }
    ])
    expect(harness.annotations[0]?.message).toContain('spec-kitty doctor coordination --fix')
  })

  it('fails a mission whose ticket key now names another ticket at the SaaS', async () => {
    const number = await missionPull(metaText())
    const ticket = harness.bot.saas.state.resources[0]!.tickets[0]!
    ticket.external_issue_id = 'replaced-id'

    const report = await harness.verify(number)

    expect(report.state).toBe('verify-failed')
    expect(harness.annotations).toEqual([
      {
        level: 'error',
        message: `${DIR}/: WEB-123 now names a different Linear ticket at the Spec Kitty SaaS than origin_ticket's external_issue_id 3f0c2a9e-8d41-4c5b-b6f7-1e2d3c4b5a69.`,
        properties: { title: ANNOTATION_TITLE, file: `${DIR}/meta.json`, startLine: 10 }
      }
    ])
  })

  it('fails a mission whose ticket names another provider than the binding inputs', async () => {
    const number = await missionPull(metaText())
    const report = await harness.verify(number, {
      provider: 'jira',
      'project-slug': 'acme-platform'
    })
    expect(report.state).toBe('verify-failed')
    expect(harness.annotations[0]?.message).toContain(
      'origin_ticket names a Linear ticket, but this repository is bound to Jira'
    )
    expect(harness.bot.saasCalls(SEARCH)).toBe(0)
  })

  it('fails a mission directory without meta.json, annotating a file the pull request has', async () => {
    const number = await harness.openPull('feature/no-meta', { [`${DIR}/spec.md`]: '# Spec\n' })
    const report = await harness.verify(number)
    expect(report.state).toBe('verify-failed')
    expect(harness.annotations).toEqual([
      {
        level: 'error',
        message: `${DIR}/: ${DIR}/ has no meta.json at the pull request's head, so it is not a mission spec-kitty can read.`,
        properties: { title: ANNOTATION_TITLE, file: `${DIR}/spec.md`, startLine: 1 }
      }
    ])
  })

  it('verifies again at the new head after a push fixes meta.json (synchronize)', async () => {
    const number = await missionPull(metaText().trimEnd())
    expect((await harness.verify(number)).state).toBe('verify-failed')
    harness.bot.github.pushFiles('acme/webapp', `kitty-origin/${SLUG}`, {
      [`${DIR}/meta.json`]: metaText()
    })
    expect((await harness.verify(number, {}, 'synchronize')).state).toBe('verified')
  })

  it('names only the failing mission when a pull request holds a good and a bad one', async () => {
    const number = await harness.openPull('feature/two', {
      [`${DIR}/meta.json`]: metaText(),
      'kitty-specs/web-123-copy/meta.json': metaText(meta => {
        meta.mission_id = '01JFK3Q9ZT5N2M4V6X8R0C1B3D'
      })
    })
    const report = await harness.verify(number)
    expect(report.error?.message).toBe(
      `Pull request #${number} has 1 mission whose provenance failed verification (kitty-specs/web-123-copy/); see this run's annotations.`
    )
    expect(report.details).toContain(`#### ✅ Verified: \`${DIR}\``)
  })
})

describe('a mission without origin_ticket', () => {
  const withoutOrigin = metaText(meta => delete meta.origin_ticket)

  it('is reported as a notice and passes when require-origin is off', async () => {
    const number = await missionPull(withoutOrigin)
    const report = await harness.verify(number)
    expect(report).toMatchObject({
      state: 'verified',
      reason: `Pull request #${number}: 0 missions verified, 1 mission without origin_ticket.`
    })
    expect(harness.annotations).toEqual([
      {
        level: 'notice',
        message: `${DIR}/ has no origin_ticket in meta.json, so its provenance is not checked; set require-origin: true to require one.`,
        properties: { title: ANNOTATION_TITLE, file: `${DIR}/meta.json`, startLine: 1 }
      }
    ])
    expect(harness.bot.saasCalls(SEARCH)).toBe(0)
  })

  it('fails when require-origin is on', async () => {
    const number = await missionPull(withoutOrigin)
    const report = await harness.verify(number, { 'require-origin': 'true' })
    expect(report.state).toBe('verify-failed')
    expect(harness.annotations).toEqual([
      {
        level: 'error',
        message: `${DIR}/: meta.json has no origin_ticket, and this workflow requires one.`,
        properties: { title: ANNOTATION_TITLE, file: `${DIR}/meta.json`, startLine: 1 }
      }
    ])
  })

  it('reports, unchecked, the seeded legacy mission (no mission_id, on the base either) when a PR edits it', async () => {
    const number = await harness.openPull('feature/legacy', {
      'kitty-specs/001-legacy-import/spec.md': '# Legacy import\n\nMore detail.\n'
    })
    const report = await harness.verify(number, NO_SAAS)
    expect(report).toMatchObject({
      state: 'verified',
      reason: `Pull request #${number}: 0 missions verified, 1 legacy mission without mission_id.`
    })
    expect(harness.annotations).toEqual([
      {
        level: 'notice',
        message:
          "kitty-specs/001-legacy-import/ predates spec-kitty's mission ids (the base branch holds it without a mission_id too), so it is not checked; `spec-kitty migrate backfill-identity` gives it one.",
        properties: {
          title: ANNOTATION_TITLE,
          file: 'kitty-specs/001-legacy-import/meta.json',
          startLine: 1
        }
      }
    ])
  })

  /** The seeded legacy mission's meta.json as main holds it. */
  function legacyMetaOnMain(): Record<string, unknown> {
    const text = harness.bot.github.readFile(
      'acme/webapp',
      'main',
      'kitty-specs/001-legacy-import/meta.json'
    )
    return JSON.parse(text ?? '') as Record<string, unknown>
  }

  it('verifies the legacy mission once a PR gives it an id the way spec-kitty migrate backfill-identity does', async () => {
    const meta = legacyMetaOnMain()
    const backfilled = { ...meta, mission_id: '01M95DM09Y88XDMA736XG9NSFP', mission_number: 1 }
    const number = await harness.openPull('feature/backfill', {
      'kitty-specs/001-legacy-import/meta.json': `${pythonJsonPretty(backfilled)}\n`
    })
    const report = await harness.verify(number, NO_SAAS)
    expect(report).toMatchObject({
      state: 'verified',
      reason: `Pull request #${number}: 0 missions verified, 1 mission without origin_ticket.`
    })
  })

  it('fails a PR that gives the legacy mission an origin_ticket', async () => {
    const meta = legacyMetaOnMain()
    const claimed = { ...meta, origin_ticket: originOf(JSON.parse(metaText())) }
    const number = await harness.openPull('feature/claim-legacy', {
      'kitty-specs/001-legacy-import/meta.json': `${pythonJsonPretty(claimed)}\n`
    })
    const report = await harness.verify(number, NO_SAAS)
    expect(report.state).toBe('verify-failed')
    expect(harness.annotations.map(annotation => annotation.message)).toContain(
      'kitty-specs/001-legacy-import/: meta.json changes the origin_ticket of kitty-specs/001-legacy-import/, which the base branch holds with another; a mission keeps the ticket it was started from.'
    )
  })
})

describe('a pull request without mission changes', () => {
  it('is verified without reading any meta.json or asking the SaaS', async () => {
    const number = await harness.openPull('feature/readme', { 'README.md': '# webapp\n\nNew.\n' })
    const reads = harness.bot.github.requests.length
    const report = await harness.verify(number)
    expect(report).toMatchObject({
      state: 'verified',
      reason: `Pull request #${number} changes no mission under kitty-specs/.`
    })
    expect(
      harness.bot.github.requests.slice(reads).map(request => request.path.split('?')[0])
    ).toEqual([`/repos/acme/webapp/pulls/${number}/files`])
    expect(harness.bot.saasCalls(SEARCH)).toBe(0)
  })

  it('reports a removed mission directory without failing', async () => {
    const number = await harness.openPull('feature/drop-legacy', {
      'kitty-specs/001-legacy-import/meta.json': null,
      'kitty-specs/001-legacy-import/spec.md': null
    })
    const report = await harness.verify(number)
    expect(report).toMatchObject({
      state: 'verified',
      reason: `Pull request #${number}: 0 missions verified, 1 mission directory removed.`
    })
    expect(harness.annotations).toEqual([])
  })
})

describe('failures that say nothing about the pull request', () => {
  it('throws the SaaS’s own sentence when the SaaS refuses the token', async () => {
    const number = await missionPull(metaText())
    harness.bot.saas.faults.add({
      path: SEARCH,
      status: 401,
      body: { error_code: 'invalid_token', message: 'bad token' }
    })
    await expect(harness.verify(number)).rejects.toMatchObject({ code: 'saas-unauthorized' })
    expect(harness.annotations).toEqual([])
  })

  it('throws when the base branch has no tracker binding and no input names one', async () => {
    harness.bot.github.pushFiles('acme/webapp', 'main', { '.kittify/config.yaml': null })
    const number = await missionPull(metaText())
    await expect(harness.verify(number)).rejects.toMatchObject({ code: 'tracker-not-bound' })
  })
})

describe('the network of a verification', () => {
  it('sends its GitHub and SaaS requests through HTTP_PROXY, as the bot does', async () => {
    const proxy = await startRecordingProxy()
    try {
      const number = await missionPull(metaText())
      const report = await harness.verify(number, {}, 'opened', { HTTP_PROXY: proxy.url })
      expect(report.state).toBe('verified')
      const hosts = [harness.bot.github.url, harness.bot.saas.url].map(url => new URL(url).host)
      expect(proxy.targets().sort()).toEqual(hosts.sort())
    } finally {
      await proxy.close()
    }
  })
})

describe('verifyPullRequest', () => {
  it('warns that missions beyond GitHub’s file limit are not verified', async () => {
    const warnings: string[] = []
    const ports: VerifyPorts = {
      listChangedFiles: () =>
        Promise.resolve({ files: [{ path: 'docs/a.md', status: 'added' }], complete: false }),
      readFile: () => Promise.resolve(null),
      entryAt: () => Promise.resolve(null),
      listTree: () => Promise.resolve(null),
      annotations: { error: () => undefined, notice: () => undefined },
      log: { info: () => undefined, warning: message => warnings.push(message) }
    }
    const report = await verifyPullRequest(
      {
        pullNumber: 5,
        headSha: 'abc',
        headRef: 'feature',
        baseRef: 'main',
        requireOrigin: false,
        overrides: {},
        dryRun: false
      },
      ports
    )
    expect(report.state).toBe('verified')
    expect(warnings).toEqual([
      'Pull request #5 changes more files than GitHub lists (1); missions changed beyond them are not verified.'
    ])
  })
})

describe('the SaaS inputs of a verification', () => {
  it.each([
    ['saas-token', { 'saas-token': '' }],
    ['saas-url', { 'saas-url': '' }]
  ])(
    'skips the SaaS with a warning naming %s when only the other SaaS input is set',
    async (empty, inputs) => {
      const number = await missionPull(metaText())
      const stdout = captureStdout()
      try {
        expect((await harness.verify(number, inputs)).state).toBe('verified')
      } finally {
        stdout.restore()
      }
      expect(stdout.text()).toContain(
        `::warning::Input \`${empty}\` is empty, so origin tickets are not re-checked at the Spec Kitty SaaS (GitHub gives no secrets to pull requests from forks).`
      )
      expect(harness.bot.saasCalls(SEARCH)).toBe(0)
    }
  )

  it('skips the SaaS silently when neither SaaS input is set', async () => {
    const number = await missionPull(metaText())
    const stdout = captureStdout()
    try {
      expect((await harness.verify(number, NO_SAAS)).state).toBe('verified')
    } finally {
      stdout.restore()
    }
    expect(stdout.text()).not.toContain('::warning::')
  })
})
