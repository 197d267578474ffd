/**
 * The benchmark's measuring tools: medians, the start-up of a bare `node`, the peak RSS of a run
 * (through a preload that reports `process.resourceUsage().maxRSS` on exit) and the requests the
 * sandboxes saw during a run.
 */
import { spawn } from 'node:child_process'
import { mkdtemp, readFile, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { pathToFileURL } from 'node:url'
import { PROJECT_ROOT } from '../sandbox/runner.js'
import type { Scenario } from '../sandbox/scenario.js'

/** The middle value (the mean of the two middle ones for an even count); NaN when empty. */
export function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b)
  const middle = Math.floor(sorted.length / 2)
  if (sorted.length === 0) return Number.NaN
  return sorted.length % 2 === 1 ? sorted[middle]! : (sorted[middle - 1]! + sorted[middle]!) / 2
}

/**
 * Wall time of `node -e ""`, spawned and timed the way the runner harness times an action
 * (from spawn to the child's `close`, stdout and stderr piped).
 */
export function bareNodeMs(): Promise<number> {
  return new Promise((resolve, reject) => {
    const started = Date.now()
    const child = spawn(process.execPath, ['-e', ''], {
      env: { PATH: process.env.PATH ?? '' },
      stdio: ['ignore', 'pipe', 'pipe']
    })
    child.stdout.resume()
    child.stderr.resume()
    child.on('error', reject)
    child.on('close', () => {
      resolve(Date.now() - started)
    })
  })
}

/** The environment that makes a run report its peak RSS, and how to read the report. */
export interface RssProbe {
  env: Record<string, string>
  /** Peak RSS in MiB of the run that just ended; undefined when it reported nothing. */
  read(): Promise<number | undefined>
  close(): Promise<void>
}

/** A probe for one run at a time: a fresh report file under a temporary directory. */
export async function rssProbe(): Promise<RssProbe> {
  const dir = await mkdtemp(join(tmpdir(), 'kitty-bench-'))
  const file = join(dir, 'max-rss')
  const preload = pathToFileURL(join(PROJECT_ROOT, 'bench', 'rss-preload.js')).href
  return {
    env: { NODE_OPTIONS: `--import ${preload}`, KITTY_BENCH_RSS_FILE: file },
    async read() {
      try {
        const kib = Number(await readFile(file, 'utf8'))
        await rm(file, { force: true })
        return Number.isFinite(kib) ? kib / 1024 : undefined
      } catch {
        return undefined
      }
    },
    close: () => rm(dir, { recursive: true, force: true })
  }
}

/** One request as the benchmark lists it: `GET /repos/{owner}/{repo}/…` with ids elided. */
export function requestLine(method: string, path: string): string {
  const [pathname = ''] = path.split('?')
  return `${method} ${pathname.replace(/\/[0-9a-f]{40}\b/g, '/{sha}').replace(/\/\d+\b/g, '/{n}')}`
}

/** What the sandboxes were asked while `body` ran. */
export interface RequestLog {
  github: string[]
  saas: string[]
}

/** Runs `body` and returns its result with the requests each sandbox received meanwhile. */
export async function withRequests<T>(
  scenario: Scenario,
  body: () => Promise<T>
): Promise<{ result: T; requests: RequestLog }> {
  const github = scenario.github.requests.length
  const saas = scenario.saas.requests.length
  const result = await body()
  return {
    result,
    requests: {
      github: scenario.github.requests
        .slice(github)
        .map(request => requestLine(request.method, request.path)),
      saas: scenario.saas.requests
        .slice(saas)
        .map(request => requestLine(request.method, request.path))
    }
  }
}

/** Sets the latency both sandboxes add before every answer. */
export function setLatency(scenario: Scenario, ms: number): void {
  scenario.github.faults.latencyMs = ms
  scenario.saas.faults.latencyMs = ms
}
