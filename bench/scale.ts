/**
 * The benchmark's scale section: how GitHub requests and wall time grow with what a repository
 * holds. A confirm with `kitty-specs/` holding 10, 1,000 and 5,000 missions; draining an outbox
 * of 1, 100 and 2,000 queued events; the PR provenance check on a pull request that adds 300
 * missions. Confirm and PR check run the built action as a runner would; the drain runs the
 * outbox code in-process (a run drains before anything else, so its cost is the drain's).
 */
import { missionOriginBoundEvent, nodeIdFor } from '../src/events/envelope.js'
import { OUTBOX_BRANCH, outboxPath, serializeOutboxEntry } from '../src/events/outbox-entry.js'
import { drainOutbox } from '../src/events/outbox.js'
import { createGitHubClient } from '../src/github/client.js'
import type { GitHub } from '../src/github/client.js'
import { createGitHubOutboxStore } from '../src/github/outbox-store.js'
import { openPullRequest } from '../src/github/pulls.js'
import { buildMeta, serializeMeta } from '../src/mission/index.js'
import { createSaasClient } from '../src/saas/client.js'
import { pullRequestEvent } from '../sandbox/events.js'
import { startScenario } from '../sandbox/scenario.js'
import type { Scenario } from '../sandbox/scenario.js'
import { withRequests } from './measure.js'

/** Requests and wall time of one measured run at one size. */
export interface ScalePoint {
  size: number
  wallMs: number
  githubRequests: number
  saasRequests: number
}

/** The scale section of the results. */
export interface ScaleFigures {
  /** A confirm, by missions already in `kitty-specs/` on the base branch. */
  confirm: ScalePoint[]
  /** Draining the outbox, by events queued in it. */
  drain: ScalePoint[]
  /** The PR provenance check, by missions the pull request adds. */
  prCheck: ScalePoint[]
}

const CONFIRM_SIZES = [10, 1_000, 5_000]
const DRAIN_SIZES = [1, 100, 2_000]
const PR_MISSIONS = 300
const MISSION_ID_TAIL = 'ZT5N2M4V6X8R0C1B3D'

const CROCKFORD = '0123456789ABCDEFGHJKMNPQRSTVWXYZ'

/** A distinct ULID per index (the timestamp part carries the index in Crockford base32). */
function ulidOf(index: number): string {
  let digits = ''
  for (let rest = index, place = 0; place < 5; place += 1, rest = Math.floor(rest / 32)) {
    digits = CROCKFORD[rest % 32]! + digits
  }
  return `01K${digits}${MISSION_ID_TAIL}`
}

/** The files of mission `index`, named `<slug>-<mid8>`, as kitty-origin writes its meta.json. */
function missionFiles(index: number): { dir: string; files: Record<string, string> } {
  const id = ulidOf(index)
  const name = `mission-${index}-${id.slice(0, 8)}`
  const meta = buildMeta({
    missionId: id,
    names: { missionSlug: name, branch: `kitty-origin/${name}` },
    ticket: { title: `Mission ${index}` },
    originTicket: {
      external_issue_id: `issue-${index}`,
      external_issue_key: `WEB-${index}`,
      external_issue_url: `https://linear.app/acme/issue/WEB-${index}`,
      provider: 'linear',
      resource_id: 'team-uuid',
      resource_type: 'linear_team',
      title: `Mission ${index}`
    },
    missionType: 'software-dev',
    nowMs: Date.UTC(2026, 0, 5, 10)
  })
  return {
    dir: `kitty-specs/${name}`,
    files: {
      [`kitty-specs/${name}/meta.json`]: serializeMeta(meta),
      [`kitty-specs/${name}/spec.md`]: `# Mission ${index}\n`
    }
  }
}

function missions(from: number, count: number): Record<string, string> {
  const files: Record<string, string> = {}
  for (let index = from; index < from + count; index += 1) {
    Object.assign(files, missionFiles(index).files)
  }
  return files
}

/** A GitHub client for the sandbox, as the action builds one (no pause between writes). */
function benchClient(scenario: Scenario): GitHub {
  return createGitHubClient({
    token: scenario.github.token,
    baseUrl: scenario.github.url,
    userAgent: 'kitty-origin-bench',
    logger: { debug: () => undefined, warning: () => undefined },
    writeIntervalMs: 0
  })
}

async function withScenario<T>(entry: string, body: (s: Scenario) => Promise<T>): Promise<T> {
  const scenario = await startScenario({ entry })
  try {
    return await body(scenario)
  } finally {
    await scenario.close()
  }
}

