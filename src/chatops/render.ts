/**
 * The texts kitty-origin posts as comments (DESIGN §1). Pure: every piece of user- or
 * tracker-controlled text goes through escape.ts; the configured prefix only ever appears inside
 * code spans.
 */
import { providerName } from '../origin/models.js'
import type { Provider } from '../origin/models.js'
import { capComment, escapeCodeSpan, escapeInline, markdownLink, safeUrl } from './escape.js'
import { messageMarkdown } from './message.js'
import type { CandidateState, StateCandidate } from './state.js'

const EXAMPLE_KEYS: Readonly<Record<Provider, string>> = { jira: 'PROJ-7', linear: 'WEB-123' }

/** What a candidate-list comment shows: the state, its signed marker, the prefix and the scope. */
export interface CandidateCommentInput {
  state: CandidateState
  /** The marker from `encodeStateMarker(state, key)`, placed last in the comment. */
  marker: string
  /** The configured command prefix, e.g. `/kitty`. */
  prefix: string
  /** Where the search ran, in words, e.g. `team acme-web` or `project PROJ`. */
  scopeLabel: string
  /** How many candidates the search asked for; a list that long may have left some out. */
  limit?: number
  /** Tickets of the SaaS's answer that cannot be an origin, and why; named under the list. */
  leftOut?: readonly { key: string; reason: string }[]
}

/** A note naming the tickets that were left out of the list, or none. */
function leftOutNote(leftOut: CandidateCommentInput['leftOut']): string[] {
  if (leftOut === undefined || leftOut.length === 0) return []
  const lines = leftOut
    .slice(0, 10)
    .map(left => `- ${escapeInline(left.key, 100)}: ${escapeInline(left.reason, 200)}`)
  const more = leftOut.length > 10 ? [`- and ${leftOut.length - 10} more`] : []
  return [['Left out, since they cannot be an origin:', ...lines, ...more].join('\n')]
}

/** A state after a confirm: it names the mission and its pull request. */
export type ConsumedState = CandidateState & {
  mission_slug: string
  pull_request: { number: number; url: string }
}

/** The message lengths shown in replies and the job summary. */
const MESSAGE_MAX = 1000

/** `<prefix> <rest>` as a code span of a sentence, e.g. `/kitty confirm 1`. */
export function commandSpan(prefix: string, rest: string): string {
  return escapeCodeSpan(`${prefix} ${rest}`)
}

/** How to start again, as a code span: `<prefix> start-from <ticket key or words>`. */
export function startAgainCommand(prefix: string): string {
  return commandSpan(prefix, 'start-from <ticket key or words>')
}

function scope(state: CandidateState, scopeLabel: string): string {
  return [providerName(state.provider), escapeInline(scopeLabel, 120)]
    .filter(part => part !== '')
    .join(' ')
}

function heading(state: CandidateState, scopeLabel: string): string {
  return `**Tickets matching ${escapeInline(state.query, 300)} in ${scope(state, scopeLabel)}**`
}

function candidateTable(candidates: readonly StateCandidate[]): string {
  const rows = candidates.map(
    (candidate, i) =>
      `| ${i + 1} | ${markdownLink(candidate.external_issue_key, candidate.url, 64)} | ` +
      `${escapeInline(candidate.title, 120)} | ${escapeInline(candidate.status, 40)} |`
  )
  return ['| # | ticket | title | status |', '|--:|---|---|---|', ...rows].join('\n')
}

/**
 * The key of the ticket a consumed list started its mission from: the recorded choice, or the
 * only candidate of a list from before choices were recorded.
 */
export function chosenKey(state: CandidateState): string | undefined {
  const chosen =
    state.chosen_issue_id === undefined
      ? state.candidates.length === 1
        ? state.candidates[0]
        : undefined
      : state.candidates.find(candidate => candidate.external_issue_id === state.chosen_issue_id)
  return chosen?.external_issue_key
}

function utcMinute(epochMs: number): string {
  return `${new Date(epochMs).toISOString().slice(0, 16).replace('T', ' ')} UTC`
}

function prLink(number: number, url: string): string {
  const href = safeUrl(url)
  return href === null ? `PR #${number}` : `[PR #${number}](${href})`
}

/** Paragraphs joined by blank lines, the marker last, kept under GitHub's size limit. */
function comment(paragraphs: readonly string[], marker: string): string {
  return capComment([...paragraphs, marker].join('\n\n'))
}

/**
 * The candidate list: a heading naming the query and scope, a table of the candidates and how to
 * confirm or cancel with the configured prefix, then the marker. With no candidates it says so and
 * suggests another query; the marker is still posted, so this empty list is the newest one in the
 * issue and a later confirm cannot reach back to an older list.
 */
export function renderCandidateComment(input: CandidateCommentInput): string {
  const { state, marker, prefix, scopeLabel } = input
  if (state.candidates.length === 0) {
    const example = EXAMPLE_KEYS[state.provider]
    return comment(
      [
        `**No tickets match ${escapeInline(state.query, 300)} in ${scope(state, scopeLabel)}.**`,
        `Try other words or a ticket key, for example ${commandSpan(prefix, 'start-from "other words"')} ` +
          `or ${commandSpan(prefix, `start-from ${example}`)}.`,
        ...leftOutNote(input.leftOut)
      ],
      marker
    )
  }
  const full = input.limit !== undefined && state.candidates.length >= input.limit
  const more = full
    ? [
        `These are the first ${state.candidates.length} matches; there may be more. To narrow the ` +
          `search, add words or give the ticket key, for example ` +
          `${commandSpan(prefix, 'start-from "Clerk auth login"')} or ` +
          `${commandSpan(prefix, `start-from ${EXAMPLE_KEYS[state.provider]}`)}.`
      ]
    : []
  const reply =
    state.candidates.length === 1
      ? `Reply ${commandSpan(prefix, 'confirm 1')} to start a mission from it, or ${commandSpan(prefix, 'cancel')}.`
      : `Reply ${commandSpan(prefix, 'confirm 1')} (or another row number) to start a mission from ` +
        `that ticket, or ${commandSpan(prefix, 'cancel')}.`
  return comment(
    [
      heading(state, scopeLabel),
      candidateTable(state.candidates),
      ...more,
      ...leftOutNote(input.leftOut),
      `${reply}\n<sub>This list can be confirmed until ${utcMinute(state.expires_at)}.</sub>`
    ],
    marker
  )
}

