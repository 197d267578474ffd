/**
 * The composition root's rules (DESIGN §3): only main.ts and wiring.ts talk to the runner through
 * `@actions/core`, only wiring.ts builds clients, and each third-party client library stays in
 * the one adapter that wraps it.
 */
import { describe, expect, it } from '@jest/globals'
import { join } from 'node:path'
import { PROJECT_ROOT } from '../sandbox/runner.js'
import { importsOf, sourceFiles } from '../__fixtures__/support/imports.js'

const files = sourceFiles(PROJECT_ROOT)

/** The files under src/ that import `from` (types only counted when `withTypes`). */
function importersOf(from: (specifier: string) => boolean, withTypes = false): string[] {
  return files.filter(file =>
    importsOf(join(PROJECT_ROOT, file)).some(
      entry => from(entry.from) && (withTypes || !entry.typeOnly)
    )
  )
}

/** The files under src/ that import the value `name` from a module ending in `module`. */
function valueImportersOf(name: string, module: string): string[] {
  return files.filter(file =>
    importsOf(join(PROJECT_ROOT, file)).some(
      entry => entry.from.endsWith(module) && entry.values.includes(name)
    )
  )
}

describe('the scan', () => {
  it('sees the imports it checks, so the rules below can fail', () => {
    expect(files).toContain('src/wiring.ts')
    expect(importersOf(specifier => specifier === '@actions/core')).toContain('src/main.ts')
    expect(valueImportersOf('createGitHubClient', '/github/client.js')).toContain('src/wiring.ts')
    expect(sourceFiles(PROJECT_ROOT, '__fixtures__')).toContain('__fixtures__/sandbox/hooks.ts')
  })
})

describe('layering', () => {
  it('lets only main.ts and wiring.ts import @actions/core', () => {
    expect(importersOf(specifier => specifier === '@actions/core', true)).toEqual([
      'src/main.ts',
      'src/wiring.ts'
    ])
  })

  it.each([
    ['createGitHubClient', '/github/client.js'],
    ['createSaasClient', '/saas/client.js'],
    ['proxyNetwork', '/net/proxy.js']
  ])('lets only wiring.ts build clients (%s)', (name, module) => {
    expect(valueImportersOf(name, module)).toEqual(['src/wiring.ts'])
  })

  it.each([
    ['@octokit/rest', ['src/github/client.ts']],
    ['@octokit/plugin-retry', ['src/github/client.ts']],
    ['@octokit/plugin-throttling', ['src/github/client.ts']],
    ['@octokit/request-error', ['src/github/errors.ts']],
    ['undici', ['src/net/proxy.ts']]
  ])('keeps %s inside its adapter', (library, expected) => {
    expect(importersOf(specifier => specifier === library, true)).toEqual(expected)
  })

  it.each([
    ['src', 'the tests, their fixtures or the sandbox', /(^|\/)(__tests__|__fixtures__|sandbox)\//],
    ['__fixtures__', 'the tests', /(^|\/)__tests__\//]
  ])('keeps %s from importing %s', (dir, _above, above) => {
    const offenders = sourceFiles(PROJECT_ROOT, dir).filter(file =>
      importsOf(join(PROJECT_ROOT, file)).some(entry => above.test(entry.from))
    )
    expect(offenders).toEqual([])
  })

  /** The imports of every file under `src/<dir>/`, each with the file it stands in. */
  function importsIn(dir: string): { file: string; from: string }[] {
    return files
      .filter(file => file.startsWith(`src/${dir}/`))
      .flatMap(file =>
        importsOf(join(PROJECT_ROOT, file)).map(entry => ({ file, from: entry.from }))
      )
  }

  it('keeps the SaaS wire in saas/: saas/ never imports origin/, origin/ takes only its domain types', () => {
    expect(importsIn('saas').filter(entry => entry.from.includes('/origin/'))).toEqual([])
    expect(
      importsIn('origin').filter(
        entry => entry.from.includes('/saas/') && entry.from !== '../saas/types.js'
      )
    ).toEqual([])
  })

  it('keeps mission/ the bottom layer: its own files, zod and the shared error type only', () => {
    const allowed = /^(?:\.\/[a-z0-9-]+\.js|zod|\.\.\/errors\.js)$/
    expect(importsIn('mission').map(entry => entry.from)).toContain('zod')
    expect(importsIn('mission').filter(entry => !allowed.test(entry.from))).toEqual([])
  })

  it('loads the flows only once the trigger says there is something to do', () => {
    const bot = importsOf(join(PROJECT_ROOT, 'src/main.ts')).filter(e => e.from === './bot.js')
    expect(bot.map(entry => entry.dynamic)).toEqual([true])
  })
})
