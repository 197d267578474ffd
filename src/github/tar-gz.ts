import { gunzipSync } from 'node:zlib'
import { KittyError } from '../errors.js'

/** The regular files of a gzip-compressed tar archive, and the comment git archive leaves in it. */
export interface TarContents {
  /** The pax global header's `comment`: `git archive` puts the archived commit's id there. */
  comment: string | undefined
  /** Every regular file by its path in the archive; directories, symlinks and the rest are left out. */
  files: Map<string, Buffer>
}

/** What the reader says the archive is, and how much it unpacks at most. */
export interface TarGzLimits {
  /** The archive in the user's sentence, e.g. "GitHub's archive of the kitty-origin/outbox branch". */
  what: string
  /** The most bytes the archive may hold, compressed or unpacked; beyond, it is refused. */
  maxBytes: number
}

const BLOCK = 512
const CHECKSUM = { start: 148, end: 156 }

/** A byte count in MiB for a sentence, to a tenth: `64 MiB`, `1.5 MiB`. */
export function mebibytes(bytes: number): string {
  return `${Math.round((bytes / 1_048_576) * 10) / 10} MiB`
}

/** A NUL-terminated header field as text. */
function field(header: Buffer, start: number, end: number): string {
  const bytes = header.subarray(start, end)
  const nul = bytes.indexOf(0)
  return bytes.subarray(0, nul === -1 ? bytes.length : nul).toString('utf8')
}

/** An octal number field; null when it is not one. */
function octal(header: Buffer, start: number, end: number): number | null {
  const text = field(header, start, end).trim()
  return /^[0-7]*$/.test(text) ? Number.parseInt(text || '0', 8) : null
}

/** True when the header's checksum (its bytes, the checksum field counted as spaces) holds. */
function checksumHolds(header: Buffer): boolean {
  let sum = (CHECKSUM.end - CHECKSUM.start) * 0x20
  for (let at = 0; at < BLOCK; at += 1) {
    if (at < CHECKSUM.start || at >= CHECKSUM.end) sum += header.readUInt8(at)
  }
  return octal(header, CHECKSUM.start, CHECKSUM.end) === sum
}

/** The `<length> <key>=<value>\n` records of a pax header; null when they are malformed. */
function paxRecords(body: Buffer): Map<string, string> | null {
  const records = new Map<string, string>()
  let at = 0
  while (at < body.length) {
    const space = body.indexOf(0x20, at)
    if (space === -1) return null
    const end = at + Number(body.subarray(at, space).toString('latin1'))
    if (!Number.isInteger(end) || end > body.length || body[end - 1] !== 0x0a) return null
    const record = body.subarray(space + 1, end - 1)
    const equals = record.indexOf(0x3d)
    if (equals === -1) return null
    records.set(
      record.subarray(0, equals).toString('utf8'),
      record.subarray(equals + 1).toString('utf8')
    )
    at = end
  }
  return records
}

/** The header's path: the ustar prefix (when there is one), a slash, and the name. */
function ustarPath(header: Buffer): string {
  const name = field(header, 0, 100)
  const prefix = field(header, 257, 263) === 'ustar' ? field(header, 345, 500) : ''
  return prefix === '' ? name : `${prefix}/${name}`
}

/**
 * Reads a `.tar.gz` archive as `git archive` writes it (ustar headers, the prefix field and pax
 * `path` records for long paths, a pax global header with the commit id) into its regular files.
 * Memory is bounded: an archive that holds more than `maxBytes`, compressed or unpacked, is
 * refused; so is an archive that is damaged or cut short. Both are KittyErrors that name it.
 */
export function unpackTarGz(archive: Uint8Array, limits: TarGzLimits): TarContents {
  const tooLarge = new KittyError(
    'github-error',
    `${limits.what} holds more than the ${mebibytes(limits.maxBytes)} kitty-origin reads at once.`,
    `archive of ${archive.byteLength} bytes compressed`
  )
  const damaged = (detail: string): KittyError =>
    new KittyError(
      'github-error',
      `${limits.what} arrived damaged or incomplete; re-run the job.`,
      detail,
      { retryable: true }
    )
  if (archive.byteLength > limits.maxBytes) throw tooLarge
  let tar: Buffer
  try {
    tar = gunzipSync(archive, { maxOutputLength: limits.maxBytes })
  } catch (error) {
    // zlib's errors, checked by their code: they may come from another realm than this module's.
    const { code, message } = error as { code?: unknown; message?: unknown }
    if (code === 'ERR_BUFFER_TOO_LARGE') throw tooLarge
    throw damaged(`gzip: ${String(message)}`)
  }
  const files = new Map<string, Buffer>()
  let comment: string | undefined
  let extended: Map<string, string> | undefined
  for (let offset = 0; ;) {
    const header = tar.subarray(offset, offset + BLOCK)
    if (header.length < BLOCK) throw damaged(`the archive ends at byte ${offset} without its end`)
    if (header.every(byte => byte === 0)) break
    const size = octal(header, 124, 136)
    if (!checksumHolds(header) || size === null) {
      throw damaged(`the header at byte ${offset} is corrupt`)
    }
    const start = offset + BLOCK
    const body = tar.subarray(start, start + size)
    if (body.length < size) throw damaged(`the entry at byte ${offset} is cut short`)
    offset = start + Math.ceil(size / BLOCK) * BLOCK
    const type = String.fromCharCode(header.readUInt8(156))
    if (type === 'g' || type === 'x') {
      const records = paxRecords(body)
      if (records === null) throw damaged(`the pax header at byte ${start - BLOCK} is malformed`)
      if (type === 'g') comment = records.get('comment') ?? comment
      else extended = records
      continue
    }
    const path = extended?.get('path') ?? ustarPath(header)
    extended = undefined
    if (type === '0' || type === '\0') files.set(path, body)
  }
  return { comment, files }
}
