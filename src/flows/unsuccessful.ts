import { renderFailure, renderRefusal } from '../chatops/render.js'
import { isRefusal } from '../errors.js'
import type { KittyError } from '../errors.js'
import type { RunReport } from '../report.js'
import type { BotContext } from './context.js'

/** Where the reply goes, and whether a malformed command's reply shows the commands' usage. */
export interface UnsuccessfulTarget {
  issueNumber?: number | undefined
  usage?: boolean
}

/**
 * The reply and report for a request that did not go through: a person's mistake is `refused`
 * (with the usage when the command itself was malformed and `usage` is set), anything else is
 * `failed`, its reply linking the run log.
 */
export function unsuccessful(
  context: BotContext,
  error: KittyError,
  target: UnsuccessfulTarget
): { reply: string; report: RunReport } {
  const refused = isRefusal(error)
  const showUsage = target.usage === true && error.code === 'command-invalid'
  return {
    reply: refused
      ? renderRefusal(error.message, showUsage ? context.inputs.commandPrefix : undefined)
      : renderFailure(error.message, context.runUrl),
    report: {
      state: refused ? 'refused' : 'failed',
      dryRun: context.inputs.dryRun,
      ...(target.issueNumber === undefined ? {} : { issueNumber: target.issueNumber }),
      error: { code: error.code, message: error.message }
    }
  }
}

/** Logs why a request did not go through: a refusal as information, a failure as a warning. */
export function logUnsuccessful(context: BotContext, error: KittyError): void {
  const detail = error.detail === undefined ? '' : ` (${error.detail})`
  if (isRefusal(error)) context.log.info(`Refused (${error.code}): ${error.message}${detail}`)
  else context.log.warning(`${error.code}: ${error.message}${detail}`)
}