async function confirmAt(entry: string, size: number): Promise<ScalePoint> {
  return withScenario(entry, async scenario => {
    scenario.github.pushFiles(scenario.repository, 'main', missions(0, size), 'Missions')
    const list = await scenario.run(
      'issue_comment',
      scenario.postComment('ana', '/kitty start-from WEB-123')
    )
    if (list.outputs.state !== 'candidates-posted') throw new Error(list.stderr + list.stdout)
    const payload = scenario.postComment('ana', '/kitty confirm 1')
    const { result, requests } = await withRequests(scenario, () =>
      scenario.run('issue_comment', payload)
    )
    if (result.outputs.state !== 'mission-created') throw new Error(result.stderr + result.stdout)
    return {
      size,
      wallMs: result.durationMs,
      githubRequests: requests.github.length,
      saasRequests: requests.saas.length
    }
  })
}

function queuedEntry(index: number, saasUrl: string): string {
  const event = missionOriginBoundEvent({
    mission: {
      missionId: ulidOf(index),
      missionSlug: `mission-${index}-${ulidOf(index).slice(0, 8)}`,
      originTicket: {
        external_issue_id: `issue-${index}`,
        external_issue_key: `WEB-${index}`,
        external_issue_url: `https://linear.app/acme/issue/WEB-${index}`,
        provider: 'linear',
        resource_id: 'team-uuid',
        resource_type: 'linear_team',
        title: `Ticket ${index}`
      }
    },
    eventId: ulidOf(index),
    nowMs: Date.UTC(2026, 0, 5, 10),
    nodeId: nodeIdFor('acme/webapp'),
    repoSlug: 'acme/webapp',
    gitBranch: 'kitty-origin/mission',
    headCommitSha: '4b825dc642cb6eb9a060e54bf8d69288fbee4904',
    project: { uuid: '6c2f0e4a-9d3b-4f1e-8a7c-5b2d1e0f9a84', slug: 'acme-web', buildId: null },
    teamSlug: null,
    saasOrigin: new URL(saasUrl).origin
  })
  return serializeOutboxEntry({
    event,
    attempts: 1,
    first_queued_at: '2026-01-05T10:00:00.000Z',
    last_error: 'The Spec Kitty SaaS is unavailable (HTTP 503); try again later.',
    rejected: false
  })
}

async function drainAt(size: number): Promise<ScalePoint> {
  return withScenario('', async scenario => {
    const files: Record<string, string> = {}
    for (let index = 0; index < size; index += 1) {
      files[outboxPath(ulidOf(index))] = queuedEntry(index, scenario.saas.url)
    }
    scenario.github.pushFiles(scenario.repository, OUTBOX_BRANCH, files, 'Queued events')
    const [owner = '', repo = ''] = scenario.repository.split('/')
    const log = { info: () => undefined, warning: () => undefined, error: () => undefined }
    const github = benchClient(scenario)
    const saas = createSaasClient({
      baseUrl: scenario.saas.url,
      token: scenario.saas.token,
      teamSlug: scenario.saas.teamSlug ?? undefined,
      userAgent: 'kitty-origin-bench'
    })
    const started = Date.now()
    const { result, requests } = await withRequests(scenario, () =>
      drainOutbox({ saas, store: createGitHubOutboxStore(github, { owner, repo }, { log }), log })
    )
    if (result.delivered !== size) throw new Error(`Drained ${result.delivered} of ${size}.`)
    return {
      size,
      wallMs: Date.now() - started,
      githubRequests: requests.github.length,
      saasRequests: requests.saas.length
    }
  })
}

async function prCheckAt(entry: string, size: number): Promise<ScalePoint> {
  return withScenario(entry, async scenario => {
    const branch = 'feature/many-missions'
    const head = scenario.github.pushFiles(scenario.repository, branch, missions(0, size))
    const repo = scenario.github.repo(scenario.repository)
    const { number } = await openPullRequest(
      benchClient(scenario),
      { owner: repo.owner, repo: repo.name },
      { head: branch, base: 'main', title: 'Many missions', body: '', draft: false, labels: [] }
    )
    const payload = pullRequestEvent({
      owner: repo.owner,
      repo: repo.name,
      defaultBranch: repo.defaultBranch,
      number,
      login: 'ana',
      head: branch,
      headSha: head,
      base: 'main'
    })
    const { result, requests } = await withRequests(scenario, () =>
      scenario.run('pull_request', payload, { 'saas-url': '', 'saas-token': '' })
    )
    if (result.outputs.state !== 'verified') throw new Error(result.stderr + result.stdout)
    return {
      size,
      wallMs: result.durationMs,
      githubRequests: requests.github.length,
      saasRequests: requests.saas.length
    }
  })
}

/** Runs the scale section against fresh sandboxes, one size at a time. */
export async function measureScale(entry: string): Promise<ScaleFigures> {
  const confirm: ScalePoint[] = []
  for (const size of CONFIRM_SIZES) confirm.push(await confirmAt(entry, size))
  const drain: ScalePoint[] = []
  for (const size of DRAIN_SIZES) drain.push(await drainAt(size))
  return { confirm, drain, prCheck: [await prCheckAt(entry, PR_MISSIONS)] }
}
