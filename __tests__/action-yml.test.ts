import { describe, expect, it } from '@jest/globals'
import { readFileSync } from 'node:fs'
import { parse } from 'yaml'
import { parseAction } from '@actions/workflow-parser/actions/index'
import { NoOperationTraceWriter } from '@actions/workflow-parser'
import { INPUTS, OUTPUTS, RUN_STATES } from '../src/action-names.js'

const text = readFileSync(new URL('../action.yml', import.meta.url), 'utf8')

interface ActionYml {
  inputs: Record<string, { description: string; required?: boolean; default?: string }>
  outputs: Record<string, { description: string }>
  runs: { using: string; main: string }
}
const action = parse(text) as ActionYml

describe('action.yml', () => {
  it('is a valid action for GitHub’s own parser', () => {
    const result = parseAction({ name: 'action.yml', content: text }, new NoOperationTraceWriter())
    expect(result.context.errors.getErrors().map(error => error.message)).toEqual([])
    expect(action.runs).toEqual({ using: 'node24', main: 'dist/index.js' })
  })

  it('declares exactly the inputs the code reads, with the same defaults and required flags', () => {
    expect(Object.keys(action.inputs).sort()).toEqual(Object.keys(INPUTS).sort())
    for (const [name, spec] of Object.entries(INPUTS)) {
      const declared = action.inputs[name]
      expect({ name, required: declared?.required ?? false, default: declared?.default }).toEqual({
        name,
        required: spec.required,
        default: 'default' in spec ? spec.default : undefined
      })
      expect(declared?.description.length).toBeGreaterThan(20)
    }
  })

  it('lets a pull request check run without the SaaS inputs, and offers require-origin', () => {
    expect(action.inputs['saas-url']?.required).toBe(false)
    expect(action.inputs['saas-token']?.required).toBe(false)
    expect(action.inputs['require-origin']).toMatchObject({ required: false, default: 'false' })
  })

  it('names every state the code can set in the state output', () => {
    const description = action.outputs.state?.description ?? ''
    for (const state of RUN_STATES) expect(description).toMatch(new RegExp(`\\b${state}\\b`))
  })

  it('declares exactly the outputs the code sets', () => {
    expect(Object.keys(action.outputs).sort()).toEqual([...OUTPUTS].sort())
    for (const output of Object.values(action.outputs))
      expect(output.description.length).toBeGreaterThan(10)
  })
})

describe('version', () => {
  it('names the same version as package.json in the User-Agent', async () => {
    const { VERSION, USER_AGENT } = await import('../src/version.js')
    const pkg = JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8')) as {
      version: string
    }
    expect(VERSION).toBe(pkg.version)
    expect(USER_AGENT).toBe(`kitty-origin/${pkg.version}`)
  })
})
