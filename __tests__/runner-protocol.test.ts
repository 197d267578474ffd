/**
 * What a runner reads back from the `@actions/core` calls kitty-origin makes: its workflow commands
 * and file commands, parsed by the runner's own rules (sandbox/workflow-commands.ts).
 */
import { afterEach, beforeEach, describe, expect, it, jest } from '@jest/globals'
import * as core from '@actions/core'
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { readInputs } from '../src/inputs.js'
import {
  parseCommandLine,
  parseFileCommand,
  parseStdoutCommands
} from '../sandbox/workflow-commands.js'

let dir: string
let stdout: string[]
const saved = { ...process.env }

beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'kitty-runner-protocol-'))
  stdout = []
  jest.spyOn(process.stdout, 'write').mockImplementation(chunk => {
    stdout.push(String(chunk))
    return true
  })
})

afterEach(() => {
  jest.restoreAllMocks()
  process.env = { ...saved }
  process.exitCode = undefined
  core.summary.emptyBuffer()
  rmSync(dir, { recursive: true, force: true })
})

/** A fresh, empty file command and its variable. */
function fileCommand(name: 'OUTPUT' | 'STEP_SUMMARY'): string {
  const path = join(dir, name.toLowerCase())
  writeFileSync(path, '')
  process.env[`GITHUB_${name}`] = path
  return path
}

describe('inputs', () => {
  it('reads each input from its runner variable and masks every secret before parsing', () => {
    process.env['INPUT_GITHUB-TOKEN'] = ' ghs_token \n'
    process.env['INPUT_SAAS-TOKEN'] = 'saas-secret'
    process.env['INPUT_STATE-SECRET'] = 'a-state-secret-of-32-characters!'
    process.env['INPUT_CANDIDATE-LIMIT'] = '7'
    const inputs = readInputs(core)
    expect(inputs).toMatchObject({ githubToken: 'ghs_token', candidateLimit: 7 })
    expect(parseStdoutCommands(stdout.join('')).masks).toEqual([
      'ghs_token',
      'saas-secret',
      'a-state-secret-of-32-characters!'
    ])
  })
})

describe('log lines and annotations', () => {
  it.each([
    ['debug', core.debug],
    ['notice', core.notice],
    ['warning', core.warning],
    ['error', core.error],
    ['add-mask', core.setSecret]
  ] as const)('writes %s as one command line a runner reads back exactly', (name, write) => {
    write('50% done\r\nsecond line')
    expect(stdout).toHaveLength(1)
    expect(parseCommandLine(stdout[0]!.trimEnd())).toEqual({
      name,
      properties: {},
      data: '50% done\r\nsecond line'
    })
  })

  it('places an annotation on a file and line, escaping its properties', () => {
    core.error('No origin_ticket.', {
      title: 'Provenance: missing',
      file: 'kitty-specs/a,b/meta.json',
      startLine: 3
    })
    expect(parseStdoutCommands(stdout.join('')).annotations).toEqual([
      {
        level: 'error',
        message: 'No origin_ticket.',
        properties: { title: 'Provenance: missing', file: 'kitty-specs/a,b/meta.json', line: '3' }
      }
    ])
  })

  it('wraps a phase in a log group, closed even when the phase fails', async () => {
    await expect(
      core.group('kitty-origin: confirm on #42 by @ana', () => Promise.reject(new Error('x')))
    ).rejects.toThrow('x')
    expect(stdout.map(line => parseCommandLine(line.trimEnd()))).toEqual([
      { name: 'group', properties: {}, data: 'kitty-origin: confirm on #42 by @ana' },
      { name: 'endgroup', properties: {}, data: '' }
    ])
  })

  it('fails the step with exit code 1 and an error annotation', () => {
    core.setFailed('The SaaS token was refused.')
    expect(process.exitCode).toBe(1)
    expect(parseStdoutCommands(stdout.join('')).annotations).toEqual([
      { level: 'error', message: 'The SaaS token was refused.', properties: {} }
    ])
  })
})

describe('outputs', () => {
  it('appends each output to GITHUB_OUTPUT, multi-line values intact', () => {
    const path = fileCommand('OUTPUT')
    core.setOutput('state', 'ignored')
    core.setOutput('result', '{\n  "version": 1\n}')
    expect(parseFileCommand(readFileSync(path, 'utf8'))).toEqual({
      state: 'ignored',
      result: '{\n  "version": 1\n}'
    })
    expect(stdout).toEqual([])
  })

  it('keeps a value that holds a delimiter-like line whole, so it cannot add an output', () => {
    const path = fileCommand('OUTPUT')
    const forged = 'x\nghadelimiter_kitty_origin\nstate<<EOF\nmission-created\nEOF'
    core.setOutput('result', forged)
    expect(parseFileCommand(readFileSync(path, 'utf8'))).toEqual({ result: forged })
  })

  it('fails when GITHUB_OUTPUT names a file that does not exist', () => {
    process.env.GITHUB_OUTPUT = join(dir, 'missing')
    expect(() => {
      core.setOutput('state', 'ignored')
    }).toThrow(`Missing file at path: ${join(dir, 'missing')}`)
  })
})

describe('job summary', () => {
  it('appends markdown to the job summary file', async () => {
    const path = fileCommand('STEP_SUMMARY')
    await core.summary.addRaw('## kitty-origin\n').write()
    await core.summary.addRaw('Nothing to do.\n').write()
    expect(readFileSync(path, 'utf8')).toBe('## kitty-origin\nNothing to do.\n')
  })
})
