import { mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterEach, describe, expect, it } from '@jest/globals'
import { actionInputDefaults } from '../../sandbox/action-inputs.js'

const dirs: string[] = []
afterEach(() => {
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true })
})

function actionYml(text: string): string {
  const dir = mkdtempSync(join(tmpdir(), 'kitty-action-yml-'))
  dirs.push(dir)
  const path = join(dir, 'action.yml')
  writeFileSync(path, text)
  return path
}

describe('actionInputDefaults', () => {
  it('fills in the defaults of the project action.yml, with the job token for github-token', () => {
    const defaults = actionInputDefaults({ githubToken: 'ghs_job' })
    expect(defaults).toMatchObject({
      'github-token': 'ghs_job',
      'command-prefix': '/kitty',
      'min-permission': 'write',
      'candidate-limit': '10',
      'dry-run': 'false'
    })
    expect(defaults).not.toHaveProperty(['saas-url'])
  })

  it('writes numbers and booleans as the strings a runner passes', () => {
    const path = actionYml(
      'inputs:\n  limit:\n    default: 5\n  draft:\n    default: true\n  x: {}\n'
    )
    expect(actionInputDefaults({ githubToken: 't' }, path)).toEqual({ limit: '5', draft: 'true' })
  })

  it('refuses an expression it cannot evaluate', () => {
    const path = actionYml("inputs:\n  ref:\n    default: '${{ github.ref }}'\n")
    expect(() => actionInputDefaults({ githubToken: 't' }, path)).toThrow(
      'The sandbox runner cannot evaluate ${{ github.ref }} in action.yml.'
    )
  })
})
