/**
 * A commit as `git archive --format=tar --prefix=<top>/ <commit>` writes it, byte for byte (git's
 * archive-tar.c with the default `tar.umask` 002, no `.gitattributes`): a pax global header with
 * the commit id, ustar headers owned by root with the commit time, a directory entry before the
 * first thing inside it, the prefix field or a pax `path` record for a path over 100 bytes, a
 * pax `linkpath` record for a symlink target over 100 bytes, submodules as empty directories,
 * and the end padded to a 10,240-byte block with at least two zero records.
 */
import type { GitStore } from './git-store.js'
import { SUBMODULE_MODE, SYMLINK_MODE } from './git-store.js'

const RECORD = 512
const BLOCK = 20 * RECORD
const UMASK = 0o002
const NAME_BYTES = 100
const PREFIX_BYTES = 155

/** A pax record, `"<length> <key>=<value>\n"`, its length counted as git counts it. */
export function paxRecord(key: string, value: Buffer): Buffer {
  let length = 1 + 1 + Buffer.byteLength(key) + 1 + value.length + 1
  for (let digits = length; digits > 9; digits = Math.floor(digits / 10)) length += 1
  return Buffer.concat([Buffer.from(`${length} ${key}=`), value, Buffer.from('\n')])
}

function octal(value: number, digits: number): string {
  return value.toString(8).padStart(digits, '0')
}

/** A ustar header with git's fields: octal numbers, root as owner, the checksum last. */
export function ustarHeader(fields: {
  name: Buffer
  prefix?: Buffer
  mode: number
  size: number
  mtime: number
  type: string
  linkname?: Buffer
}): Buffer {
  const header = Buffer.alloc(RECORD)
  fields.name.copy(header, 0)
  header.write(octal(fields.mode & 0o7777, 7), 100, 'latin1')
  header.write(octal(0, 7), 108, 'latin1')
  header.write(octal(0, 7), 116, 'latin1')
  header.write(octal(fields.size, 11), 124, 'latin1')
  header.write(octal(fields.mtime, 11), 136, 'latin1')
  header.write(fields.type, 156, 'latin1')
  fields.linkname?.copy(header, 157)
  header.write('ustar\u000000', 257, 'latin1')
  header.write('root', 265, 'latin1')
  header.write('root', 297, 'latin1')
  header.write(octal(0, 7), 329, 'latin1')
  header.write(octal(0, 7), 337, 'latin1')
  fields.prefix?.copy(header, 345)
  let sum = 8 * 0x20
  for (let at = 0; at < RECORD; at += 1) if (at < 148 || at >= 156) sum += header.readUInt8(at)
  header.write(octal(sum, 7), 148, 'latin1')
  return header
}

/** Data padded with zeros to whole records. */
function padded(data: Buffer): Buffer {
  const rest = data.length % RECORD
  return rest === 0 ? data : Buffer.concat([data, Buffer.alloc(RECORD - rest)])
}

/** Where git splits a long path between the prefix and the name fields (0: nowhere). */
function prefixLength(path: Buffer): number {
  let at = path.length
  if (at > 1 && path[at - 1] === 0x2f) at -= 1
  at = Math.min(at, PREFIX_BYTES)
  do at -= 1
  while (at > 0 && path[at] !== 0x2f)
  return at
}

/** Git's tar writer over one store and commit. */
class TarWriter {
  readonly chunks: Buffer[] = []

  constructor(
    private readonly git: GitStore,
    private readonly mtime: number
  ) {}

  /** The pax global header naming the archived commit. */
  globalHeader(commit: string): void {
    const body = paxRecord('comment', Buffer.from(commit))
    const name = Buffer.from('pax_global_header')
    this.chunks.push(
      ustarHeader({ name, mode: 0o100666, size: body.length, mtime: this.mtime, type: 'g' }),
      padded(body)
    )
  }

  /** One entry (`path` ends with `/` for a directory or submodule) with git's mode bits. */
  entry(oid: string, path: Buffer, gitMode: string): void {
    const symlink = gitMode === SYMLINK_MODE
    const directory = gitMode === '040000' || gitMode === SUBMODULE_MODE
    const data = symlink || directory ? undefined : this.git.blob(oid)
    let mode = 0o777
    if (directory) mode &= ~UMASK
    else if (!symlink) mode = (gitMode === '100755' ? 0o777 : 0o666) & ~UMASK
    const records: Buffer[] = []
    let name = path
    let prefix: Buffer | undefined
    if (path.length > NAME_BYTES) {
      const split = prefixLength(path)
      if (split > 0 && path.length - split - 1 <= NAME_BYTES) {
        prefix = path.subarray(0, split)
        name = path.subarray(split + 1)
      } else {
        name = Buffer.from(`${oid}.data`)
        records.push(paxRecord('path', path))
      }
    }
    let linkname: Buffer | undefined
    if (symlink) {
      const target = this.git.blob(oid) ?? Buffer.alloc(0)
      linkname = target.length > NAME_BYTES ? Buffer.from(`see ${oid}.paxheader`) : target
      if (target.length > NAME_BYTES) records.push(paxRecord('linkpath', target))
    }
    const mtime = this.mtime
    if (records.length > 0) {
      const body = Buffer.concat(records)
      const paxName = Buffer.from(`${oid}.paxheader`)
      this.chunks.push(
        ustarHeader({ name: paxName, mode: 0o666, size: body.length, mtime, type: 'x' }),
        padded(body)
      )
    }
    const type = directory ? '5' : symlink ? '2' : '0'
    const size = data?.length ?? 0
    this.chunks.push(ustarHeader({ name, prefix, mode, size, mtime, type, linkname }))
    if (data !== undefined && data.length > 0) this.chunks.push(padded(data))
  }

  /** Directories entered but not written yet: git writes one just before its first entry. */
  private queued: { oid: string; path: string }[] = []

  /** The entries below a tree, in tree order; a directory holding nothing is not written. */
  tree(sha: string, base: string): void {
    for (const child of this.git.tree(sha) ?? []) {
      const path = `${base}${child.name}`
      if (child.type === 'tree') {
        const dir = { oid: child.sha, path: `${path}/` }
        this.queued.push(dir)
        this.tree(child.sha, dir.path)
        this.queued = this.queued.filter(queued => queued !== dir)
        continue
      }
      for (const dir of this.queued.splice(0)) this.entry(dir.oid, Buffer.from(dir.path), '040000')
      const leafPath = child.mode === SUBMODULE_MODE ? `${path}/` : path
      this.entry(child.sha, Buffer.from(leafPath), child.mode)
    }
  }

  /** The end of the archive: zeros up to a whole block, with at least two zero records. */
  trailer(): Buffer {
    const used = this.chunks.reduce((sum, chunk) => sum + chunk.length, 0) % BLOCK
    const tail = BLOCK - used
    return Buffer.concat([...this.chunks, Buffer.alloc(tail < 2 * RECORD ? tail + BLOCK : tail)])
  }
}

/** The tar archive of a commit under the top directory `top` (`<owner>-<repo>-<sha7>`). */
export function gitArchive(git: GitStore, commit: string, top: string): Buffer {
  const object = git.commit(commit)
  if (object === undefined) throw new Error(`The sandbox store lacks commit ${commit}.`)
  const writer = new TarWriter(git, Math.floor(Date.parse(object.committer.date) / 1000))
  writer.globalHeader(commit)
  writer.entry(object.tree, Buffer.from(`${top}/`), '040000')
  writer.tree(object.tree, `${top}/`)
  return writer.trailer()
}
