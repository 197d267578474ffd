/**
 * Runs a JavaScript action as a separate `node` process the way a GitHub-hosted runner runs a
 * `uses:` step: inputs as `INPUT_<NAME>` variables, the event payload in a file named by
 * `GITHUB_EVENT_PATH`, the file commands (`GITHUB_OUTPUT`, `GITHUB_STEP_SUMMARY`, …) as fresh
 * files, and a runner's own environment instead of the caller's.
 */
import { spawn } from 'node:child_process'
import { mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { dirname, join, resolve } from 'node:path'
import { fileURLToPath } from 'node:url'
import { runnerContext } from './runner-context.js'
import type { RunnerContext } from './runner-context.js'
import { parseFileCommand, parseStdoutCommands } from './workflow-commands.js'
import type { Annotation } from './workflow-commands.js'

export type { Annotation } from './workflow-commands.js'
export type { RunnerContext } from './runner-context.js'

/** The project root, against which a relative `entry` is resolved. */
export const PROJECT_ROOT = fileURLToPath(new URL('..', import.meta.url))

/** How long a run may take before it is killed, unless told otherwise. */
export const DEFAULT_TIMEOUT_MS = 30_000

/** One run of an action. */
export interface RunActionOptions {
  /** The script to run; relative paths are from the project root. Default `dist/index.js`. */
  entry?: string
  eventName: string
  payload: unknown
  /** The step's `with:` values by input name, e.g. `{ 'saas-url': … }`. */
  inputs: Record<string, string>
  /** Extra environment (the step's `env:`); wins over the runner's variables. */
  env?: Record<string, string>
  /** Working directory; default `GITHUB_WORKSPACE` (an empty temporary directory). */
  cwd?: string
  /** Default 30 s; the process is killed when it runs longer. */
  timeoutMs?: number
  /** Turns on step debug logging (`RUNNER_DEBUG=1`), as a re-run with debug logging does. */
  debug?: boolean
  github?: Partial<RunnerContext>
}

/** What the runner saw of a run. */
export interface RunResult {
  /** The process's exit code; null when it was killed. */
  exitCode: number | null
  /** True when the run was killed at the timeout. */
  timedOut: boolean
  durationMs: number
  stdout: string
  stderr: string
  /** The step's outputs from `GITHUB_OUTPUT`. */
  outputs: Record<string, string>
  /** The state saved for a post step (`GITHUB_STATE`). */
  state: Record<string, string>
  /** The job summary markdown the step appended to `GITHUB_STEP_SUMMARY`. */
  summary: string
  annotations: Annotation[]
  /** Values the step masked with `::add-mask::`. */
  masks: string[]
}

/** The runner's variable for an input: upper case, spaces as `_`, dashes kept (`INPUT_SAAS-URL`). */
export function inputVariable(name: string): string {
  return `INPUT_${name.replace(/ /g, '_').toUpperCase()}`
}

/** Where one run's files live. */
interface RunFiles {
  root: string
  workspace: string
  event: string
  output: string
  state: string
  summary: string
  env: string
  path: string
}

async function createRunFiles(payload: unknown): Promise<RunFiles> {
  const root = await mkdtemp(join(tmpdir(), 'kitty-runner-'))
  const files: RunFiles = {
    root,
    workspace: join(root, 'workspace'),
    event: join(root, 'event.json'),
    output: join(root, 'file_commands', 'output'),
    state: join(root, 'file_commands', 'state'),
    summary: join(root, 'file_commands', 'step_summary'),
    env: join(root, 'file_commands', 'env'),
    path: join(root, 'file_commands', 'path')
  }
  for (const dir of ['workspace', 'home', 'temp', 'tool_cache', 'file_commands']) {
    await mkdir(join(root, dir))
  }
  await writeFile(files.event, JSON.stringify(payload, null, 2))
  for (const file of [files.output, files.state, files.summary, files.env, files.path]) {
    await writeFile(file, '')
  }
  return files
}

/** The environment of the step: a runner's variables only, never the caller's own. */
function runnerEnvironment(
  options: RunActionOptions,
  context: RunnerContext,
  files: RunFiles
): Record<string, string> {
  const [owner = ''] = context.repository.split('/')
  const refName = context.ref.replace(/^refs\/(heads|tags)\//, '')
  const inputs = Object.fromEntries(
    Object.entries(options.inputs).map(([name, value]) => [inputVariable(name), value])
  )
  return {
    PATH: [dirname(process.execPath), '/usr/local/bin', '/usr/bin', '/bin'].join(':'),
    HOME: join(files.root, 'home'),
    CI: 'true',
    GITHUB_ACTIONS: 'true',
    GITHUB_EVENT_NAME: options.eventName,
    GITHUB_EVENT_PATH: files.event,
    GITHUB_OUTPUT: files.output,
    GITHUB_STATE: files.state,
    GITHUB_STEP_SUMMARY: files.summary,
    GITHUB_ENV: files.env,
    GITHUB_PATH: files.path,
    GITHUB_WORKSPACE: files.workspace,
    GITHUB_REPOSITORY: context.repository,
    GITHUB_REPOSITORY_OWNER: owner,
    GITHUB_ACTOR: context.actor,
    GITHUB_TRIGGERING_ACTOR: context.actor,
    GITHUB_API_URL: context.apiUrl,
    GITHUB_SERVER_URL: context.serverUrl,
    GITHUB_GRAPHQL_URL: context.graphqlUrl,
    GITHUB_SHA: context.sha,
    GITHUB_REF: context.ref,
    GITHUB_REF_NAME: refName,
    GITHUB_REF_TYPE: context.ref.startsWith('refs/tags/') ? 'tag' : 'branch',
    GITHUB_RUN_ID: context.runId,
    GITHUB_RUN_NUMBER: context.runNumber,
    GITHUB_RUN_ATTEMPT: context.runAttempt,
    GITHUB_WORKFLOW: context.workflow,
    GITHUB_JOB: context.job,
    GITHUB_ACTION: context.action,
    GITHUB_RETENTION_DAYS: '90',
    RUNNER_OS: 'Linux',
    RUNNER_ARCH: 'X64',
    RUNNER_NAME: 'GitHub Actions 1',
    RUNNER_ENVIRONMENT: 'github-hosted',
    RUNNER_TEMP: join(files.root, 'temp'),
    RUNNER_TOOL_CACHE: join(files.root, 'tool_cache'),
    ...(options.debug === true ? { RUNNER_DEBUG: '1' } : {}),
    ...inputs,
    ...options.env
  }
}

interface Exit {
  exitCode: number | null
  timedOut: boolean
  stdout: string
  stderr: string
}

function runProcess(
  entry: string,
  cwd: string,
  env: Record<string, string>,
  timeoutMs: number
): Promise<Exit> {
  return new Promise((resolveExit, reject) => {
    const child = spawn(process.execPath, [entry], { cwd, env, stdio: ['ignore', 'pipe', 'pipe'] })
    const stdout: Buffer[] = []
    const stderr: Buffer[] = []
    let timedOut = false
    child.stdout.on('data', (chunk: Buffer) => stdout.push(chunk))
    child.stderr.on('data', (chunk: Buffer) => stderr.push(chunk))
    const timer = setTimeout(() => {
      timedOut = true
      child.kill('SIGKILL')
    }, timeoutMs)
    child.on('error', error => {
      clearTimeout(timer)
      reject(error)
    })
    child.on('close', code => {
      clearTimeout(timer)
      resolveExit({
        exitCode: code,
        timedOut,
        stdout: Buffer.concat(stdout).toString('utf8'),
        stderr: Buffer.concat(stderr).toString('utf8')
      })
    })
  })
}

async function readFileCommand(path: string, name: string): Promise<Record<string, string>> {
  try {
    return parseFileCommand(await readFile(path, 'utf8'))
  } catch (error) {
    throw new Error(`The action wrote a malformed ${name} file: ${String(error)}`, { cause: error })
  }
}

/**
 * Runs `node <entry>` as a runner would and collects what the runner would keep: exit code,
 * logs, outputs, saved state, job summary, annotations and masks. The temporary files are
 * removed afterwards. Rejects only when the process cannot start or a file command is malformed.
 */
export async function runAction(options: RunActionOptions): Promise<RunResult> {
  const entry = resolve(PROJECT_ROOT, options.entry ?? 'dist/index.js')
  const timeoutMs = options.timeoutMs ?? DEFAULT_TIMEOUT_MS
  const files = await createRunFiles(options.payload)
  try {
    const context = runnerContext(options.eventName, options.payload, options.github)
    const env = runnerEnvironment(options, context, files)
    const started = Date.now()
    const exit = await runProcess(entry, options.cwd ?? files.workspace, env, timeoutMs)
    const durationMs = Date.now() - started
    const stderr = exit.timedOut
      ? `${exit.stderr}[runner] The action was killed after ${timeoutMs} ms.\n`
      : exit.stderr
    return {
      ...exit,
      stderr,
      durationMs,
      outputs: await readFileCommand(files.output, 'GITHUB_OUTPUT'),
      state: await readFileCommand(files.state, 'GITHUB_STATE'),
      summary: await readFile(files.summary, 'utf8'),
      ...parseStdoutCommands(exit.stdout)
    }
  } finally {
    await rm(files.root, { recursive: true, force: true })
  }
}
