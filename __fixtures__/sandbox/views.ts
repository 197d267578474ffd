/** What a person would see of a conversation on the sandboxes: comments, reactions, branches. */
import type { Scenario } from '../../sandbox/scenario.js'

/** The part of a scenario (or of the bot harness built on one) the views read. */
export type Conversation = Pick<Scenario, 'github' | 'saas' | 'repository' | 'botComments'>

/** The bodies of the bot's comments on the conversation's issue, oldest first. */
export function botBodies(scenario: Conversation): string[] {
  return scenario.botComments().map(comment => comment.body)
}

/** The reactions on a comment, in the order they were added. */
export function reactions(scenario: Conversation, commentId: number): string[] {
  const comment = scenario.github.repo(scenario.repository).comments.get(commentId)
  return comment?.reactions.map(reaction => reaction.content) ?? []
}

/** The kitty-origin branches (`refs/heads/kitty-origin/…`) of the conversation's repository. */
export function missionBranches(scenario: Conversation): string[] {
  return [...scenario.github.repo(scenario.repository).refs.keys()].filter(ref =>
    ref.startsWith('refs/heads/kitty-origin/')
  )
}

/** How many requests the sandbox SaaS saw on a path. */
export function saasCalls(scenario: Conversation, path: string): number {
  return scenario.saas.requests.filter(request => request.path === path).length
}
