import { brokenMetaRule, pythonJsonPretty } from '../mission/index.js'
import type { JsonValue } from '../mission/index.js'
import { firstDifferentLine, lineOfKey } from './problem.js'
import type { Problem } from './problem.js'

/**
 * The problem of a mission in kitty-origin's old shape, whose `coordination_branch` is the pull
 * request's own branch: spec-kitty fails on it (`COORDINATION_BRANCH_DELETED`) once that branch
 * is deleted after the merge. Checked with spec-kitty 3.2.6: `doctor coordination --fix` repairs
 * it only once the branch is gone and refuses while it exists, so the fix on the branch is by hand.
 */
function oldShapeProblem(meta: Record<string, unknown>, text: string, headRef: string) {
  if (meta.coordination_branch !== headRef) return null
  return {
    message:
      `meta.json is in kitty-origin's old shape: its coordination_branch is this pull request's own branch ${headRef}, ` +
      'so spec-kitty fails on the mission (COORDINATION_BRANCH_DELETED) once the branch is deleted after the merge. ' +
      'On this branch, remove the coordination_branch key and set topology to single_branch in meta.json ' +
      '(after the merge, `spec-kitty doctor coordination --fix` on the base branch does the same; it refuses while this branch exists).',
    line: lineOfKey(text, 'coordination_branch')
  }
}

/**
 * The structure every mission's meta.json must have, with or without `origin_ticket`: spec-kitty's
 * own rules (`brokenMetaRule`) and what the pull request check adds: the
 * bytes spec-kitty's writer produces, `mission_slug` naming its own directory, and no
 * `coordination_branch` naming the pull request's own branch. Only the first field rule broken
 * is reported (the others often follow from it).
 */
export function structureProblems(
  name: string,
  meta: Record<string, unknown>,
  text: string,
  headRef: string
): Problem[] {
  const problems: Problem[] = []
  const broken = brokenMetaRule(meta)
  if (broken !== null) {
    problems.push({ message: `meta.json ${broken.problem}.`, line: lineOfKey(text, broken.key) })
  }
  const expected = pythonJsonPretty(meta as JsonValue) + '\n'
  if (expected !== text) {
    const line = firstDifferentLine(text, expected)
    problems.push({
      message:
        "meta.json is not in spec-kitty's canonical form (keys sorted, two-space indent, " +
        `non-ASCII kept, one newline at the end); the first difference is on line ${line}.`,
      line
    })
  }
  const oldShape = oldShapeProblem(meta, text, headRef)
  if (oldShape !== null) problems.push(oldShape)
  if (typeof meta.mission_slug === 'string' && meta.mission_slug !== name) {
    problems.push({
      message: `meta.json has mission_slug ${meta.mission_slug}, but it lives in kitty-specs/${name}/.`,
      line: lineOfKey(text, 'mission_slug')
    })
  }
  return problems
}
