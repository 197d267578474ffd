/**
 * Jest hooks that start something for a test file and close it again, so each file states only
 * what differs. Each returns a stand-in that forwards to what is running: use it inside tests and
 * hooks, never at the top level of a file (nothing runs there yet).
 */
import { afterAll, afterEach, beforeAll, beforeEach } from '@jest/globals'

/** Something a hook starts and must close. */
export interface Closable {
  close(): Promise<void>
}

/**
 * A stand-in for the value `current` answers: property reads, writes and `in` go to that value
 * (methods bound to it); using it while nothing runs fails and names `what`.
 */
export function forwarding<T extends object>(what: string, current: () => T | undefined): T {
  const target = (): T => {
    const value = current()
    if (value === undefined) throw new Error(`${what} is not running here: use it inside a test.`)
    return value
  }
  return new Proxy(Object.create(null) as T, {
    get(_, key) {
      const value = target()
      const found: unknown = Reflect.get(value, key, value)
      return typeof found === 'function'
        ? (found as (...a: unknown[]) => unknown).bind(value)
        : found
    },
    set: (_, key, value) => Reflect.set(target(), key, value),
    has: (_, key) => Reflect.has(target(), key)
  })
}

/** Starts one value for the whole file, resets it before each test and closes it at the end. */
export function useShared<T extends Closable>(
  what: string,
  start: () => Promise<T>,
  reset: (value: T) => void = () => undefined
): T {
  let value: T | undefined
  beforeAll(async () => {
    value = await start()
  })
  afterAll(async () => {
    await value?.close()
    value = undefined
  })
  beforeEach(() => {
    if (value !== undefined) reset(value)
  })
  return forwarding(what, () => value)
}

/** Starts a fresh value before each test and closes it after. */
export function useFresh<T extends Closable>(what: string, start: () => Promise<T>): T {
  let value: T | undefined
  beforeEach(async () => {
    value = await start()
  })
  afterEach(async () => {
    await value?.close()
    value = undefined
  })
  return forwarding(what, () => value)
}

/** What a test starts itself, each with its own options; all closed after the test. */
export interface Starter<O, T> {
  start(options?: O): Promise<T>
}

/** Lets each test start values with its own options; whatever it started is closed after it. */
export function useStarts<O, T extends Closable>(
  start: (options?: O) => Promise<T>
): Starter<O, T> {
  const started: T[] = []
  afterEach(async () => {
    const closing = started.splice(0)
    await Promise.all(closing.map(value => value.close()))
  })
  return {
    async start(options) {
      const value = await start(options)
      started.push(value)
      return value
    }
  }
}
