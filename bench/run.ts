/**
 * `npm run bench`: runs the built `dist/index.js` as a runner would against the sandbox servers
 * and measures start-up, round trips, request counts, the state lookup on a long thread, bundle
 * size, peak RSS and how requests grow with the repository (the scale section). Prints a table and writes `bench/results.json`. Exits non-zero when a run
 * fails; a missed target is reported, not fatal.
 *
 * Options: `--cold-runs N` (default 20), `--flow-runs N` (default 5 per latency), and
 * `--entry path` to measure another build (its results are printed, not written).
 */
import { existsSync } from 'node:fs'
import { readdir, stat, writeFile } from 'node:fs/promises'
import { availableParallelism } from 'node:os'
import { dirname, join, resolve } from 'node:path'
import { parseArgs } from 'node:util'
import { format, resolveConfig } from 'prettier'
import { PROJECT_ROOT } from '../sandbox/runner.js'
import { measureColdStart, measureFlows, measureStateLookup } from './flows.js'
import { checkTargets, renderReport } from './report.js'
import { measureScale } from './scale.js'
import type { BundleFile, Machine } from './report.js'

const ENTRY = join(PROJECT_ROOT, 'dist', 'index.js')
const RESULTS = join(PROJECT_ROOT, 'bench', 'results.json')
const LOOKUP_COMMENTS = 10_000

/** The entry script first, then the other scripts of its folder (its lazy chunks) by size. */
async function bundleFiles(entry: string): Promise<BundleFile[]> {
  const dir = dirname(entry)
  const names = (await readdir(dir)).filter(name => name.endsWith('.js'))
  const files = await Promise.all(
    names.map(async name => ({ name, bytes: (await stat(join(dir, name))).size }))
  )
  const first = files.find(file => join(dir, file.name) === entry)
  const rest = files.filter(file => file !== first).sort((a, b) => b.bytes - a.bytes)
  const folder = entry === ENTRY ? 'dist' : dir
  return [...(first === undefined ? [] : [first]), ...rest].map(file => ({
    file: `${folder}/${file.name}`,
    bytes: file.bytes
  }))
}

async function writeResults(results: unknown): Promise<void> {
  const options = (await resolveConfig(RESULTS)) ?? {}
  await writeFile(RESULTS, await format(JSON.stringify(results), { ...options, parser: 'json' }))
}

function count(value: string | undefined, fallback: number): number {
  const parsed = Number(value ?? fallback)
  if (!Number.isInteger(parsed) || parsed < 1) throw new Error(`Not a run count: ${value}`)
  return parsed
}

async function main(): Promise<number> {
  const { values } = parseArgs({
    options: {
      'cold-runs': { type: 'string' },
      'flow-runs': { type: 'string' },
      entry: { type: 'string' }
    }
  })
  const entry = values.entry === undefined ? ENTRY : resolve(values.entry)
  if (!existsSync(entry)) {
    console.error(`${entry} does not exist yet: run \`npm run build\` first.`)
    return 1
  }
  const machine: Machine = {
    node: process.version,
    platform: `${process.platform} ${process.arch}`,
    cpus: availableParallelism(),
    date: new Date().toISOString().slice(0, 10)
  }
  const coldRuns = count(values['cold-runs'], 20)
  const flowRuns = count(values['flow-runs'], 5)
  console.error(`Cold start: ${coldRuns} ignored events and as many bare node starts…`)
  const coldStart = await measureColdStart(entry, coldRuns)
  console.error(`Flows: start-from and confirm, ${flowRuns} times at 0 ms and at 50 ms…`)
  const { startFrom, confirm } = await measureFlows(entry, flowRuns)
  console.error(`State lookup on a ${LOOKUP_COMMENTS.toLocaleString('en-US')}-comment issue…`)
  const lookup = await measureStateLookup(entry, LOOKUP_COMMENTS)
  console.error('Scale: confirm by missions, outbox drain by events, PR check of 300 missions…')
  const scale = await measureScale(entry)
  const bundle = await bundleFiles(entry)
  const measurements = { coldStart, startFrom, confirm, lookup, scale, bundle }
  const targets = checkTargets(measurements)
  console.log(renderReport(machine, measurements, targets))
  if (entry === ENTRY) {
    await writeResults({ machine, ...measurements, targets })
    console.error('\nWrote bench/results.json.')
  }
  return 0
}

process.exitCode = await main()
