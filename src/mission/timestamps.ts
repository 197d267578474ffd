import { KittyError } from '../errors.js'

/** Python's `datetime` covers years 1 to 9999; these are its first and last milliseconds. */
const MIN_MS = -62_135_596_800_000
const MAX_MS = 253_402_300_799_999

/**
 * `datetime.fromtimestamp(ms / 1000, UTC).isoformat()`: `2026-11-25T08:29:15.913000+00:00`, and
 * without the fraction when it is zero (`2026-11-25T08:29:15+00:00`), exactly as Python omits
 * zero microseconds. Throws for a time that is not a whole millisecond within years 1 to 9999.
 */
export function pythonIsoUtc(ms: number): string {
  return `${pythonIsoUtcBase(ms)}+00:00`
}

/** The same instant with a `Z` suffix (`2026-11-25T08:29:15.913000Z`), for SpecifyStarted `at`. */
export function pythonIsoUtcZ(ms: number): string {
  return `${pythonIsoUtcBase(ms)}Z`
}

function pythonIsoUtcBase(ms: number): string {
  if (!Number.isInteger(ms) || ms < MIN_MS || ms > MAX_MS) {
    throw new KittyError(
      'internal',
      'kitty-origin got a clock reading it cannot write as a timestamp; see the run log.',
      `Epoch milliseconds ${ms} are not a whole millisecond within years 1 to 9999.`
    )
  }
  const date = new Date(ms)
  const pad = (value: number, width = 2): string => String(value).padStart(width, '0')
  const day = `${pad(date.getUTCFullYear(), 4)}-${pad(date.getUTCMonth() + 1)}-${pad(date.getUTCDate())}`
  const time = `${pad(date.getUTCHours())}:${pad(date.getUTCMinutes())}:${pad(date.getUTCSeconds())}`
  const millis = date.getUTCMilliseconds()
  return `${day}T${time}${millis === 0 ? '' : `.${pad(millis, 3)}000`}`
}
