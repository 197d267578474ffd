import { escapeCodeSpan, escapeInline, truncate } from '../chatops/escape.js'
import type { SaasPort } from '../origin/ports.js'
import { bindRequestBody } from '../saas/bind.js'
import type { RunReport } from '../report.js'
import type { BotContext } from './context.js'
import type { ConversationApi, Reaction, RepositoryApi } from './ports.js'
import { eventProjectUuid } from '../events/emitter.js'

/** A text a dry run would have written, shown verbatim in a fenced block. */
export interface PlannedText {
  /** Markdown naming the text, e.g. a file path; none when the write's title says it all. */
  label?: string
  text: string
  language: 'markdown' | 'json' | 'text'
}

/** One write a dry run did not make: what it is (markdown, one line) and what it would write. */
export interface PlannedWrite {
  title: string
  texts: PlannedText[]
}

/** Where a dry run records its writes, in the order a real run would make them. */
export interface PlannedWrites {
  readonly writes: readonly PlannedWrite[]
  record(title: string, ...texts: PlannedText[]): void
}

/** The head a dry run pretends a commit has: there is no commit. */
export const DRY_RUN_SHA = '0'.repeat(40)

/**
 * The number a dry run gives the pull request it does not open: GitHub numbers it when it is
 * opened, and the consumed list's marker only accepts a positive number.
 */
export const DRY_RUN_PULL_NUMBER = 1

/** The longest text shown for one planned write; GitHub caps a job summary at 1 MiB. */
const SHOWN_TEXT_LIMIT = 65_536

const REACTIONS: Readonly<Record<Reaction, string>> = {
  eyes: '👀',
  rocket: '🚀',
  confused: '😕',
  '-1': '👎'
}

/** An empty record of planned writes. */
export function createPlannedWrites(): PlannedWrites {
  const writes: PlannedWrite[] = []
  return {
    writes,
    record(title, ...texts) {
      writes.push({ title, texts })
    }
  }
}

/** The conversation of a dry run: reads go to `real`; comments and reactions are only recorded. */
export function dryRunConversation(real: ConversationApi, planned: PlannedWrites): ConversationApi {
  return {
    newestComments: (issueNumber, totalComments) => real.newestComments(issueNumber, totalComments),
    addReaction(commentId, reaction) {
      planned.record(`${REACTIONS[reaction]} reaction on comment ${commentId}`)
      return Promise.resolve()
    },
    createComment(issueNumber, body) {
      planned.record(`Comment on #${issueNumber}`, { text: body, language: 'markdown' })
      return Promise.resolve({ id: 0, url: '' })
    },
    updateComment(commentId, body) {
      planned.record(`Edit comment ${commentId} to read`, { text: body, language: 'markdown' })
      return Promise.resolve()
    }
  }
}

/** The repository of a dry run: reads go to `real`; refs, commits and pull requests are only recorded. */
export function dryRunRepository(real: RepositoryApi, planned: PlannedWrites): RepositoryApi {
  return {
    permissionOf: login => real.permissionOf(login),
    readFile: (path, ref) => real.readFile(path, ref),
    listDirectory: (path, ref) => real.listDirectory(path, ref),
    branchHead: branch => real.branchHead(branch),
    commitTree: sha => real.commitTree(sha),
    readClaim: name => real.readClaim(name),
    findPullRequest: head => real.findPullRequest(head),
    openPullRequestsFrom: prefix => real.openPullRequestsFrom(prefix),
    createBranch(branch, sha) {
      planned.record(`Create branch ${escapeCodeSpan(branch)} at ${escapeCodeSpan(sha)}`)
      return Promise.resolve('created')
    },
    createClaim(name, text) {
      planned.record(`Claim ${escapeCodeSpan(name)}`, { text, language: 'json' })
      return Promise.resolve('created')
    },
    deleteClaim(name) {
      planned.record(`Release the claim ${escapeCodeSpan(name)}`)
      return Promise.resolve()
    },
    createCommit({ files, message }) {
      planned.record(
        `Commit ${files.length} files`,
        { label: 'Commit message', text: message, language: 'text' },
        ...files.map(file => ({
          label: escapeCodeSpan(file.path, 1000),
          text: file.content,
          language: languageOf(file.path)
        }))
      )
      return Promise.resolve(DRY_RUN_SHA)
    },
    openPullRequest({ head, base, title, body, draft, labels }) {
      const extras = [
        ...(draft ? ['draft'] : []),
        ...(labels.length === 0
          ? []
          : [`labels ${labels.map(label => escapeCodeSpan(label)).join(', ')}`])
      ]
      planned.record(
        `Open ${extras.length === 0 ? '' : `(${extras.join('; ')}) `}pull request from ` +
          `${escapeCodeSpan(head)} into ${escapeCodeSpan(base)}: ${escapeInline(title, 300)}`,
        { text: body, language: 'markdown' }
      )
      return Promise.resolve({ number: DRY_RUN_PULL_NUMBER, url: '', existed: false })
    }
  }
}

