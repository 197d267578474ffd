/**
 * The spec-kitty CLI the interop suite judges with: where it is (`SPEC_KITTY`), whether it runs,
 * and one call of it with an isolated home, returning its exit code, output and JSON answer.
 */
import { spawn, spawnSync } from 'node:child_process'
import { existsSync, readFileSync } from 'node:fs'
import { dirname, join, resolve } from 'node:path'
import { PROJECT_ROOT } from '../sandbox/runner.js'

/** The default command, relative to the project root: the vendored CLI beside the clone. */
export const DEFAULT_SPEC_KITTY = '../shared/spec-kitty/bin/spec-kitty'

/** The command as configured: `SPEC_KITTY`, else the vendored CLI; relative paths from the root. */
export function specKittyCommand(env: NodeJS.ProcessEnv = process.env): string {
  const configured = env.SPEC_KITTY?.trim() ?? ''
  const command = configured === '' ? DEFAULT_SPEC_KITTY : configured
  return command.includes('/') ? resolve(PROJECT_ROOT, command) : command
}

/** The sentence said when spec-kitty cannot be run (a failure in CI, a loud skip elsewhere). */
export function missingSentence(command: string, detail: string): string {
  return (
    `The interop suite needs the spec-kitty CLI, and \`${command}\` does not run (${detail}). ` +
    'Install it with `pipx install spec-kitty-cli` and set SPEC_KITTY=spec-kitty, or put the ' +
    'vendored CLI at ../shared/spec-kitty (SPEC_KITTY defaults to ' +
    `${DEFAULT_SPEC_KITTY}).`
  )
}

/** The version line spec-kitty prints, or why it could not be run. */
export function probe(command: string): { ok: true; version: string } | { ok: false; why: string } {
  const result = spawnSync(command, ['--version'], {
    encoding: 'utf8',
    env: { ...process.env, SPEC_KITTY_NO_UPGRADE_CHECK: '1' },
    timeout: 120_000
  })
  if (result.error !== undefined) return { ok: false, why: result.error.message }
  const version = /spec-kitty-cli version (\S+)/.exec(result.stdout)?.[1]
  if (result.status !== 0 || version === undefined) {
    return { ok: false, why: `exit ${result.status}: ${result.stderr.trim().slice(-300)}` }
  }
  return { ok: true, version }
}

/**
 * `PYTHONPATH` for git hooks when the command is the vendored launcher (`<dir>/bin/spec-kitty`
 * with `<dir>/src` and `<dir>/vendor`). spec-kitty installs a pre-commit hook that runs
 * `python3 -m specify_cli…`; with `pipx install` that interpreter finds its package, with the
 * vendored copy only this path makes it importable for a plain `git commit`.
 */
export function hookPythonPath(command: string): string | undefined {
  const root = dirname(dirname(command))
  const src = join(root, 'src')
  const vendor = join(root, 'vendor')
  return existsSync(join(src, 'specify_cli')) && existsSync(vendor) ? `${src}:${vendor}` : undefined
}

/**
 * The Python that imports spec-kitty's packages: `SPEC_KITTY_PYTHON`, else the vendored
 * `spec-kitty-python` beside the command, else the interpreter of the command's shebang (the
 * pipx virtual environment of an installed `spec-kitty`).
 */
export function specKittyPython(command: string, env: NodeJS.ProcessEnv = process.env): string {
  const configured = env.SPEC_KITTY_PYTHON?.trim() ?? ''
  if (configured !== '') return configured
  const sibling = join(dirname(command), 'spec-kitty-python')
  if (existsSync(sibling)) return sibling
  const shebang = /^#!\s*(\S+)/.exec(readFileSync(command, 'utf8').split('\n')[0] ?? '')?.[1]
  if (shebang === undefined) throw new Error(`Cannot tell which Python runs ${command}.`)
  return shebang
}

/** What one call of spec-kitty did. */
export interface SpecKittyRun {
  /** The command line as a person would type it (for failure messages). */
  line: string
  code: number | null
  stdout: string
  stderr: string
  durationMs: number
  /** stdout parsed as JSON when it is JSON; undefined otherwise. */
  json: unknown
}

/** Where and how a call runs. */
export interface SpecKittyContext {
  command: string
  /** The repository checkout the command runs in. */
  cwd: string
  /** This test's own `SPEC_KITTY_ORACLE_HOME` (and `HOME`). */
  home: string
  /** Extra environment, e.g. `SPEC_KITTY_SYNC_MINIMAL_IMPORT`. */
  env?: Record<string, string>
}

/** stdout as JSON: all of it, or from the first line that opens an object (after notes). */
function parseJson(text: string): unknown {
  const lines = text.split('\n')
  const start = lines.findIndex(line => line.startsWith('{') || line.startsWith('['))
  if (start === -1) return undefined
  try {
    return JSON.parse(lines.slice(start).join('\n')) as unknown
  } catch {
    return undefined
  }
}

/** The environment of every spec-kitty and git call of a test: isolated home, fixed identity. */
export function toolEnvironment(context: SpecKittyContext): NodeJS.ProcessEnv {
  const pythonPath = hookPythonPath(context.command)
  return {
    ...process.env,
    HOME: context.home,
    SPEC_KITTY_ORACLE_HOME: context.home,
    SPEC_KITTY_NO_UPGRADE_CHECK: '1',
    SPEC_KITTY_NON_INTERACTIVE: '1',
    SPEC_KITTY_ENABLE_SAAS_SYNC: '0',
    GIT_CONFIG_GLOBAL: join(context.home, '.gitconfig'),
    GIT_AUTHOR_NAME: 'Ana Team',
    GIT_AUTHOR_EMAIL: 'ana@acme.example',
    GIT_COMMITTER_NAME: 'Ana Team',
    GIT_COMMITTER_EMAIL: 'ana@acme.example',
    COLUMNS: '200',
    ...(pythonPath === undefined ? {} : { PYTHONPATH: pythonPath }),
    ...context.env
  }
}

/** Runs `spec-kitty <args>` in the context's checkout; never rejects on a non-zero exit. */
export function specKitty(context: SpecKittyContext, args: string[]): Promise<SpecKittyRun> {
  const started = Date.now()
  const line = `spec-kitty ${args.join(' ')}`
  return new Promise((resolveRun, reject) => {
    const child = spawn(context.command, args, {
      cwd: context.cwd,
      env: toolEnvironment(context),
      stdio: ['ignore', 'pipe', 'pipe']
    })
    const out: Buffer[] = []
    const err: Buffer[] = []
    child.stdout.on('data', (chunk: Buffer) => out.push(chunk))
    child.stderr.on('data', (chunk: Buffer) => err.push(chunk))
    child.on('error', reject)
    child.on('close', code => {
      const stdout = Buffer.concat(out).toString('utf8')
      resolveRun({
        line,
        code,
        stdout,
        stderr: Buffer.concat(err).toString('utf8'),
        durationMs: Date.now() - started,
        json: parseJson(stdout)
      })
    })
  })
}

/** A readable account of a run, for assertion messages. */
export function describeRun(run: SpecKittyRun): string {
  return [
    `$ ${run.line}  (exit ${run.code}, ${run.durationMs} ms)`,
    `--- stdout ---\n${run.stdout.slice(0, 4000)}`,
    `--- stderr ---\n${run.stderr.slice(-3000)}`
  ].join('\n')
}
