/**
 * What every interop test file shares: `describe` that skips loudly when the global setup
 * found no spec-kitty (outside CI), a fresh scratch directory and home per test, and the log
 * of spec-kitty steps printed when the file ends.
 */
import { afterAll, describe } from '@jest/globals'
import { rmSync } from 'node:fs'
import { copyHome, scratch, SKIP_VARIABLE } from './template.js'
import type { Step } from './team.js'

/** `describe`, or `describe.skip` with the global setup's reason when spec-kitty is missing. */
export function describeInterop(name: string, body: () => void): void {
  const skip = process.env[SKIP_VARIABLE]
  if (skip === undefined) {
    describe(name, body)
    return
  }
  describe.skip(`${name} (skipped: ${skip})`, body)
}

/** A scratch directory and its own spec-kitty home for one test. */
export interface Workspace {
  dir: string
  home: string
}

const workspaces: string[] = []
const logged: Step[] = []

/** A new workspace, removed after the file unless `KEEP_INTEROP=1`. */
export function workspace(name: string): Workspace {
  const dir = scratch(name)
  workspaces.push(dir)
  return { dir, home: copyHome(dir) }
}

/** Keeps a team's steps for the summary printed when the file ends. */
export function log(steps: Step[]): void {
  logged.push(...steps)
}

afterAll(() => {
  if (logged.length > 0) {
    const lines = logged.map(
      step =>
        `${String(step.code).padStart(4)} ${String(Math.round(step.durationMs / 100) / 10).padStart(5)} s  [${step.workflow}] ${step.line}`
    )
    process.stdout.write(
      `\nspec-kitty steps (exit, time, workflow, command):\n${lines.join('\n')}\n`
    )
  }
  if (process.env.KEEP_INTEROP === '1') return
  for (const dir of workspaces) rmSync(dir, { recursive: true, force: true })
})