/** The candidate list after a confirm: the same table and a line naming the mission and its PR. */
export function renderConsumedCandidateComment(
  input: Omit<CandidateCommentInput, 'prefix' | 'state'> & { state: ConsumedState }
): string {
  const { state, marker, scopeLabel } = input
  const pr = prLink(state.pull_request.number, state.pull_request.url)
  const key = chosenKey(state)
  const from = key === undefined ? '' : ` from ${escapeInline(key, 64)}`
  return comment(
    [
      heading(state, scopeLabel),
      candidateTable(state.candidates),
      `✅ Mission ${escapeCodeSpan(state.mission_slug)} started${from} → ${pr}`
    ],
    marker
  )
}

/** The candidate list after a cancel: the same table, marked closed, with how to start again. */
export function renderCancelledCandidateComment(input: CandidateCommentInput): string {
  const { state, marker, prefix, scopeLabel } = input
  return comment(
    [
      heading(state, scopeLabel),
      candidateTable(state.candidates),
      `❎ Cancelled. Start again with ${startAgainCommand(prefix)}.`
    ],
    marker
  )
}

/** Usage of every command with the configured prefix, led by what was wrong when there was a problem. */
export function renderHelp(prefix: string, problem?: string): string {
  const lines = [
    '**kitty-origin commands**',
    [
      `- ${commandSpan(prefix, 'start-from WEB-123')}: find a ticket by its key; ` +
        `${commandSpan(prefix, 'start-from linear:WEB-123')} or ${commandSpan(prefix, 'start-from jira:PROJ-7')} ` +
        'names the tracker.',
      `- ${commandSpan(prefix, 'start-from "Clerk auth"')}: find tickets by words.`,
      `- ${commandSpan(prefix, 'confirm 2')} or ${commandSpan(prefix, 'confirm WEB-127')}: start a mission ` +
        'from that ticket of the newest list.',
      `- ${commandSpan(prefix, 'cancel')}: close the open list.`,
      `- ${commandSpan(prefix, 'help')}: show this help.`
    ].join('\n'),
    'Write the command at the start of a line, outside code blocks and quotes; ' +
      'only the first command in a comment counts.'
  ]
  const intro = problem === undefined ? [] : [`⚠️ ${messageMarkdown(problem, 500)}`]
  return [...intro, ...lines].join('\n\n')
}

/** The reply to someone whose repository permission is below `needed`; it does not ping them. */
export function renderDenied(login: string, needed: string): string {
  return (
    `🔒 ${escapeInline(`@${login}`, 100)}, kitty-origin commands need ` +
    `**${escapeInline(needed, 20)}** permission on this repository or higher. ` +
    'Ask someone with that access to run the command.'
  )
}

/**
 * The reply when a command failed for a reason the repository's owners must fix: the
 * one-sentence cause (its code spans shown as code) and a link to the run's log.
 */
export function renderFailure(message: string, runUrl: string): string {
  return (
    `😕 kitty-origin could not finish: ${messageMarkdown(message, MESSAGE_MAX)}\n\n` +
    `Details are in the ${markdownLink('run log', runUrl)}.`
  )
}

/**
 * The reply when a command was understood but cannot be done as asked: the sentence says why and
 * what to do next. With `usagePrefix`, the usage of every command follows.
 */
export function renderRefusal(message: string, usagePrefix?: string): string {
  const reply = `😕 ${messageMarkdown(message, MESSAGE_MAX)}`
  return usagePrefix === undefined ? reply : `${reply}\n\n${renderHelp(usagePrefix)}`
}

/** The reply to a cancel: which list was closed and how to start again. */
export function renderCancelled(state: Pick<CandidateState, 'query'>, prefix: string): string {
  return (
    `❎ Cancelled the list of tickets matching ${escapeInline(state.query, 300)}; nothing was started. ` +
    `Start again with ${startAgainCommand(prefix)}.`
  )
}

/** What a mission-start reply needs. `existing` means the mission was already there. */
export interface MissionStartedInput {
  missionSlug: string
  key: string
  prUrl: string
  prNumber: number
  existing?: boolean
  /** Open pull requests of earlier missions from the same ticket. */
  otherMissions?: readonly { number: number; url: string }[]
}

/** The reply after a confirm: the mission, its ticket and its pull request. */
export function renderMissionStarted(input: MissionStartedInput): string {
  const mission = escapeCodeSpan(input.missionSlug)
  const key = escapeInline(input.key, 64)
  const pr = prLink(input.prNumber, input.prUrl)
  if (input.existing === true) return `ℹ️ Mission ${mission} for ${key} already exists → ${pr}`
  const started = `🚀 Mission ${mission} started from ${key} → ${pr}`
  const others = (input.otherMissions ?? [])
    .slice(0, 5)
    .map(other => prLink(other.number, other.url))
  if (others.length === 0) return started
  return `${started}\n\nℹ️ ${key} already has a mission in progress: ${others.join(', ')}.`
}
