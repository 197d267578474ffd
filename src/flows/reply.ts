import { startAgainCommand } from '../chatops/render.js'
import type { CandidateState } from '../chatops/state.js'
import { KittyError, toKittyError } from '../errors.js'
import type { RunReport } from '../report.js'
import type { BotContext } from './context.js'
import type { Reaction } from './ports.js'
import { logUnsuccessful, unsuccessful } from './unsuccessful.js'
import type { UnsuccessfulTarget } from './unsuccessful.js'

/**
 * A courtesy write (a reaction, a reply, the list's new text) after the run's work is done:
 * its failure is a warning, logged and returned, never the run's failure.
 */
export async function courtesy(
  context: BotContext,
  what: string,
  write: () => Promise<unknown>
): Promise<string | undefined> {
  try {
    await write()
    return undefined
  } catch (error) {
    const warning = `Could not ${what}: ${toKittyError(error).message}`
    context.log.warning(warning)
    return warning
  }
}

/** Reacts to a command comment, as a courtesy. */
export function react(
  context: BotContext,
  commentId: number,
  reaction: Reaction
): Promise<string | undefined> {
  return courtesy(context, `add the ${reaction} reaction`, () =>
    context.conversation.addReaction(commentId, reaction)
  )
}

/** Refuses anyone but the list's requester, when only the requester may confirm or cancel. */
export function requireRequester(
  context: BotContext,
  state: Pick<CandidateState, 'requester'>,
  verb: 'confirm' | 'cancel'
): void {
  if (context.inputs.confirmBy !== 'requester') return
  if (state.requester.toLowerCase() === context.source.actor.toLowerCase()) return
  const own = startAgainCommand(context.inputs.commandPrefix)
  throw new KittyError(
    'not-requester',
    `The newest candidate list was asked for by @${state.requester}, and only they can ${verb} it. ` +
      `To start a mission yourself, run ${own}: your own list becomes the newest.`
  )
}

/**
 * Turns what went wrong into the report: a person's mistake is `refused`, anything else
 * `failed` (see unsuccessful); logged, and told on the issue when there is one, as courtesy.
 */
export async function failureReport(
  context: BotContext,
  thrown: unknown,
  target: UnsuccessfulTarget
): Promise<RunReport> {
  const error = toKittyError(thrown)
  logUnsuccessful(context, error)
  const { reply, report } = unsuccessful(context, error, target)
  const { issueNumber } = target
  if (issueNumber !== undefined) {
    await courtesy(context, 'post the reply', () =>
      context.conversation.createComment(issueNumber, reply)
    )
  }
  return report
}
