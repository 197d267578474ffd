/** Jest's global teardown for the interop suite: removes the template (kept with KEEP_INTEROP=1). */
import { rmSync } from 'node:fs'
import process from 'node:process'

export default function globalTeardown() {
  const root = process.env.KITTY_INTEROP_TEMPLATE
  if (root !== undefined && process.env.KEEP_INTEROP !== '1') {
    rmSync(root, { recursive: true, force: true })
  }
}
