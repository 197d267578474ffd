import { describe, expect, it } from '@jest/globals'
import { settleAll } from '../src/settle-all.js'

/** A promise and the functions that settle it. */
function deferred<T>(): {
  promise: Promise<T>
  resolve: (value: T) => void
  reject: (reason: unknown) => void
} {
  let resolve!: (value: T) => void
  let reject!: (reason: unknown) => void
  const promise = new Promise<T>((yes, no) => {
    resolve = yes
    reject = no
  })
  return { promise, resolve, reject }
}

describe('settleAll', () => {
  it('answers every value in order', async () => {
    const later = deferred<string>()
    const all = settleAll([Promise.resolve(1), later.promise, 'plain'])
    later.resolve('two')
    await expect(all).resolves.toEqual([1, 'two', 'plain'])
  })

  it('does not reject while another promise is still running', async () => {
    const running = deferred<number>()
    let answered = false
    const all = settleAll([Promise.reject(new Error('first')), running.promise]).catch(
      (error: unknown) => {
        answered = true
        throw error
      }
    )
    await new Promise(resolve => setTimeout(resolve, 20))
    expect(answered).toBe(false)
    running.resolve(2)
    await expect(all).rejects.toThrow('first')
    expect(answered).toBe(true)
  })

  it('rejects with the first rejection in order, not the first in time', async () => {
    const slow = deferred<number>()
    const all = settleAll([slow.promise, Promise.reject(new Error('second'))])
    slow.reject(new Error('first'))
    await expect(all).rejects.toThrow('first')
  })
})
