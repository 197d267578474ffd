import { describe, expect, it } from '@jest/globals'
import { dirname, join, relative, resolve } from 'node:path'
import { importsOf, sourceFiles } from '../__fixtures__/support/imports.js'
import { PROJECT_ROOT } from '../sandbox/runner.js'

const SRC = join(PROJECT_ROOT, 'src')

/** Each file's relative imports, type-only and dynamic ones included (they couple the files too). */
function importGraph(): Map<string, string[]> {
  return new Map(
    sourceFiles(PROJECT_ROOT).map(path => {
      const file = join(PROJECT_ROOT, path)
      const relatives = importsOf(file).filter(entry => entry.from.startsWith('.'))
      return [
        file,
        relatives.map(entry => resolve(dirname(file), entry.from.replace(/\.js$/, '.ts')))
      ]
    })
  )
}

/** Every cycle a depth-first walk meets, as the files around it. */
function cycles(graph: Map<string, string[]>): string[][] {
  const state = new Map<string, 'open' | 'done'>()
  const found: string[][] = []
  const visit = (file: string, path: string[]): void => {
    state.set(file, 'open')
    for (const next of graph.get(file) ?? []) {
      if (state.get(next) === 'open') {
        found.push([...path.slice(path.indexOf(next)), next].map(f => relative(SRC, f)))
      } else if (!state.has(next)) visit(next, [...path, next])
    }
    state.set(file, 'done')
  }
  for (const file of graph.keys()) if (!state.has(file)) visit(file, [file])
  return found
}

describe('src/', () => {
  it('has no import cycles', () => {
    const graph = importGraph()
    expect(graph.size).toBeGreaterThan(50)
    expect(cycles(graph)).toEqual([])
  })

  it('would see one (the check can fail)', () => {
    const a = join(SRC, 'a.ts')
    const b = join(SRC, 'b.ts')
    expect(
      cycles(
        new Map([
          [a, [b]],
          [b, [a]]
        ])
      )
    ).toEqual([['a.ts', 'b.ts', 'a.ts']])
  })
})
