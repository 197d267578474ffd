import { afterEach, beforeEach, describe, expect, it, jest } from '@jest/globals'
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import * as runner from '../src/runner-io.js'
import { parseCommandLine, parseFileCommand } from '../sandbox/workflow-commands.js'

let dir: string
let stdout: string[]
const saved = { ...process.env }

beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'kitty-runner-io-'))
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
  rmSync(dir, { recursive: true, force: true })
})

/** A fresh, empty file command and its variable. */
function fileCommand(name: 'OUTPUT' | 'STEP_SUMMARY'): string {
  const path = join(dir, name.toLowerCase())
  writeFileSync(path, '')
  process.env[`GITHUB_${name}`] = path
  return path
}

describe('getInput', () => {
  it.each([
    ['saas-url', 'INPUT_SAAS-URL', ' https://saas.example \n', 'https://saas.example'],
    ['command prefix', 'INPUT_COMMAND_PREFIX', '/kitty', '/kitty'],
    ['dry-run', 'INPUT_DRY-RUN', undefined, '']
  ])('reads %s from %s, trimmed', (name, variable, value, expected) => {
    process.env = { ...saved, ...(value === undefined ? {} : { [variable]: value }) }
    expect(runner.getInput(name)).toBe(expected)
  })
})

describe('workflow commands', () => {
  it('writes a log line as it is', () => {
    runner.info('Ignored: the comment holds no /kitty command.')
    expect(stdout.join('')).toBe('Ignored: the comment holds no /kitty command.\n')
  })

  it.each([
    ['debug', runner.debug],
    ['notice', runner.notice],
    ['warning', runner.warning],
    ['error', runner.error],
    ['add-mask', runner.setSecret]
  ])('writes %s as one command line a runner reads back exactly', (name, write) => {
    write('50% done\r\nsecond line')
    expect(stdout).toHaveLength(1)
    expect(stdout[0]!.endsWith('\n')).toBe(true)
    expect(parseCommandLine(stdout[0]!.trimEnd())).toEqual({
      name,
      properties: {},
      data: '50% done\r\nsecond line'
    })
  })

  it('places an annotation on a file and line, escaping its properties', () => {
    runner.error('No origin_ticket.', {
      title: 'Provenance: missing',
      file: 'kitty-specs/a,b/meta.json',
      startLine: 3
    })
    runner.notice('Verified.', { title: '' })
    expect(stdout.map(line => parseCommandLine(line.trimEnd()))).toEqual([
      {
        name: 'error',
        properties: { title: 'Provenance: missing', file: 'kitty-specs/a,b/meta.json', line: '3' },
        data: 'No origin_ticket.'
      },
      { name: 'notice', properties: {}, data: 'Verified.' }
    ])
    expect(stdout[0]).toContain('title=Provenance%3A missing,file=kitty-specs/a%2Cb/meta.json')
  })

  it('fails the step with exit code 1 and an error annotation', () => {
    runner.setFailed('The SaaS token was refused.')
    expect(process.exitCode).toBe(1)
    expect(stdout.join('')).toBe('::error::The SaaS token was refused.\n')
  })
})

describe('setOutput', () => {
  it('appends each output to GITHUB_OUTPUT, multi-line values intact', () => {
    const path = fileCommand('OUTPUT')
    runner.setOutput('state', 'ignored')
    runner.setOutput('result', '{\n  "version": 1\n}')
    expect(parseFileCommand(readFileSync(path, 'utf8'))).toEqual({
      state: 'ignored',
      result: '{\n  "version": 1\n}'
    })
    expect(stdout).toEqual([])
  })

  it('keeps a value that holds the delimiter whole, so it cannot add an output', () => {
    const path = fileCommand('OUTPUT')
    const forged = 'x\nghadelimiter_kitty_origin\nstate<<EOF\nmission-created\nEOF'
    runner.setOutput('result', forged)
    expect(parseFileCommand(readFileSync(path, 'utf8'))).toEqual({ result: forged })
  })

  it('falls back to the set-output command where the runner has no output file', () => {
    delete process.env.GITHUB_OUTPUT
    runner.setOutput('state', 'help\nmore')
    expect(stdout.join('')).toBe('\n::set-output name=state::help%0Amore\n')
  })

  it('fails when GITHUB_OUTPUT names a file that does not exist', () => {
    process.env.GITHUB_OUTPUT = join(dir, 'missing')
    expect(() => {
      runner.setOutput('state', 'ignored')
    }).toThrow(`Missing file at path: ${join(dir, 'missing')}`)
  })

  it.each([
    ['value', 'state', 'a ghadelimiter_kitty_origin and ghadelimiter_kitty_origin_ b'],
    ['name', 'ghadelimiter_kitty_origin', 'x']
  ])('picks a delimiter the %s does not contain', (_what, name, value) => {
    const entry = runner.outputEntry(name, value)
    const delimiter = entry.split('\n')[0]!.split('<<')[1]!
    expect(name.includes(delimiter) || value.includes(delimiter)).toBe(false)
    expect(parseFileCommand(entry)).toEqual({ [name]: value })
  })
})

describe('appendSummary', () => {
  it('appends markdown to the job summary', () => {
    const path = fileCommand('STEP_SUMMARY')
    runner.appendSummary('## kitty-origin\n')
    runner.appendSummary('Nothing to do.\n')
    expect(readFileSync(path, 'utf8')).toBe('## kitty-origin\nNothing to do.\n')
  })

  it('fails without GITHUB_STEP_SUMMARY', () => {
    delete process.env.GITHUB_STEP_SUMMARY
    expect(() => {
      runner.appendSummary('x')
    }).toThrow('Unable to find environment variable for file command STEP_SUMMARY')
  })
})
