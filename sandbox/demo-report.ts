/** How `npm run demo` prints a run and a conversation: short, and as a person would read it. */
import type { IssueComment } from './github/state.js'
import { indent, plainText } from './plain-text.js'
import type { RunResult } from './runner.js'

/** A step of the demo that did not go as a person would expect. */
export class DemoFailure extends Error {
  override name = 'DemoFailure'
}

const EMOJI: Readonly<Record<string, string>> = {
  '+1': '👍',
  '-1': '👎',
  laugh: '😄',
  confused: '😕',
  heart: '❤️',
  hooray: '🎉',
  rocket: '🚀',
  eyes: '👀'
}

/** A numbered step header. */
export function header(step: string, title: string): string {
  const line = `== ${step}. ${title} `
  return `\n${line}${'='.repeat(Math.max(3, 78 - line.length))}`
}

/** One comment as a reader sees it: who wrote it, then its visible text indented. */
export function commentBlock(comment: Pick<IssueComment, 'user' | 'body'>): string {
  return `  @${comment.user} commented:\n${indent(plainText(comment.body), 6)}`
}

/** The reactions on a comment, e.g. `👀 🚀 (by @github-actions[bot])`, or `none`. */
export function reactionLine(comment: Pick<IssueComment, 'reactions'>): string {
  if (comment.reactions.length === 0) return 'none'
  const users = [...new Set(comment.reactions.map(reaction => `@${reaction.user}`))].join(', ')
  const emoji = comment.reactions.map(reaction => EMOJI[reaction.content] ?? reaction.content)
  return `${emoji.join(' ')} (by ${users})`
}

/** One line about a run: exit code, `state` output and time taken. */
export function runLine(result: RunResult): string {
  const exit = result.timedOut ? 'killed at the timeout' : `exit ${String(result.exitCode)}`
  const state = result.outputs.state ?? '(no state output)'
  return `  action run: ${exit}, state ${state}, ${(result.durationMs / 1000).toFixed(1)} s`
}

function tail(text: string, lines: number): string {
  return text.trimEnd().split('\n').slice(-lines).join('\n')
}

/**
 * Throws a DemoFailure, after printing what went wrong, unless the run exited 0 with the
 * expected `state` output.
 */
export function expectRun(step: string, result: RunResult, state: string): void {
  if (result.exitCode === 0 && result.outputs.state === state) return
  const errors = result.annotations.filter(annotation => annotation.level === 'error')
  const details = [
    runLine(result),
    ...errors.map(annotation => `  error annotation: ${annotation.message}`),
    result.stderr.trim() === '' ? '' : `  stderr (last lines):\n${indent(tail(result.stderr, 15))}`,
    result.stdout.trim() === '' ? '' : `  log (last lines):\n${indent(tail(result.stdout, 20))}`
  ].filter(line => line !== '')
  console.error(details.join('\n'))
  const got = result.outputs.state ?? 'no state output'
  const why = result.exitCode === 0 ? `state ${got}, expected ${state}` : runLine(result).trim()
  throw new DemoFailure(`${step} failed: ${why}.`)
}
