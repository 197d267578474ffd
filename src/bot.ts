import { handleCommand } from './flows/command.js'
import { handleDispatch } from './flows/dispatch.js'
import { dryRunContext } from './flows/dry-run.js'
import type { Inputs } from './inputs.js'
import type { RunReport } from './report.js'
import type { Trigger } from './trigger.js'
import { runVerify } from './verify/run.js'
import { botContext, verifyPorts } from './wiring.js'
import type { WiringOptions } from './wiring.js'

/** The report with the run's notes added after its own. */
function withNotes(report: RunReport, notes: readonly string[]): RunReport {
  if (notes.length === 0) return report
  return { ...report, notes: [...(report.notes ?? []), ...notes] }
}

/** Runs the flow the trigger asks for, over the ports the composition root builds. */
export async function runBot(
  inputs: Inputs,
  trigger: Exclude<Trigger, { kind: 'ignored' }>,
  env: NodeJS.ProcessEnv,
  options: WiringOptions = {}
): Promise<RunReport> {
  if (trigger.kind === 'verify') {
    return runVerify(inputs, trigger, verifyPorts(inputs, trigger, env, options))
  }
  const notes: string[] = []
  const real = botContext(inputs, trigger, env, options, notes)
  // A dry run runs the same flows over ports that read for real and only record their writes.
  const dry = inputs.dryRun ? dryRunContext(real) : undefined
  const context = dry?.context ?? real
  const finish = (report: RunReport): RunReport => withNotes(dry?.finish(report) ?? report, notes)
  if (trigger.kind === 'command') return finish(await handleCommand(context, trigger))
  return finish(await handleDispatch(context))
}
