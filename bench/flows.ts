/**
 * The benchmark's conversations: an ignored comment (cold start), `start-from` and `confirm` with
 * and without injected latency, and the candidate-state lookup on a 10,000-comment issue. Every
 * run is the built action run as a runner would, against fresh sandboxes.
 */
import { startScenario } from '../sandbox/scenario.js'
import type { Scenario } from '../sandbox/scenario.js'
import { bareNodeMs, median, rssProbe, setLatency, withRequests } from './measure.js'
import type { RequestLog, RssProbe } from './measure.js'

/** Latency injected per request, in both sandboxes, for the round-trip count. */
export const LATENCY_MS = 50

/** One run of a flow. */
interface FlowRun {
  wallMs: number
  rssMiB: number | undefined
  requests: RequestLog
}

/** What the benchmark reports of one flow. */
export interface FlowFigures {
  /** Median wall time without and with the injected latency. */
  t0Ms: number
  t50Ms: number
  /** (t50 − t0) / 50 ms: the sequential round trips on the critical path. */
  roundTrips: number
  githubRequests: number
  saasRequests: number
  peakRssMiB: number | undefined
  /** The requests of one run, in the order the sandboxes received them. */
  requests: RequestLog
}

/** Start-up figures: an ignored comment next to a bare `node -e ""`. */
export interface ColdStartFigures {
  runs: number
  ignoredMs: number
  bareNodeMs: number
  /** Our own start-up cost: ignored event minus bare Node. */
  ownMs: number
  peakRssMiB: number | undefined
  /** Requests the ignored run made (none expected). */
  githubRequests: number
  saasRequests: number
}

/** The candidate-state lookup on a long thread. */
export interface LookupFigures {
  comments: number
  /** Comment-list requests the confirm made to find the list. */
  requests: number
}

async function withScenario<T>(
  entry: string,
  body: (scenario: Scenario) => Promise<T>
): Promise<T> {
  const scenario = await startScenario({ entry })
  try {
    return await body(scenario)
  } finally {
    await scenario.close()
  }
}

/** Posts `body` as ana and runs the action for it; throws unless the run ends in `expected`. */
async function say(
  scenario: Scenario,
  body: string,
  expected: string,
  probe?: RssProbe
): Promise<FlowRun> {
  const payload = scenario.postComment('ana', body)
  const { result, requests } = await withRequests(scenario, () =>
    scenario.run('issue_comment', payload, {}, probe === undefined ? {} : { env: probe.env })
  )
  if (result.outputs.state !== expected) {
    throw new Error(
      `"${body}" ended in ${result.outputs.state ?? 'no state'}, not ${expected}:\n${result.stderr}${result.stdout}`
    )
  }
  return { wallMs: result.durationMs, rssMiB: await probe?.read(), requests }
}

/**
 * Cold start: the median wall time of an ignored comment over `runs` runs, interleaved with as
 * many `node -e ""` (after one warm-up of each), and the peak RSS of one more ignored run.
 */
export async function measureColdStart(entry: string, runs: number): Promise<ColdStartFigures> {
  return withScenario(entry, async scenario => {
    const payload = scenario.postComment('ana', 'Thanks, this looks right to me.')
    const ignored: number[] = []
    const bare: number[] = []
    for (let run = 0; run <= runs; run += 1) {
      const node = await bareNodeMs()
      const result = await scenario.run('issue_comment', payload)
      if (result.outputs.state !== 'ignored') {
        throw new Error(`The plain comment was not ignored:\n${result.stderr}${result.stdout}`)
      }
      if (run === 0) continue
      bare.push(node)
      ignored.push(result.durationMs)
    }
    const probe = await rssProbe()
    try {
      const { requests } = await withRequests(scenario, () =>
        scenario.run('issue_comment', payload, {}, { env: probe.env })
      )
      const ignoredMs = median(ignored)
      const bareNode = median(bare)
      return {
        runs,
        ignoredMs,
        bareNodeMs: bareNode,
        ownMs: ignoredMs - bareNode,
        peakRssMiB: await probe.read(),
        githubRequests: requests.github.length,
        saasRequests: requests.saas.length
      }
    } finally {
      await probe.close()
    }
  })
}

function figures(at0: FlowRun[], at50: FlowRun[]): FlowFigures {
  const t0Ms = median(at0.map(run => run.wallMs))
  const t50Ms = median(at50.map(run => run.wallMs))
  const rss = [...at0, ...at50].flatMap(run => (run.rssMiB === undefined ? [] : [run.rssMiB]))
  const sample = at0[0]!
  return {
    t0Ms,
    t50Ms,
    roundTrips: (t50Ms - t0Ms) / LATENCY_MS,
    githubRequests: median(at0.map(run => run.requests.github.length)),
    saasRequests: median(at0.map(run => run.requests.saas.length)),
    peakRssMiB: rss.length === 0 ? undefined : Math.max(...rss),
    requests: sample.requests
  }
}

/**
 * `start-from` then `confirm` on a fresh sandbox, `runs` times without and `runs` times with
 * `LATENCY_MS` per request (interleaved, so a busy machine weighs on both alike).
 */
export async function measureFlows(
  entry: string,
  runs: number
): Promise<{ startFrom: FlowFigures; confirm: FlowFigures }> {
  const probe = await rssProbe()
  const startFrom: Record<number, FlowRun[]> = { 0: [], [LATENCY_MS]: [] }
  const confirm: Record<number, FlowRun[]> = { 0: [], [LATENCY_MS]: [] }
  try {
    for (let run = 0; run < runs; run += 1) {
      for (const latency of [0, LATENCY_MS]) {
        await withScenario(entry, async scenario => {
          setLatency(scenario, latency)
          startFrom[latency]!.push(
            await say(scenario, '/kitty start-from WEB-123', 'candidates-posted', probe)
          )
          confirm[latency]!.push(await say(scenario, '/kitty confirm 1', 'mission-created', probe))
        })
      }
    }
  } finally {
    await probe.close()
  }
  return {
    startFrom: figures(startFrom[0]!, startFrom[LATENCY_MS]!),
    confirm: figures(confirm[0]!, confirm[LATENCY_MS]!)
  }
}

/**
 * A confirm on an issue whose thread has `comments` comments (the candidate list among the
 * newest): how many comment-list requests finding the list costs.
 */
export async function measureStateLookup(entry: string, comments: number): Promise<LookupFigures> {
  return withScenario(entry, async scenario => {
    const filler = Array.from({ length: comments - 3 }, (_, index) => ({
      user: index % 2 === 0 ? 'ben' : 'carl',
      body: `Comment ${index + 1}: notes from the planning thread.`
    }))
    scenario.github.addComments(scenario.repository, scenario.issueNumber, filler)
    await say(scenario, '/kitty start-from WEB-123', 'candidates-posted')
    const run = await say(scenario, '/kitty confirm 1', 'mission-created')
    const thread = `GET /repos/${scenario.repository}/issues/{n}/comments`
    return {
      comments,
      requests: run.requests.github.filter(line => line === thread).length
    }
  })
}
