import { describe, expect, it } from '@jest/globals'
import { readFileSync } from 'node:fs'
import { INPUTS, OUTPUTS } from '../src/action-names.js'

const readme = readFileSync(new URL('../README.md', import.meta.url), 'utf8')
const example = readFileSync(
  new URL('../examples/workflows/kitty-origin.yml', import.meta.url),
  'utf8'
)

describe('README', () => {
  it('documents every input and every output in its tables', () => {
    for (const name of [...Object.keys(INPUTS), ...OUTPUTS]) {
      expect(readme).toMatch(new RegExp(`\\| \`${name}\` +\\|`))
    }
  })

  it('shows the example workflow exactly as examples/ ships it', () => {
    const shown = /```yaml\n([\s\S]*?)```/.exec(readme)?.[1]
    expect(example).toContain(shown)
  })

  it('gives the two commands for a fresh clone', () => {
    expect(readme).toContain('npm ci && npm run demo')
    expect(readme).toContain('npm test ')
  })
})
