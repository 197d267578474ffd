/** The benchmark's results, the targets they are held to, and the table `npm run bench` prints. */
import type { ColdStartFigures, FlowFigures, LookupFigures } from './flows.js'
import { LATENCY_MS } from './flows.js'
import type { ScaleFigures, ScalePoint } from './scale.js'

/** One file of `dist/`. */
export interface BundleFile {
  file: string
  bytes: number
}

/** Everything one benchmark run measured. */
export interface Measurements {
  coldStart: ColdStartFigures
  startFrom: FlowFigures
  confirm: FlowFigures
  lookup: LookupFigures
  /** Requests and wall time by repository size (missions, queued events). */
  scale: ScaleFigures
  /** `dist/index.js` first, then the chunks it loads lazily. */
  bundle: BundleFile[]
}

/** One target of the issue, with what was measured against it. */
export interface TargetCheck {
  metric: string
  measured: string
  target: string
  met: boolean
}

/** The machine the figures come from. */
export interface Machine {
  node: string
  platform: string
  cpus: number
  date: string
}

const mb = (bytes: number): string => `${(bytes / 1e6).toFixed(2)} MB`
const ms = (value: number): string => `${Math.round(value)} ms`
const rssMb = (mib: number | undefined): string =>
  mib === undefined ? 'n/a' : `${Math.round((mib * 1024 * 1024) / 1e6)} MB`

/** Round trips are a time difference over the latency; half a round trip is noise. */
const trips = (value: number): number => Math.round(value)

/** Every target of the issue, checked against the measurements. */
export function checkTargets(m: Measurements): TargetCheck[] {
  const index = m.bundle[0]?.bytes ?? Number.NaN
  const rss = (name: string, mib: number | undefined): TargetCheck => ({
    metric: `peak RSS, ${name}`,
    measured: rssMb(mib),
    target: '≤ 80 MB',
    met: mib !== undefined && (mib * 1024 * 1024) / 1e6 <= 80
  })
  return [
    {
      metric: 'own start-up cost (ignored event − bare node)',
      measured: ms(m.coldStart.ownMs),
      target: '≤ 40 ms',
      met: m.coldStart.ownMs <= 40
    },
    { metric: 'size of dist/index.js', measured: mb(index), target: '≤ 1.0 MB', met: index <= 1e6 },
    {
      metric: 'start-from: sequential round trips',
      measured: m.startFrom.roundTrips.toFixed(1),
      target: '≤ 4',
      met: trips(m.startFrom.roundTrips) <= 4
    },
    {
      metric: 'start-from: GitHub requests',
      measured: String(m.startFrom.githubRequests),
      target: '≤ 5',
      met: m.startFrom.githubRequests <= 5
    },
    {
      metric: 'confirm: sequential round trips',
      measured: m.confirm.roundTrips.toFixed(1),
      target: '≤ 10',
      met: trips(m.confirm.roundTrips) <= 10
    },
    {
      metric: 'confirm: GitHub requests',
      measured: String(m.confirm.githubRequests),
      target: '≤ 14',
      met: m.confirm.githubRequests <= 14
    },
    {
      metric: `state lookup, ${m.lookup.comments.toLocaleString('en-US')} comments: requests`,
      measured: String(m.lookup.requests),
      target: '≤ 3',
      met: m.lookup.requests <= 3
    },
    rss('ignored event', m.coldStart.peakRssMiB),
    rss('start-from', m.startFrom.peakRssMiB),
    rss('confirm', m.confirm.peakRssMiB)
  ]
}

/** Left-aligned columns, two spaces apart, under a header and a rule. */
export function table(header: string[], rows: string[][]): string {
  const widths = header.map((cell, column) =>
    Math.max(cell.length, ...rows.map(row => (row[column] ?? '').length))
  )
  const line = (cells: string[]): string =>
    cells
      .map((cell, column) => cell.padEnd(widths[column]!))
      .join('  ')
      .trimEnd()
  return [line(header), line(widths.map(width => '-'.repeat(width))), ...rows.map(line)].join('\n')
}

function flowRow(name: string, flow: FlowFigures): string[] {
  return [
    name,
    ms(flow.t0Ms),
    ms(flow.t50Ms),
    flow.roundTrips.toFixed(1),
    String(flow.githubRequests),
    String(flow.saasRequests),
    rssMb(flow.peakRssMiB)
  ]
}

function scaleRows(what: string, unit: string, points: readonly ScalePoint[]): string[][] {
  return points.map(point => [
    what,
    `${point.size.toLocaleString('en-US')} ${unit}`,
    ms(point.wallMs),
    String(point.githubRequests),
    String(point.saasRequests)
  ])
}

/** The scale section: requests and wall time by what the repository holds. */
export function scaleTable(scale: ScaleFigures): string {
  return table(
    ['scale', 'size', 'wall time', 'GitHub req', 'SaaS req'],
    [
      ...scaleRows('confirm', 'missions in kitty-specs/', scale.confirm),
      ...scaleRows('drain outbox', 'queued events', scale.drain),
      ...scaleRows('PR check', 'missions added', scale.prCheck)
    ]
  )
}

/** The report `npm run bench` prints. */
export function renderReport(machine: Machine, m: Measurements, checks: TargetCheck[]): string {
  const cold = m.coldStart
  return [
    `kitty-origin benchmark: ${m.bundle[0]?.file ?? 'dist/index.js'} on Node ${machine.node} (${machine.platform}, ${machine.cpus} CPUs), ${machine.date}`,
    '',
    `Cold start (median of ${cold.runs} runs): ignored comment ${ms(cold.ignoredMs)}, ` +
      `node -e "" ${ms(cold.bareNodeMs)}, own start-up ${ms(cold.ownMs)}`,
    '',
    table(
      ['flow', 't0', `t${LATENCY_MS}`, 'round trips', 'GitHub req', 'SaaS req', 'peak RSS'],
      [
        [
          'ignored event',
          ms(cold.ignoredMs),
          '',
          '',
          String(cold.githubRequests),
          String(cold.saasRequests),
          rssMb(cold.peakRssMiB)
        ],
        flowRow('start-from', m.startFrom),
        flowRow('confirm', m.confirm)
      ]
    ),
    '',
    scaleTable(m.scale),
    '',
    table(
      ['bundle file', 'size'],
      m.bundle.map(file => [file.file, `${Math.round(file.bytes / 1000)} kB`])
    ),
    '',
    table(
      ['target', 'measured', 'goal', ''],
      checks.map(check => [check.metric, check.measured, check.target, check.met ? 'ok' : 'MISSED'])
    ),
    '',
    'confirm, GitHub requests in order (0 ms run):',
    ...m.confirm.requests.github.map(line => `  ${line}`),
    'confirm, SaaS requests:',
    ...m.confirm.requests.saas.map(line => `  ${line}`)
  ].join('\n')
}
