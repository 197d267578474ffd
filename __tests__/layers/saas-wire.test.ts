import { readdirSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from '@jest/globals'

/**
 * The SaaS client owns the wire: `src/saas/` never imports `src/origin/`, and `src/origin/`
 * imports nothing from `src/saas/` but its domain types (`saas/types.ts`).
 */
const SRC = join(import.meta.dirname, '..', '..', 'src')

function importsOf(dir: string): { file: string; from: string }[] {
  return readdirSync(join(SRC, dir))
    .filter(name => name.endsWith('.ts'))
    .flatMap(name => {
      const text = readFileSync(join(SRC, dir, name), 'utf8')
      return [...text.matchAll(/^\s*(?:import|export)\b[^'"]*?from\s+['"]([^'"]+)['"]/gm)].map(
        match => ({ file: `${dir}/${name}`, from: match[1]! })
      )
    })
}

describe('the layer rules of the SaaS client', () => {
  it('finds the imports it checks (the scan is not empty)', () => {
    expect(importsOf('saas').length).toBeGreaterThan(10)
    expect(importsOf('origin').some(i => i.from === '../saas/types.js')).toBe(true)
  })

  it('saas/ never imports origin/', () => {
    expect(importsOf('saas').filter(i => i.from.includes('/origin/'))).toEqual([])
  })

  it('origin/ imports no saas module but its domain types', () => {
    const fromSaas = importsOf('origin').filter(i => i.from.includes('/saas/'))
    expect(fromSaas.filter(i => i.from !== '../saas/types.js')).toEqual([])
  })
})
