/**
 * A team at work on a clone of the exported repository: git as people use it, spec-kitty's
 * commands with their exit codes and JSON answers asserted, and a log of every step (for the
 * suite's timing and the report of which commands passed where).
 */
import { expect } from '@jest/globals'
import { execFileSync } from 'node:child_process'
import { mkdirSync, writeFileSync } from 'node:fs'
import { dirname, join } from 'node:path'
import { ANALYSIS, AUTH_TS, PLAN, SPEC, TASKS, WP, WP_FILE } from './mission-work.js'
import { describeRun, specKitty, specKittyCommand, toolEnvironment } from './spec-kitty.js'
import type { SpecKittyContext, SpecKittyRun } from './spec-kitty.js'

/** One spec-kitty call of a workflow, for the log. */
export interface Step {
  workflow: string
  line: string
  code: number | null
  durationMs: number
}

/**
 * Where spec-kitty runs without its sync import: the dossier snapshot (a local cache for the
 * hosted dossier) and the pre-review gate of `move-task` (a Python project's pytest run) do not
 * bear on whether spec-kitty accepts the mission's shape, and without it each writing command
 * stalls ~15 s on a lock upstream (spec-kitty #3714).
 */
export const FAST = { SPEC_KITTY_SYNC_MINIMAL_IMPORT: '1' }

/** The answer of a JSON command as an object (fails the test when it is not one). */
function objectOf(run: SpecKittyRun): Record<string, unknown> {
  expect({ line: run.line, isObject: typeof run.json === 'object' && run.json !== null }).toEqual({
    line: run.line,
    isObject: true
  })
  return run.json as Record<string, unknown>
}

/** A team's checkout of `origin` and what it runs there. */
export class Team {
  readonly steps: Step[] = []
  readonly context: SpecKittyContext

  constructor(
    readonly workflow: string,
    readonly checkout: string,
    home: string
  ) {
    this.context = { command: specKittyCommand(), cwd: checkout, home, env: FAST }
  }

  /** Clones `origin` into `checkout` (on origin's default branch). */
  static clone(workflow: string, origin: string, checkout: string, home: string): Team {
    execFileSync('git', ['clone', '--quiet', origin, checkout], { stdio: 'pipe' })
    return new Team(workflow, checkout, home)
  }

  /** Runs git in the checkout with the team's identity; returns its trimmed output. */
  git(...args: string[]): string {
    return execFileSync('git', args, {
      cwd: this.checkout,
      env: toolEnvironment(this.context),
      encoding: 'utf8',
      stdio: ['ignore', 'pipe', 'pipe']
    }).trim()
  }

  /** Writes a file of the checkout (directories made as needed). */
  write(path: string, content: string): void {
    const file = join(this.checkout, path)
    mkdirSync(dirname(file), { recursive: true })
    writeFileSync(file, content)
  }

  /** Commits everything that changed, as a person would after editing. */
  commitAll(message: string): void {
    this.git('add', '-A')
    this.git('commit', '--quiet', '-m', message)
  }

  /**
   * Commits what spec-kitty's own steps leave modified under `kitty-specs/` (its dossier
   * snapshot, status files), as a team does before switching branches or merging.
   */
  commitBookkeeping(slug: string): void {
    if (this.git('status', '--porcelain', '--', 'kitty-specs') === '') return
    this.git('add', '--', 'kitty-specs')
    this.git('commit', '--quiet', '-m', `Bookkeeping of ${slug}`)
  }

  /** Runs spec-kitty in the checkout (or `cwd`) and logs the step. */
  async run(args: string[], cwd = this.checkout): Promise<SpecKittyRun> {
    const run = await specKitty({ ...this.context, cwd }, args)
    this.steps.push({
      workflow: this.workflow,
      line: run.line,
      code: run.code,
      durationMs: run.durationMs
    })
    return run
  }

  /** Runs spec-kitty and fails the test, showing the output, unless it exits 0. */
  async ok(args: string[], cwd?: string): Promise<SpecKittyRun> {
    const run = await this.run(args, cwd)
    if (run.code !== 0)
      throw new Error(`spec-kitty failed in ${this.workflow}:\n${describeRun(run)}`)
    return run
  }

  /** Runs a `--json` command that must exit 0 and answer a JSON object. */
  async json(args: string[]): Promise<Record<string, unknown>> {
    return objectOf(await this.ok([...args, '--json']))
  }

