/**
 * Run once before the interop suite (by `global-setup.js`, through tsx): checks that spec-kitty
 * runs, then makes the one template every test copies: a repository after `spec-kitty init --ai
 * claude --non-interactive` and the warmed-up home spec-kitty filled while doing it (its
 * runtime files), so no test pays for `init` again. Prints one JSON line: `{"template": dir}`,
 * or `{"missing": sentence}` when spec-kitty cannot be run.
 */
import { execFileSync } from 'node:child_process'
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { describeRun, missingSentence, probe, specKitty, specKittyCommand } from './spec-kitty.js'
import { TEMPLATE_FILES } from './template.js'

/** Makes the template; returns what the global setup needs to know. */
async function prepare(): Promise<{ template: string } | { missing: string }> {
  const command = specKittyCommand()
  const found = probe(command)
  if (!found.ok) return { missing: missingSentence(command, found.why) }
  process.stderr.write(`interop: spec-kitty-cli ${found.version} at ${command}\n`)
  const root = mkdtempSync(join(tmpdir(), 'kitty-interop-'))
  const repo = join(root, 'repo')
  const home = join(root, 'home')
  mkdirSync(repo)
  mkdirSync(home)
  const git = (...args: string[]): void => {
    execFileSync('git', args, { cwd: repo, stdio: 'ignore' })
  }
  git('init', '--quiet', '--initial-branch=main')
  for (const [path, content] of Object.entries(TEMPLATE_FILES)) {
    mkdirSync(join(repo, path, '..'), { recursive: true })
    writeFileSync(join(repo, path), content)
  }
  const init = await specKitty({ command, cwd: repo, home }, [
    'init',
    '--ai',
    'claude',
    '--non-interactive'
  ])
  if (init.code !== 0) throw new Error(`spec-kitty init failed:\n${describeRun(init)}`)
  return { template: root }
}

process.stdout.write(`${JSON.stringify(await prepare())}\n`)
