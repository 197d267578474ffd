import { describe, expect, it } from '@jest/globals'
import { planMission, startMissionFromTicket } from '../../src/origin/start.js'
import type {
  MissionWorkspace,
  StartMissionInput,
  StartMissionPorts
} from '../../src/origin/start.js'
import { resolveTrackerBinding } from '../../src/origin/binding.js'
import { KittyError } from '../../src/errors.js'
import type { MissionFile } from '../../src/mission/index.js'
import type { BindAnswer } from '../../src/saas/types.js'
import type { Claim } from '../../src/origin/claim.js'

const MISSION_ID = '01M0M9D8R83DDKSZ62QKGV3YW0'
const input: StartMissionInput = {
  binding: resolveTrackerBinding(
    'project:\n  slug: acme-web\ntracker:\n  provider: linear\n  project_slug: acme-web\n',
    {}
  ),
  candidate: {
    external_issue_id: 'lin-1',
    external_issue_key: 'WEB-123',
    title: 'Add Clerk auth',
    status: 'In Progress',
    url: 'https://linear.app/acme/issue/WEB-123',
    match_type: 'exact',
    body: 'Users sign in with Clerk instead of our home-grown sessions.'
  },
  resource: { resource_type: 'linear_team', resource_id: 'team-uuid' },
  missionId: MISSION_ID,
  repo: 'acme/webapp',
  missionType: 'software-dev',
  nowMs: Date.UTC(2026, 10, 25, 8, 29, 15, 913),
  eventIds: ['01M0M9D8R83DDKSZ62QKGV3YW1', '01M0M9D8R83DDKSZ62QKGV3YW2'],
  confirmedBy: 'ana'
}

/** An in-memory repository that records every write in order. */
class FakeWorkspace implements MissionWorkspace {
  readonly log: string[] = []
  /** Branch → its files. */
  readonly branches = new Map<string, MissionFile[]>()
  /** Files merged into the base: path → text. */
  base: Record<string, string> = {}
  files: Record<string, string> = {}
  held: Claim | undefined
  failCommit: Error | undefined
  /** A racing run creates the branch (with these files) between this run's commit and its ref. */
  raceWith: MissionFile[] | undefined

  readFile(path: string) {
    return Promise.resolve(this.files[path] ?? null)
  }
  claim(claim: Claim) {
    this.log.push(`claim ${claim.status}`)
    if (this.held !== undefined) return Promise.resolve(this.held)
    this.held = claim
    return Promise.resolve('created' as const)
  }
  releaseClaim() {
    this.log.push('release')
    this.held = undefined
    return Promise.resolve()
  }
  findMission({ branch, dir }: { branch: string; dir: string }) {
    const meta = (files: MissionFile[] | undefined) =>
      files === undefined
        ? null
        : (
            JSON.parse(files.find(file => file.path === `${dir}/meta.json`)?.content ?? '{}') as {
              mission_id?: string
            }
          ).mission_id
    const onBase = this.base[`${dir}/meta.json`]
    return Promise.resolve({
      onBranch: meta(this.branches.get(branch)),
      onBase:
        onBase === undefined ? null : (JSON.parse(onBase) as { mission_id: string }).mission_id
    })
  }
  commitMission(branch: string, files: MissionFile[], message: string) {
    this.log.push(`commit ${branch} ${message.split('\n')[0]!}`)
    if (this.failCommit !== undefined) return Promise.reject(this.failCommit)
    if (this.raceWith !== undefined) this.branches.set(branch, this.raceWith)
    if (this.branches.has(branch)) return Promise.resolve(null)
    this.branches.set(branch, files)
    return Promise.resolve('c0ffee')
  }
}

function ports(workspace: FakeWorkspace, bind?: () => Promise<BindAnswer>) {
  const calls: string[] = workspace.log
  const saas: StartMissionPorts['saas'] = {
    bindMissionOrigin: (_route, mission) => {
      calls.push(`bind ${mission.missionSlug} ${mission.repo}`)
      return bind
        ? bind()
        : Promise.resolve({
            originLinkId: 'ol_1',
            boundAt: '2026-11-25T08:29:16Z',
            alreadyBound: false
          })
    }
  }
  return {
    saas,
    workspace,
    publish: () => {
      calls.push('publish')
      return Promise.resolve({ number: 43, url: 'https://github.com/acme/webapp/pull/43' })
    },
    emitEvent: () => {
      calls.push('event')
      return Promise.resolve(true)
    }
  } satisfies StartMissionPorts
}

const BRANCH = 'kitty-origin/web-123-01M0M9D8'
const DIR = 'kitty-specs/web-123-01M0M9D8'

async function started(
  workspace: FakeWorkspace,
  portsOf: StartMissionPorts = ports(workspace),
  given = input
) {
  const outcome = await startMissionFromTicket(given, portsOf)
  if (outcome.kind !== 'started') throw new Error(`expected a started mission, got ${outcome.kind}`)
  return outcome
}

