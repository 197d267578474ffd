import { describe, expect, it } from '@jest/globals'
import { readdirSync, readFileSync } from 'node:fs'
import { dirname, join, relative, resolve } from 'node:path'
import { fileURLToPath } from 'node:url'

const SRC = resolve(dirname(fileURLToPath(import.meta.url)), '../src')

function sourceFiles(folder: string): string[] {
  return readdirSync(folder, { withFileTypes: true }).flatMap(entry =>
    entry.isDirectory()
      ? sourceFiles(join(folder, entry.name))
      : entry.name.endsWith('.ts')
        ? [join(folder, entry.name)]
        : []
  )
}

/** Each file's relative imports, type-only ones included (they couple the files as much). */
function importGraph(): Map<string, string[]> {
  return new Map(
    sourceFiles(SRC).map(file => [
      file,
      [...readFileSync(file, 'utf8').matchAll(/from '(\.{1,2}\/[^']+)\.js'/g)].map(match =>
        resolve(dirname(file), `${match[1]!}.ts`)
      )
    ])
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
