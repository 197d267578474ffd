import type { Command } from '../chatops/grammar.js'
import { renderHelp } from '../chatops/render.js'
import { KittyError, toKittyError } from '../errors.js'
import type { RunReport } from '../report.js'
import { cancelFlow } from './cancel.js'
import { confirmFlow } from './confirm.js'
import type { BotContext } from './context.js'
import { baseBranchOf } from './context.js'
import { findNewestCandidateList } from './find-state.js'
import { gateActor } from './gate.js'
import type { Reaction } from './ports.js'
import { readTrackerConfig, startFromFlow } from './start-from.js'
import { logUnsuccessful, unsuccessful } from './unsuccessful.js'

/** A command comment: what it says and where it was written. */
export interface CommandEvent {
  command: Command
  issueNumber: number
  issueCommentCount: number
  commentId: number
}

/** A command ready to run: the reads it started before the gate, and the flow that uses them. */
interface PreparedCommand {
  reads: readonly Promise<unknown>[]
  run(): Promise<RunReport>
}

/** Reactions are courtesy: a failure to add one is logged, never fatal. */
function react(context: BotContext, commentId: number, reaction: Reaction): Promise<void> {
  return context.conversation.addReaction(commentId, reaction).catch((error: unknown) => {
    context.log.warning(`Could not add the ${reaction} reaction: ${toKittyError(error).message}`)
  })
}

/** A read started early: its failure surfaces where it is awaited, never as an unhandled one. */
function early<T>(read: Promise<T>): Promise<T> {
  read.catch(() => undefined)
  return read
}

/** Starts the reads a command needs that do not depend on the permission gate. */
function prepare(
  context: BotContext,
  event: CommandEvent,
  onPublished: () => Promise<void>
): PreparedCommand {
  const { command, issueNumber } = event
  const listLookup = () =>
    early(findNewestCandidateList(context, issueNumber, event.issueCommentCount))
  switch (command.verb) {
    case 'start-from': {
      const config = readTrackerConfig(context)
      const requester = context.source.actor
      return {
        reads: [config],
        run: () => startFromFlow(context, command.query, { issueNumber, requester }, config)
      }
    }
    case 'confirm': {
      const reads = {
        lookup: listLookup(),
        baseHead: early(context.repository.branchHead(baseBranchOf(context))),
        config: readTrackerConfig(context)
      }
      return {
        reads: Object.values(reads),
        run: () => confirmFlow(context, command.choice, { issueNumber, onPublished }, reads)
      }
    }
    case 'cancel': {
      const lookup = listLookup()
      return { reads: [lookup], run: () => cancelFlow(context, issueNumber, lookup) }
    }
    case 'help':
      return {
        reads: [],
        async run() {
          if (command.misusedVerb !== undefined) {
            throw new KittyError('command-invalid', command.problem ?? 'The command is incomplete.')
          }
          const { commandPrefix } = context.inputs
          await context.conversation.createComment(
            issueNumber,
            renderHelp(commandPrefix, command.problem)
          )
          return {
            state: 'help',
            dryRun: context.inputs.dryRun,
            issueNumber,
            ...(command.problem === undefined ? {} : { reason: command.problem })
          }
        }
      }
  }
}

/**
 * Runs one command: the permission gate first (reads that do not depend on it run alongside),
 * then 👀, the command's flow, and 🚀 on success. A refusal or failure becomes 😕 and one short
 * reply. The run ends when the reads it started early have; none is left running after the report.
 */
export async function handleCommand(context: BotContext, event: CommandEvent): Promise<RunReport> {
  const { issueNumber, commentId } = event
  const permission = context.repository.permissionOf(context.source.actor)
  const celebration = { done: false }
  const celebrate = () => {
    celebration.done = true
    return react(context, commentId, 'rocket')
  }
  const prepared = prepare(context, event, celebrate)
  const settled = () => Promise.allSettled(prepared.reads)

  const denied = await gateActor(context, permission, { issueNumber, commentId })
  if (denied !== null) {
    await settled()
    return denied
  }
  const seen = react(context, commentId, 'eyes')
  try {
    const report = await prepared.run()
    await Promise.all([seen, settled()])
    const succeeded = report.state === 'mission-created' || report.state === 'mission-exists'
    if (succeeded && !celebration.done) await react(context, commentId, 'rocket')
    return report
  } catch (thrown) {
    const error = toKittyError(thrown)
    logUnsuccessful(context, error)
    const { reply, report } = unsuccessful(context, error, { issueNumber, usage: true })
    await Promise.all([
      seen,
      react(context, commentId, 'confused'),
      context.conversation.createComment(issueNumber, reply).catch(() => undefined),
      settled()
    ])
    return report
  }
}
