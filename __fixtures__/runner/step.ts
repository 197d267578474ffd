/**
 * The files and variables a runner gives an action step, made fresh around each test that runs
 * `main.run` in-process, and the runner's log (stdout) captured.
 */
import { afterEach, beforeEach, jest } from '@jest/globals'
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { parseFileCommand } from '../../sandbox/workflow-commands.js'

/** The step's files: what a test reads back after a run. */
export interface RunnerStep {
  /** The folder of this test's file commands (`output`, `state`, `env`, `path`). */
  dir: string
  /**
   * The job summary: one file per test file, emptied before each test (`core.summary` resolves
   * its path once per process, as a runner gives a step one).
   */
  readonly summaryPath: string
  /** Sets inputs as the runner does, as `INPUT_<NAME>` variables. */
  setInputs(inputs: Record<string, string>): void
  /** The outputs the step set, parsed by the runner's rules. */
  outputs(): Record<string, string>
}

/**
 * Before each test: fresh file commands and their variables; after it: the environment, the exit
 * code and any spies as they were.
 */
export function useRunnerStep(): RunnerStep {
  const saved = { ...process.env }
  const summaryPath = join(mkdtempSync(join(tmpdir(), 'kitty-summary-')), 'summary')
  const step: RunnerStep = {
    dir: '',
    summaryPath,
    setInputs(inputs) {
      for (const [name, value] of Object.entries(inputs))
        process.env[`INPUT_${name.toUpperCase()}`] = value
    },
    outputs: () => parseFileCommand(readFileSync(join(step.dir, 'output'), 'utf8'))
  }
  beforeEach(() => {
    step.dir = mkdtempSync(join(tmpdir(), 'kitty-step-'))
    for (const file of ['output', 'state', 'env', 'path']) writeFileSync(join(step.dir, file), '')
    rmSync(summaryPath, { recursive: true, force: true })
    writeFileSync(summaryPath, '')
    Object.assign(process.env, {
      GITHUB_OUTPUT: join(step.dir, 'output'),
      GITHUB_STEP_SUMMARY: summaryPath,
      GITHUB_STATE: join(step.dir, 'state'),
      GITHUB_ENV: join(step.dir, 'env'),
      GITHUB_PATH: join(step.dir, 'path')
    })
  })
  afterEach(() => {
    jest.restoreAllMocks()
    process.env = { ...saved }
    process.exitCode = undefined
    rmSync(step.dir, { recursive: true, force: true })
  })
  return step
}

/** What the run writes to stdout (the runner's log), kept instead of printed until `restore`. */
export interface CapturedStdout {
  text(): string
  restore(): void
}

/** Captures stdout until `restore` (or the end of a test using {@link useRunnerStep}). */
export function captureStdout(): CapturedStdout {
  const written: string[] = []
  const spy = jest.spyOn(process.stdout, 'write').mockImplementation(chunk => {
    written.push(String(chunk))
    return true
  })
  return {
    text: () => written.join(''),
    restore: () => {
      spy.mockRestore()
    }
  }
}
