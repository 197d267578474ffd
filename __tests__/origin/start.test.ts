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
  eventIds: ['01M0M9D8R83DDKSZ62QKGV3YW1', '01M0M9D8R83DDKSZ62QKGV3YW2']
}

/** An in-memory repository that records every write in order. */
class FakeWorkspace implements MissionWorkspace {
  readonly log: string[] = []
  readonly branches = new Map<string, MissionFile[] | null>()
  files: Record<string, string> = {}
  failCommit: Error | undefined
  raceOnCommit = false

  readFile(path: string) {
    return Promise.resolve(this.files[path] ?? null)
  }
  claimBranch(branch: string) {
    this.log.push(`claim ${branch}`)
    if (this.branches.has(branch)) return Promise.resolve('exists' as const)
    this.branches.set(branch, null)
    return Promise.resolve('created' as const)
  }
  findCommittedMission(branch: string, dir: string) {
    const files = this.branches.get(branch)
    const meta = files?.find(file => file.path === `kitty-specs/${dir}/meta.json`)
    if (meta === undefined) return Promise.resolve(null)
    const { mission_id } = JSON.parse(meta.content) as { mission_id: string }
    return Promise.resolve({ dir: meta.path.split('/')[1]!, missionId: mission_id })
  }
  releaseBranch(branch: string) {
    this.log.push(`release ${branch}`)
    this.branches.delete(branch)
    return Promise.resolve()
  }
  commitFiles(branch: string, files: MissionFile[], message: string) {
    this.log.push(`commit ${branch} ${message.split('\n')[0]!}`)
    if (this.raceOnCommit) {
      this.branches.set(branch, files)
      return Promise.reject(new KittyError('github-error', 'not a fast forward'))
    }
    if (this.failCommit !== undefined) return Promise.reject(this.failCommit)
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

describe('startMissionFromTicket', () => {
  it('claims the branch, binds, commits, publishes and emits, in that order', async () => {
    const workspace = new FakeWorkspace()
    const outcome = await startMissionFromTicket(input, ports(workspace))
    expect(workspace.log).toEqual([
      `claim ${BRANCH}`,
      'bind web-123-01M0M9D8 acme/webapp',
      `commit ${BRANCH} Start mission web-123-01M0M9D8 from WEB-123`,
      'publish',
      'event'
    ])
    expect(outcome.committedNow).toBe(true)
    expect(outcome.mission).toMatchObject({
      missionId: MISSION_ID,
      missionSlug: 'web-123-01M0M9D8',
      missionDir: 'kitty-specs/web-123-01M0M9D8',
      branch: BRANCH,
      originLinkId: 'ol_1',
      pullRequest: { number: 43 },
      eventEmitted: true
    })
    const meta = workspace.branches.get(BRANCH)?.find(file => file.path.endsWith('meta.json'))
    expect(JSON.parse(meta!.content)).toMatchObject({
      origin_ticket: { external_issue_key: 'WEB-123' }
    })
  })

  it('names the origin link in the commit message', async () => {
    const workspace = new FakeWorkspace()
    let message = ''
    workspace.commitFiles = (branch, files, text) => {
      message = text
      workspace.branches.set(branch, files)
      return Promise.resolve('c0ffee')
    }
    await startMissionFromTicket(input, ports(workspace))
    expect(message).toContain('Origin link: ol_1')
  })

  it('releases the claimed branch and writes nothing when the bind fails', async () => {
    const workspace = new FakeWorkspace()
    const conflict = new KittyError('saas-origin-conflict', 'A different ticket is already bound.')
    await expect(
      startMissionFromTicket(
        input,
        ports(workspace, () => Promise.reject(conflict))
      )
    ).rejects.toBe(conflict)
    expect(workspace.log).toEqual([
      `claim ${BRANCH}`,
      'bind web-123-01M0M9D8 acme/webapp',
      `release ${BRANCH}`
    ])
    expect(workspace.branches.size).toBe(0)
  })

  it('resumes a run that stopped after the bind: binds again (a no-op) and commits once', async () => {
    const workspace = new FakeWorkspace()
    workspace.branches.set(BRANCH, null)
    const outcome = await startMissionFromTicket(input, ports(workspace))
    expect(outcome.committedNow).toBe(true)
    expect(workspace.log.filter(line => line.startsWith('commit'))).toHaveLength(1)
  })

  it('does not commit twice when the mission is already on its branch', async () => {
    const workspace = new FakeWorkspace()
    await startMissionFromTicket(input, ports(workspace))
    workspace.log.length = 0
    const again = await startMissionFromTicket(input, ports(workspace))
    expect(again.committedNow).toBe(false)
    expect(workspace.log).toEqual([
      `claim ${BRANCH}`,
      'bind web-123-01M0M9D8 acme/webapp',
      'publish',
      'event'
    ])
  })

  it('keeps a branch that holds the mission even when the re-bind fails', async () => {
    const workspace = new FakeWorkspace()
    await startMissionFromTicket(input, ports(workspace))
    const down = new KittyError('saas-unavailable', 'down', undefined, { retryable: true })
    await expect(
      startMissionFromTicket(
        input,
        ports(workspace, () => Promise.reject(down))
      )
    ).rejects.toBe(down)
    expect(workspace.branches.get(BRANCH)).not.toBeNull()
    expect(workspace.log).not.toContain(`release ${BRANCH}`)
  })

  it('refuses a branch that holds another mission (same ticket, same second) before binding', async () => {
    const workspace = new FakeWorkspace()
    await startMissionFromTicket(
      { ...input, missionId: '01M0M9D8R83DDKSZ62QKGV3YWA' },
      ports(workspace)
    )
    workspace.log.length = 0
    await expect(startMissionFromTicket(input, ports(workspace))).rejects.toMatchObject({
      code: 'mission-exists',
      message: `The branch ${BRANCH} already holds another mission (web-123-01M0M9D8); run start-from again for a new one.`
    })
    expect(workspace.log).toEqual([`claim ${BRANCH}`])
  })

  it('takes the mission a racing run committed first instead of failing', async () => {
    const workspace = new FakeWorkspace()
    workspace.raceOnCommit = true
    const outcome = await startMissionFromTicket(input, ports(workspace))
    expect(outcome.committedNow).toBe(false)
    expect(outcome.mission.missionSlug).toBe('web-123-01M0M9D8')
  })

  it('reports a commit failure that no racing run explains', async () => {
    const workspace = new FakeWorkspace()
    workspace.failCommit = new KittyError('github-error', 'Resource not accessible by integration')
    await expect(startMissionFromTicket(input, ports(workspace))).rejects.toBe(workspace.failCommit)
    expect(workspace.log).not.toContain('publish')
  })

  it('claims the branch while the plan still reads the base', async () => {
    const workspace = new FakeWorkspace()
    let listed = (): void => undefined
    const listing = new Promise<void>(resolve => {
      listed = resolve
    })
    workspace.readFile = async () => {
      await listing
      return null
    }
    const started = startMissionFromTicket(input, ports(workspace))
    await new Promise(resolve => setImmediate(resolve))
    expect(workspace.log).toEqual([`claim ${BRANCH}`])
    listed()
    await started
    expect(workspace.log.at(-1)).toBe('event')
  })

  it('releases the branch it claimed when planning fails, and binds nothing', async () => {
    const workspace = new FakeWorkspace()
    const tooLarge = new KittyError('github-error', 'spec-template.md is too large to read.')
    workspace.readFile = () => Promise.reject(tooLarge)
    await expect(startMissionFromTicket(input, ports(workspace))).rejects.toBe(tooLarge)
    expect(workspace.log).toEqual([`claim ${BRANCH}`, `release ${BRANCH}`])
  })

  it('leaves a branch an earlier run claimed when planning fails', async () => {
    const workspace = new FakeWorkspace()
    workspace.branches.set(BRANCH, null)
    const tooLarge = new KittyError('github-error', 'spec-template.md is too large to read.')
    workspace.readFile = () => Promise.reject(tooLarge)
    await expect(startMissionFromTicket(input, ports(workspace))).rejects.toBe(tooLarge)
    expect(workspace.log).toEqual([`claim ${BRANCH}`])
  })

  it('stops before the bind when GitHub refuses the claim', async () => {
    const workspace = new FakeWorkspace()
    const refused = new KittyError('github-error', 'Resource not accessible by integration')
    workspace.claimBranch = () => Promise.reject<'exists'>(refused)
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
    expect(hints).toEqual([{ branchCreated: true }, { branchCreated: false }])
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