describe('startMissionFromTicket', () => {
  it('claims the list, binds, commits, publishes and emits, in that order', async () => {
    const workspace = new FakeWorkspace()
    const outcome = await started(workspace)
    expect(workspace.log).toEqual([
      'claim consumed',
      'bind web-123-01M0M9D8 acme/webapp',
      `commit ${BRANCH} Start mission web-123-01M0M9D8 from WEB-123`,
      'publish',
      'event'
    ])
    expect(outcome.committedNow).toBe(true)
    expect(outcome.mission).toMatchObject({
      missionId: MISSION_ID,
      missionSlug: 'web-123-01M0M9D8',
      missionDir: DIR,
      branch: BRANCH,
      originLinkId: 'ol_1',
      pullRequest: { number: 43 },
      eventEmitted: true
    })
    expect(workspace.held).toEqual({
      v: 1,
      status: 'consumed',
      by: 'ana',
      mission: {
        id: MISSION_ID,
        slug: 'web-123-01M0M9D8',
        branch: BRANCH,
        dir: DIR,
        external_issue_id: 'lin-1',
        external_issue_key: 'WEB-123'
      }
    })
    const meta = workspace.branches.get(BRANCH)?.find(file => file.path.endsWith('meta.json'))
    expect(JSON.parse(meta!.content)).toMatchObject({
      origin_ticket: { external_issue_key: 'WEB-123' }
    })
  })

  it('names the origin link in the commit message', async () => {
    const workspace = new FakeWorkspace()
    let message = ''
    workspace.commitMission = (branch, files, text) => {
      message = text
      workspace.branches.set(branch, files)
      return Promise.resolve('c0ffee')
    }
    await started(workspace)
    expect(message).toContain('Origin link: ol_1')
  })

  it('releases its claim and writes nothing when the bind fails', async () => {
    const workspace = new FakeWorkspace()
    const conflict = new KittyError('saas-origin-conflict', 'A different ticket is already bound.')
    await expect(
      startMissionFromTicket(
        input,
        ports(workspace, () => Promise.reject(conflict))
      )
    ).rejects.toBe(conflict)
    expect(workspace.log).toEqual([
      'claim consumed',
      'bind web-123-01M0M9D8 acme/webapp',
      'release'
    ])
    expect(workspace.held).toBeUndefined()
    expect(workspace.branches.size).toBe(0)
  })

  it('resumes a run that stopped after the bind: binds again (a no-op) and commits once', async () => {
    const workspace = new FakeWorkspace()
    workspace.failCommit = new KittyError('github-error', 'Resource not accessible by integration')
    await expect(started(workspace)).rejects.toBe(workspace.failCommit)
    workspace.failCommit = undefined
    const outcome = await started(workspace)
    expect(outcome.committedNow).toBe(true)
    expect(workspace.log.filter(line => line.startsWith('commit'))).toHaveLength(2)
    expect(workspace.branches.size).toBe(1)
  })

  it('does not commit twice when the mission is already on its branch', async () => {
    const workspace = new FakeWorkspace()
    await started(workspace)
    workspace.log.length = 0
    const again = await started(workspace)
    expect(again.committedNow).toBe(false)
    expect(workspace.log).toEqual([
      'claim consumed',
      'bind web-123-01M0M9D8 acme/webapp',
      'publish',
      'event'
    ])
  })

  it('keeps its claim when the re-bind of a committed mission fails', async () => {
    const workspace = new FakeWorkspace()
    await started(workspace)
    const down = new KittyError('saas-unavailable', 'down', undefined, { retryable: true })
    await expect(
      startMissionFromTicket(
        input,
        ports(workspace, () => Promise.reject(down))
      )
    ).rejects.toBe(down)
    expect(workspace.held).toBeDefined()
    expect(workspace.log).not.toContain('release')
  })

  it('answers with the mission merged into the base: no commit, no branch, no new PR', async () => {
    const workspace = new FakeWorkspace()
    await started(workspace)
    const files = workspace.branches.get(BRANCH)!
    workspace.base = Object.fromEntries(files.map(file => [file.path, file.content]))
    workspace.branches.clear()
    workspace.log.length = 0
    const hints: unknown[] = []
    const merged: StartMissionPorts = {
      ...ports(workspace),
      publish: (_mission, hint) => {
        hints.push(hint)
        return Promise.resolve(null)
      }
    }
    const outcome = await started(workspace, merged)
    expect(outcome.committedNow).toBe(false)
    expect(outcome.mission.pullRequest).toBeUndefined()
    expect(workspace.branches.size).toBe(0)
    expect(workspace.log.some(line => line.startsWith('commit'))).toBe(false)
    expect(hints).toEqual([{ branchCreated: false, merged: true }])
  })

  it('refuses a branch that holds another mission (same ticket, same second), writing nothing', async () => {
    const workspace = new FakeWorkspace()
    await started(workspace, ports(workspace), {
      ...input,
      missionId: '01M0M9D8R83DDKSZ62QKGV3YWA'
    })
    workspace.held = undefined
    workspace.log.length = 0
    await expect(startMissionFromTicket(input, ports(workspace))).rejects.toMatchObject({
      code: 'mission-exists',
      message: `The branch ${BRANCH} already holds something other than mission ${MISSION_ID}; run start-from again for a new one.`
    })
    expect(workspace.log).toEqual(['claim consumed'])
  })

  it('takes the mission a racing run committed first: one commit on the branch', async () => {
    const workspace = new FakeWorkspace()
    await started(workspace)
    const winner = workspace.branches.get(BRANCH)!
    workspace.branches.clear()
    workspace.raceWith = winner
    const outcome = await started(workspace)
    expect(outcome.committedNow).toBe(false)
    expect(workspace.branches.get(BRANCH)).toBe(winner)
  })

  it('refuses a racing branch that holds something else', async () => {
    const workspace = new FakeWorkspace()
    workspace.raceWith = [{ path: 'README.md', content: 'hi\n' }]
    await expect(started(workspace)).rejects.toMatchObject({ code: 'mission-exists' })
    expect(workspace.log).not.toContain('publish')
  })

  it('reports a commit failure and publishes nothing', async () => {
    const workspace = new FakeWorkspace()
    workspace.failCommit = new KittyError('github-error', 'Resource not accessible by integration')
    await expect(started(workspace)).rejects.toBe(workspace.failCommit)
    expect(workspace.log).not.toContain('publish')
  })

  it('ends with the claim when it names another mission of the list, writing nothing', async () => {
    const workspace = new FakeWorkspace()
    await started(workspace, ports(workspace), {
      ...input,
      missionId: '01M0M9D8R83DDKSZ62QKGV3YWA'
    })
    workspace.log.length = 0
    const outcome = await startMissionFromTicket(input, ports(workspace))
    expect(outcome).toMatchObject({
      kind: 'closed',
      claim: { status: 'consumed', mission: { id: '01M0M9D8R83DDKSZ62QKGV3YWA' } }
    })
    expect(workspace.log).toEqual(['claim consumed'])
  })

  it('ends with a cancelled claim, writing nothing', async () => {
    const workspace = new FakeWorkspace()
    workspace.held = { v: 1, status: 'cancelled', by: 'ana' }
    const outcome = await startMissionFromTicket(input, ports(workspace))
    expect(outcome).toEqual({ kind: 'closed', claim: workspace.held })
    expect(workspace.log).toEqual(['claim consumed'])
  })

  it('stops before the bind when planning fails, claiming nothing', async () => {
    const workspace = new FakeWorkspace()
    const tooLarge = new KittyError('github-error', 'spec-template.md is too large to read.')
    workspace.readFile = () => Promise.reject(tooLarge)
    await expect(startMissionFromTicket(input, ports(workspace))).rejects.toBe(tooLarge)
    expect(workspace.log).toEqual([])
  })

  it('stops before the bind when GitHub refuses the claim', async () => {
    const workspace = new FakeWorkspace()
    const refused = new KittyError('github-error', 'Resource not accessible by integration')
    workspace.claim = () => Promise.reject<'created'>(refused)
    await expect(startMissionFromTicket(input, ports(workspace))).rejects.toBe(refused)
    expect(workspace.log).toEqual([])
  })

  it('tells publish whether this run created the branch', async () => {
    const workspace = new FakeWorkspace()
    const hints: unknown[] = []
    const recording: StartMissionPorts = {
      ...ports(workspace),
      publish: (_mission, hint) => {
        hints.push(hint)
        return Promise.resolve({ number: 43, url: 'https://github.com/acme/webapp/pull/43' })
      }
    }
    await startMissionFromTicket(input, recording)
    await startMissionFromTicket(input, recording)
    expect(hints).toEqual([
      { branchCreated: true, merged: false },
      { branchCreated: false, merged: false }
    ])
  })
})

describe('planMission', () => {
  it('uses the repository’s own spec template, the mission-type one first', async () => {
    const workspace = new FakeWorkspace()
    workspace.files = {
      '.kittify/overrides/templates/spec-template.md': '# generic template\n',
      '.kittify/overrides/missions/software-dev/templates/spec-template.md':
        '# software-dev template\n'
    }
    const plan = await planMission(input, workspace)
    expect(plan.files.find(file => file.path.endsWith('spec.md'))?.content).toBe(
      '# software-dev template\n'
    )
    expect(workspace.log).toEqual([])
  })

  it('names the mission <slug>-<mid8> with no read of kitty-specs/, as spec-kitty 3.x does', async () => {
    const workspace = new FakeWorkspace()
    const reads: string[] = []
    workspace.readFile = path => {
      reads.push(path)
      return Promise.resolve(null)
    }
    const plan = await planMission(input, workspace)
    expect(plan.dirName).toBe('web-123-01M0M9D8')
    expect(plan.meta).toMatchObject({ mission_number: null, target_branch: BRANCH })
    expect(reads.filter(path => path.startsWith('kitty-specs'))).toEqual([])
  })
})