  /**
   * The read-only commands a team runs to see where a mission stands, each exiting 0 with the
   * answer that says spec-kitty recognises the mission as its own: found, single-branch,
   * pending identity, valid status, no coordination errors. They read only, so they run three
   * at a time.
   */
  async checks(slug: string): Promise<void> {
    const mission = ['--mission', slug]
    const [next, prerequisites, probe] = await Promise.all([
      this.json(['next', ...mission]),
      this.json(['agent', 'mission', 'check-prerequisites', ...mission]),
      this.json(['agent', 'mission', 'check-prerequisites', ...mission, '--resume-probe'])
    ])
    const [lifecycle, validate, tasks] = await Promise.all([
      this.json(['agent', 'status', 'lifecycle', ...mission]),
      this.json(['agent', 'status', 'validate', ...mission]),
      this.ok(['agent', 'tasks', 'status', ...mission, '--json'])
    ])
    const [identity, topology, coordination] = await Promise.all([
      this.json(['doctor', 'identity', ...mission]),
      this.json(['doctor', 'topology', ...mission]),
      this.ok(['doctor', 'coordination', '--check-staleness', ...mission, '--json'])
    ])
    expect(next).toMatchObject({ kind: 'query', mission_slug: slug })
    expect(prerequisites).toMatchObject({ valid: true, errors: [] })
    expect(probe).toMatchObject({
      result: 'success',
      resume_state: 'found',
      mission_slug: slug,
      topology: 'single_branch',
      pr_bound: true
    })
    expect(lifecycle).toMatchObject({ mission_slug: slug })
    expect(validate).toMatchObject({ passed: true, error_count: 0 })
    if (tasks.json === undefined) expect(tasks.stdout).toContain('No work packages found')
    else expect(tasks.json).toMatchObject({ mission_slug: slug })
    expect(identity.missions).toEqual([
      expect.objectContaining({ slug, state: 'pending', mission_number: null, error: null })
    ])
    expect(topology.missions).toEqual([
      expect.objectContaining({ slug, topology: 'single_branch', flattened: false, error: null })
    ])
    const findings = coordination.json as { severity: string; message: string }[]
    expect(findings.filter(finding => !['ok', 'info'].includes(finding.severity))).toEqual([])
  }

  /** specify → plan → tasks, as an agent does them: spec written, `setup-plan`, `finalize-tasks`. */
  async plan(slug: string): Promise<void> {
    await this.specify(slug)
    const dir = `kitty-specs/${slug}`
    this.write(`${dir}/plan.md`, PLAN)
    this.write(`${dir}/tasks.md`, TASKS)
    this.write(`${dir}/tasks/${WP_FILE}`, WP)
    this.commitAll(`Plan and tasks for ${slug}`)
    expect(
      await this.json(['agent', 'mission', 'finalize-tasks', '--mission', slug])
    ).toMatchObject({ result: 'success', wp_count: 1 })
    const next = await this.json(['next', '--agent', 'claude', '--mission', slug])
    expect(next).toMatchObject({ mission_state: 'implement', wp_id: 'WP01' })
  }

  /** The spec an author writes over the bot's brief, committed; then `setup-plan`. */
  async specify(slug: string): Promise<void> {
    this.write(`kitty-specs/${slug}/spec.md`, SPEC)
    this.commitAll(`Specify ${slug}`)
    expect(await this.json(['agent', 'mission', 'setup-plan', '--mission', slug])).toMatchObject({
      result: 'success',
      mission_slug: slug
    })
  }

  /**
   * WP01 through implement and review into `spec-kitty merge`, which lands the work on the
   * mission's target branch (the branch checked out); returns the merge's output.
   */
  async deliver(slug: string, targetBranch: string): Promise<void> {
    const mission = ['--mission', slug]
    const analysis = join(dirname(this.checkout), `${slug}-analysis.md`)
    writeFileSync(analysis, ANALYSIS)
    await this.json(['agent', 'mission', 'record-analysis', ...mission, '--input-file', analysis])
    await this.ok(['agent', 'action', 'implement', 'WP01', ...mission, '--agent', 'claude'])
    const lane = join(this.checkout, '.worktrees', `${slug}-lane-a`)
    writeFileSync(join(lane, 'src', 'auth.ts'), AUTH_TS)
    execFileSync('git', ['add', 'src/auth.ts'], { cwd: lane, env: toolEnvironment(this.context) })
    execFileSync('git', ['commit', '--quiet', '-m', 'feat(WP01): Clerk sign-in'], {
      cwd: lane,
      env: toolEnvironment(this.context)
    })
    await this.json(['agent', 'tasks', 'mark-status', 'T001', '--status', 'done', ...mission])
    expect(
      await this.json([
        'agent',
        'tasks',
        'move-task',
        'WP01',
        '--to',
        'for_review',
        ...mission,
        '--agent',
        'claude',
        '--note',
        'Ready for review'
      ])
    ).toMatchObject({ result: 'success', new_lane: 'for_review' })
    await this.ok(['agent', 'action', 'review', 'WP01', ...mission, '--agent', 'claude'])
    expect(
      await this.json([
        'agent',
        'tasks',
        'move-task',
        'WP01',
        '--to',
        'approved',
        ...mission,
        '--agent',
        'claude',
        '--note',
        'Review passed'
      ])
    ).toMatchObject({ result: 'success', new_lane: 'approved' })
    // spec-kitty's merge refuses to advance a target branch with uncommitted changes.
    this.commitBookkeeping(slug)
    const merged = await this.ok(['merge', ...mission, '--yes'])
    this.commitBookkeeping(slug)
    expect(merged.stdout).toContain(`→ ${targetBranch}`)
    expect(this.git('rev-parse', '--abbrev-ref', 'HEAD')).toBe(targetBranch)
    expect(this.git('show', `${targetBranch}:src/auth.ts`)).toBe(AUTH_TS.trimEnd())
    const status = await this.json(['agent', 'tasks', 'status', ...mission])
    expect(status).toMatchObject({ total_wps: 1, by_lane: { done: 1 } })
  }
}
