import { setTimeout as delay } from 'node:timers/promises'
import { isGitHubFailure } from './errors.js'

/** Which of the not-yet-visible answers a step may retry (each step names the ones it can get). */
export type NotYetVisible = 'no-commits' | 'tree' | 'object' | 'ref' | 'not-found'

/**
 * GitHub's answers that mean "a write you just made is not visible here yet": its Git data is
 * eventually consistent, so right after a write these come back once or twice and then stop.
 */
const NOT_YET_VISIBLE: Record<NotYetVisible, { status: number; pattern?: RegExp }> = {
  'no-commits': { status: 422, pattern: /no commits between/i },
  tree: { status: 422, pattern: /tree sha does not exist|base.?tree .*not found|badobjectstate/i },
  object: { status: 422, pattern: /object does not exist|parent sha does not exist/i },
  ref: { status: 422, pattern: /reference does not exist/i },
  'not-found': { status: 404 }
}

/** Pauses before each retry of a not-yet-visible answer: two retries, 1.5 s at most in all. */
export const SETTLE_DELAYS_MS: readonly number[] = [300, 1_200]

/** True when `error` is one of these not-yet-visible answers. */
function isNotYetVisible(error: unknown, kinds: readonly NotYetVisible[]): boolean {
  return kinds.some(kind => {
    const { status, pattern } = NOT_YET_VISIBLE[kind]
    return isGitHubFailure(error, status, pattern)
  })
}

/**
 * Runs one step that follows a write, retrying it briefly and boundedly (`delaysMs`) while
 * GitHub answers that the write is not visible yet; any other failure, or the same answer after
 * the last retry, is thrown as it came.
 */
export async function settled<T>(
  kinds: readonly NotYetVisible[],
  run: () => Promise<T>,
  delaysMs: readonly number[] = SETTLE_DELAYS_MS
): Promise<T> {
  for (let retry = 0; ; retry += 1) {
    try {
      return await run()
    } catch (error) {
      const pause = delaysMs[retry]
      if (pause === undefined || !isNotYetVisible(error, kinds)) throw error
      await delay(pause)
    }
  }
}
