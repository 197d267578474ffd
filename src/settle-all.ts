/**
 * `Promise.all` that lets every promise settle before it answers: their values in order, or the
 * first rejection in order once none is still running. With `Promise.all`, a step that failed
 * leaves the other requests it started running unobserved, past the report of the failure and
 * into the runner's exit (a read retried with back-off keeps the process alive for seconds).
 */
export async function settleAll<T extends readonly unknown[] | []>(
  promises: T
): Promise<{ -readonly [K in keyof T]: Awaited<T[K]> }> {
  const settled: readonly PromiseSettledResult<unknown>[] = await Promise.allSettled(
    promises as readonly unknown[]
  )
  const values = settled.map(result => {
    if (result.status === 'rejected') throw result.reason
    return result.value
  })
  return values as { -readonly [K in keyof T]: Awaited<T[K]> }
}
