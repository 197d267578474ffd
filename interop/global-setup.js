/**
 * Jest's global setup for the interop suite. Runs `interop/prepare.ts` through tsx (Jest's own
 * global setup cannot load the suite's TypeScript modules) and hands the template to the test
 * files through the environment. Without spec-kitty: a failure in CI, a loud skip elsewhere.
 */
import { spawnSync } from 'node:child_process'
import process from 'node:process'
import { join } from 'node:path'

const ROOT = join(import.meta.dirname, '..')

export default function globalSetup() {
  const tsx = join(ROOT, 'node_modules', '.bin', 'tsx')
  const prepared = spawnSync(tsx, [join(ROOT, 'interop', 'prepare.ts')], {
    cwd: ROOT,
    encoding: 'utf8',
    stdio: ['ignore', 'pipe', 'inherit']
  })
  if (prepared.status !== 0) throw new Error(`interop/prepare.ts failed (exit ${prepared.status}).`)
  const answer = JSON.parse(prepared.stdout.trim().split('\n').at(-1))
  if (answer.template !== undefined) {
    process.env.KITTY_INTEROP_TEMPLATE = answer.template
    return
  }
  if (process.env.CI === 'true') throw new Error(answer.missing)
  process.env.KITTY_INTEROP_SKIP = answer.missing
  process.stderr.write(`\n\n⚠️  SKIPPING THE INTEROP SUITE. ${answer.missing}\n\n`)
}
