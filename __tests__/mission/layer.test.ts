import { describe, expect, it } from '@jest/globals'
import { readdirSync, readFileSync } from 'node:fs'
import { join } from 'node:path'

const MISSION_DIR = join(import.meta.dirname, '../../src/mission')

/**
 * What the bottom layer may import: its own files, zod, and the one error type every layer
 * shares (`src/errors.ts`, which imports nothing). No other layer of src/, no Node or GitHub API.
 */
const ALLOWED = /^(?:\.\/[a-z0-9-]+\.js|zod|\.\.\/errors\.js)$/

/** Every module specifier of a TypeScript file: static imports, re-exports and dynamic imports. */
function specifiers(source: string): string[] {
  const found = source.matchAll(
    /(?:^|\n)\s*(?:import|export)\b[^'"]*?\bfrom\s*['"]([^'"]+)['"]|\bimport\s*\(\s*['"]([^'"]+)['"]|(?:^|\n)\s*import\s*['"]([^'"]+)['"]/g
  )
  return [...found].map(match => match[1] ?? match[2] ?? match[3] ?? '')
}

describe('src/mission, the bottom layer', () => {
  const files = readdirSync(MISSION_DIR).filter(name => name.endsWith('.ts'))

  it('has files to check', () => {
    expect(files).toEqual(expect.arrayContaining(['meta.ts', 'ticket.ts', 'spec.ts']))
  })

  it.each(files)('%s imports nothing from another layer', name => {
    const imports = specifiers(readFileSync(join(MISSION_DIR, name), 'utf8'))
    expect(imports.filter(specifier => !ALLOWED.test(specifier))).toEqual([])
  })

  it('finds every kind of import it is meant to refuse', () => {
    const source = [
      "import { a } from '../origin/models.js'",
      "import type { B } from '../saas/wire.js'",
      "export { c } from '../flows/context.js'",
      "export * from 'node:fs'",
      "const d = await import('../github/client.js')",
      "import '../report.js'",
      'import {',
      '  e,',
      '  f',
      "} from '@actions/core'"
    ].join('\n')
    expect(specifiers(source).filter(specifier => !ALLOWED.test(specifier))).toEqual([
      '../origin/models.js',
      '../saas/wire.js',
      '../flows/context.js',
      'node:fs',
      '../github/client.js',
      '../report.js',
      '@actions/core'
    ])
  })
})