/** Stands in for the SaaS's answer in a dry run, where nothing is bound. */
const NOT_BOUND = '(assigned by the SaaS at the bind)'

/** The SaaS of a dry run: searches go to `real`; the bind is recorded with its body, never sent. */
function dryRunSaas(real: SaasPort, planned: PlannedWrites): SaasPort {
  return {
    searchIssues: (route, query, limit) => real.searchIssues(route, query, limit),
    bindMissionOrigin(route, mission, ticket) {
      planned.record(
        `Bind ${escapeInline(ticket.external_issue_key, 64)} as the origin of mission ` +
          `${escapeCodeSpan(mission.missionId)} at the Spec Kitty SaaS`,
        {
          text: `${JSON.stringify(bindRequestBody(route, mission, ticket), null, 2)}\n`,
          language: 'json'
        }
      )
      return Promise.resolve({ originLinkId: NOT_BOUND, boundAt: NOT_BOUND, alreadyBound: false })
    }
  }
}

function languageOf(path: string): PlannedText['language'] {
  if (path.endsWith('.json')) return 'json'
  return path.endsWith('.md') ? 'markdown' : 'text'
}

/** A fence of backticks longer than any run of backticks inside `text`. */
function fenceFor(text: string): string {
  const longest = Math.max(0, ...(text.match(/`+/g) ?? []).map(run => run.length))
  return '`'.repeat(Math.max(3, longest + 1))
}

function block(planned: PlannedText): string {
  if (planned.text === '') return `${planned.label ?? 'The text'} (empty)`
  const shown =
    planned.text.length <= SHOWN_TEXT_LIMIT
      ? planned.text
      : `${truncate(planned.text, SHOWN_TEXT_LIMIT)}\n(cut: ${planned.text.length} characters in all)`
  const fence = fenceFor(shown)
  const code = `${fence}${planned.language}\n${shown.replace(/\n$/, '')}\n${fence}`
  return planned.label === undefined ? code : `${planned.label}\n\n${code}`
}

/** The job summary's account of a dry run: every write a real run would have made, in order. */
export function renderPlannedWrites(writes: readonly PlannedWrite[]): string {
  const heading = '### Dry run: nothing was written'
  if (writes.length === 0) return `${heading}\n\nA real run would not have written anything either.`
  return [
    heading,
    'A real run would have made these writes, in this order. The new pull request shows as ' +
      `#${DRY_RUN_PULL_NUMBER} without a link: GitHub numbers it when it is opened.`,
    ...writes.map((write, index) =>
      [`#### ${index + 1}. ${write.title}`, ...write.texts.map(block)].join('\n\n')
    )
  ].join('\n\n')
}

/**
 * Turns a context into its dry run: the same flows, with ports that read for real and record every
 * write, and a MissionOriginBound event that is recorded, not sent. `finish` adds the record to
 * the report's job summary.
 */
export function dryRunContext(context: BotContext): {
  context: BotContext
  finish(report: RunReport): RunReport
} {
  const planned = createPlannedWrites()
  return {
    context: {
      ...context,
      conversation: dryRunConversation(context.conversation, planned),
      repository: dryRunRepository(context.repository, planned),
      saas: dryRunSaas(context.saas, planned),
      // The outbox is a real run's business: a dry run delivers nothing.
      drainEvents: () => Promise.resolve(),
      emitEvent(mission, project) {
        // Planned only where a real run sends one: events on, and a project to send it for.
        if (!context.inputs.emitEvents || eventProjectUuid(project) === null) {
          return Promise.resolve(false)
        }
        planned.record(
          `Report the MissionOriginBound event of ${escapeCodeSpan(mission.missionSlug)} to the Spec Kitty SaaS`
        )
        return Promise.resolve(false)
      }
    },
    finish: report => ({
      ...report,
      details: [report.details, renderPlannedWrites(planned.writes)]
        .filter(part => part !== undefined)
        .join('\n\n')
    })
  }
}
