import { renderHelp } from '../chatops/render.js'
import { KittyError } from '../errors.js'
import type { RunReport } from '../report.js'
import { cancelFlow } from './cancel.js'
import { confirmFlow } from './confirm.js'
import type { BotContext, CommandEvent } from './context.js'
import { afterGate, gateActor } from './gate.js'
import { failureReport, react } from './reply.js'
import { startFromFlow } from './start-from.js'
import { settleAll } from '../settle-all.js'

async function runVerb(context: BotContext, event: CommandEvent): Promise<RunReport> {
  const { command, issueNumber } = event
  switch (command.verb) {
    case 'start-from':
      return startFromFlow(context, command.query, {
        issueNumber,
        requester: context.source.actor
      })
    case 'confirm':
      return confirmFlow(context, command.choice, event)
    case 'cancel':
      return cancelFlow(context, event)
    case 'help':
      if (command.misusedVerb !== undefined) {
        throw new KittyError('command-invalid', command.problem ?? 'The command is incomplete.')
      }
      await context.conversation.createComment(
        issueNumber,
        renderHelp(context.inputs.commandPrefix, command.problem)
      )
      return {
        state: 'help',
        dryRun: context.inputs.dryRun,
        issueNumber,
        ...(command.problem === undefined ? {} : { reason: command.problem })
      }
  }
}

/**
 * Runs one command as DESIGN §2 orders it: the permission gate first (a denied commenter costs
 * one request), then 👀 alongside the command's own reads and writes, and 🚀 on success. Any
 * failure becomes 😕 and one short reply. Reactions are courtesy: a failed one is a warning.
 */
export async function handleCommand(context: BotContext, event: CommandEvent): Promise<RunReport> {
  const { issueNumber, commentId } = event
  const denied = await gateActor(context, { issueNumber, commentId })
  if (denied !== null) return denied
  return afterGate(context, () => runCommand(context, event))
}

async function runCommand(context: BotContext, event: CommandEvent): Promise<RunReport> {
  const { issueNumber, commentId } = event
  const seen = react(context, commentId, 'eyes')
  try {
    const report = await runVerb(context, event)
    const succeeded = report.state === 'mission-created' || report.state === 'mission-exists'
    const warnings = await settleAll([
      seen,
      succeeded ? react(context, commentId, 'rocket') : undefined
    ])
    return withWarnings(report, warnings)
  } catch (thrown) {
    const [, , failed] = await settleAll([
      seen,
      react(context, commentId, 'confused'),
      failureReport(context, thrown, { issueNumber, usage: true })
    ])
    return failed
  }
}

/** The report with the courtesy warnings that came up, if any. */
function withWarnings(report: RunReport, warnings: readonly (string | undefined)[]): RunReport {
  const all = [...(report.warnings ?? []), ...warnings.filter(w => w !== undefined)]
  return all.length === 0 ? report : { ...report, warnings: all }
}
