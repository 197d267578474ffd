import type { Command } from '../chatops/grammar.js'
import { renderFailure, renderHelp } from '../chatops/render.js'
import { toKittyError } from '../errors.js'
import type { RunReport } from '../report.js'
import { cancelFlow } from './cancel.js'
import { confirmFlow } from './confirm.js'
import type { BotContext } from './context.js'
import { baseBranchOf } from './context.js'
import { findNewestCandidateList } from './find-state.js'
import { gateActor } from './gate.js'
import type { Reaction } from './ports.js'
import { readTrackerConfig, startFromFlow } from './start-from.js'

/** A command comment: what it says and where it was written. */
export interface CommandEvent {
  command: Command
  issueNumber: number
  issueCommentCount: number
  commentId: number
}

/** Reactions are courtesy: a failure to add one is logged, never fatal. */
function react(context: BotContext, commentId: number, reaction: Reaction): Promise<void> {
  return context.conversation.addReaction(commentId, reaction).catch((error: unknown) => {
    context.log.warning(`Could not add the ${reaction} reaction: ${toKittyError(error).message}`)
  })
}

/**
 * Runs one command: the permission gate first (reads that do not depend on it run alongside),
 * then 👀, the command's flow, and 🚀 on success. Any failure becomes 😕 and one short reply.
 */
export async function handleCommand(context: BotContext, event: CommandEvent): Promise<RunReport> {
  const { command, issueNumber, commentId } = event
  const permission = context.repository.permissionOf(context.source.actor)
  const needsList = command.verb === 'confirm' || command.verb === 'cancel'
  const lookup = needsList
    ? findNewestCandidateList(context, issueNumber, event.issueCommentCount)
    : undefined
  lookup?.catch(() => undefined)
  const config =
    command.verb === 'help' || command.verb === 'cancel' ? undefined : readTrackerConfig(context)
  const baseHead =
    command.verb === 'confirm' ? context.repository.branchHead(baseBranchOf(context)) : undefined
  baseHead?.catch(() => undefined)

  // The run ends when the reads it started early have; none is left running after the report.
  const settled = () => Promise.allSettled([lookup, config, baseHead])

  const denied = await gateActor(context, permission, { issueNumber, commentId })
  if (denied !== null) {
    await settled()
    return denied
  }
  const celebration = { done: false }
  const celebrate = () => {
    celebration.done = true
    return react(context, commentId, 'rocket')
  }
  const seen = react(context, commentId, 'eyes')

  try {
    const report = await (async (): Promise<RunReport> => {
      switch (command.verb) {
        case 'start-from':
          /* istanbul ignore next -- config is always read for start-from */
          return startFromFlow(
            context,
            command.query,
            { issueNumber, requester: context.source.actor },
            config ?? Promise.resolve(null)
          )
        case 'confirm':
          /* istanbul ignore next -- the reads are always started for confirm */
          return confirmFlow(
            context,
            command.choice,
            { issueNumber, onPublished: celebrate },
            {
              lookup: lookup ?? Promise.resolve({ found: false, reason: 'none' }),
              baseHead: baseHead ?? Promise.resolve(null),
              config: config ?? Promise.resolve(null)
            }
          )
        case 'cancel':
          /* istanbul ignore next -- the lookup is always started for cancel */
          return cancelFlow(
            context,
            issueNumber,
            lookup ?? Promise.resolve({ found: false, reason: 'none' })
          )
        case 'help':
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
    })()
    await Promise.all([seen, settled()])
    const succeeded = report.state === 'mission-created' || report.state === 'mission-exists'
    if (succeeded && !celebration.done) await react(context, commentId, 'rocket')
    return report
  } catch (thrown) {
    const error = toKittyError(thrown)
    context.log.warning(
      `${error.code}: ${error.message}${error.detail === undefined ? '' : ` (${error.detail})`}`
    )
    await Promise.all([
      seen,
      react(context, commentId, 'confused'),
      context.conversation
        .createComment(issueNumber, renderFailure(error.message, context.runUrl))
        .catch(() => undefined),
      settled()
    ])
    return {
      state: 'failed',
      dryRun: context.inputs.dryRun,
      issueNumber,
      error: { code: error.code, message: error.message }
    }
  }
}
