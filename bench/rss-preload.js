// Preloaded into a benchmarked run (NODE_OPTIONS=--import): writes the process's peak resident
// set size in KiB to the file KITTY_BENCH_RSS_FILE names when the process exits.
import { writeFileSync } from 'node:fs'
import process from 'node:process'

const file = process.env.KITTY_BENCH_RSS_FILE
if (file) {
  process.on('exit', () => {
    writeFileSync(file, String(process.resourceUsage().maxRSS))
  })
}
