/**
 * The demo conversation, played with the built action on a sandbox: a search that lists several
 * tickets, a confirm by someone who did not ask (refused), the requester's confirm, and what it
 * leaves behind (the list's final state, the pull request, the mission's files). `npm run demo`
 * prints it; `npm run screenshots` renders it as GitHub would.
 */
import { DemoFailure, expectRun } from './demo-report.js'
import type { Reaction } from './github/state.js'
import type { RunResult } from './runner.js'
import type { PullRequestView, Scenario } from './scenario.js'

/** A comment as it read at one moment (a later edit does not change it). */
export interface CommentSnapshot {
  id: number
  user: string
  body: string
  /** Reactions, oldest first. */
  reactions: Reaction[]
}

/** One command and its run: the person's comment (with the bot's reactions) and the bot's replies. */
export interface Turn {
  command: CommentSnapshot
  run: RunResult
  replies: CommentSnapshot[]
}

/** A file of the mission, as committed on the pull request's branch. */
export interface MissionFile {
  path: string
  text: string
}

/** Everything the demo conversation showed. */
export interface DemoConversation {
  search: Turn
  refusal: Turn
  confirm: Turn
  /** The candidate list's comment after the confirm: marked used, naming the mission. */
  finalList: CommentSnapshot
  pull: PullRequestView
  meta: MissionFile
  spec: MissionFile
}

/** The steps of the conversation: who says what, and the `state` the run must end in. */
export const DEMO_STEPS = {
  search: { login: 'ana', body: '/kitty start-from Clerk auth', state: 'candidates-posted' },
  refusal: { login: 'ben', body: '/kitty confirm 1', state: 'refused' },
  confirm: { login: 'ana', body: '/kitty confirm 1', state: 'mission-created' }
} as const

/** A step's name. */
export type DemoStep = keyof typeof DEMO_STEPS

function snapshot(scenario: Scenario, id: number): CommentSnapshot {
  const comment = scenario.github.repo(scenario.repository).comments.get(id)
  if (comment === undefined) throw new DemoFailure(`Comment ${id} disappeared from the sandbox.`)
  return {
    id,
    user: comment.user,
    body: comment.body,
    reactions: comment.reactions.map(reaction => ({ ...reaction }))
  }
}

/** Posts `body` as `login`, runs the action for it, and returns what the conversation shows now. */
export async function converse(scenario: Scenario, login: string, body: string): Promise<Turn> {
  const before = new Set(scenario.botComments().map(comment => comment.id))
  const payload = scenario.postComment(login, body)
  const run = await scenario.run('issue_comment', payload)
  const replies = scenario
    .botComments()
    .filter(comment => !before.has(comment.id))
    .map(comment => snapshot(scenario, comment.id))
  return { command: snapshot(scenario, payload.comment.id), run, replies }
}

/** The `kitty-specs/<dir>/` the pull request's head adds to its base. */
function addedMissionDir(scenario: Scenario, pull: PullRequestView): string {
  const repo = scenario.github.repo(scenario.repository)
  const files = (branch: string): Set<string> => {
    const tree = repo.git.commit(repo.refs.get(`refs/heads/${branch}`) ?? '')?.tree
    return new Set(tree === undefined ? [] : repo.git.flatten(tree).keys())
  }
  const onBase = files(pull.base)
  const meta = [...files(pull.head)].find(
    path => /^kitty-specs\/[^/]+\/meta\.json$/.test(path) && !onBase.has(path)
  )
  if (meta === undefined) {
    throw new DemoFailure(`The pull request's branch ${pull.head} adds no kitty-specs/<mission>/.`)
  }
  return meta.slice(0, -'/meta.json'.length)
}

function missionFile(scenario: Scenario, pull: PullRequestView, path: string): MissionFile {
  const text = scenario.github.readFile(scenario.repository, pull.head, path)
  if (text === undefined) {
    throw new DemoFailure(`The pull request's branch ${pull.head} has no ${path}.`)
  }
  return { path, text }
}

/**
 * Plays the conversation, calling `onTurn` after each step, and checks each run ended as a
 * person would expect (a DemoFailure says what did not).
 */
export async function playDemo(
  scenario: Scenario,
  onTurn: (step: DemoStep, turn: Turn) => void = () => undefined
): Promise<DemoConversation> {
  const turns: Partial<Record<DemoStep, Turn>> = {}
  for (const step of Object.keys(DEMO_STEPS) as DemoStep[]) {
    const { login, body, state } = DEMO_STEPS[step]
    const turn = await converse(scenario, login, body)
    onTurn(step, turn)
    expectRun(`The ${step} run`, turn.run, state)
    turns[step] = turn
  }
  const { search, refusal, confirm } = turns as Record<DemoStep, Turn>
  const list = search.replies[0]
  if (list === undefined) throw new DemoFailure('The search posted no candidate list.')
  const number = Number(confirm.run.outputs['pull-request-number'])
  const pull = scenario.pullRequest(number)
  if (pull === undefined) {
    throw new DemoFailure(`The confirm run names pull request ${number}, which the sandbox lacks.`)
  }
  const dir = addedMissionDir(scenario, pull)
  return {
    search,
    refusal,
    confirm,
    finalList: snapshot(scenario, list.id),
    pull,
    meta: missionFile(scenario, pull, `${dir}/meta.json`),
    spec: missionFile(scenario, pull, `${dir}/spec.md`)
  }
}
