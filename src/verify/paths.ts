import { MISSIONS_ROOT } from './changes.js'
import type { Problem } from './problem.js'
import type { PathKind, TreePath, VerifyPorts } from './ports.js'

/** The largest file GitHub's contents API serves with its content (1 MB). */
const MAX_META_BYTES = 1_048_576

const KIND_WORDS: Record<Exclude<PathKind, 'dir' | 'file'>, string> = {
  symlink: 'a symlink',
  submodule: 'a submodule'
}

/** What `kitty-specs/` holds at one commit: its entries by name. */
export interface MissionsView {
  /** What `kitty-specs` itself is; null when the commit has none. */
  kind: PathKind | null
  entries: Map<string, TreePath>
}

/** Reads `kitty-specs/` at `ref`, one level deep: two tree requests however many missions. */
export async function missionsAt(ports: VerifyPorts, ref: string): Promise<MissionsView> {
  const root = await ports.entryAt(ref, MISSIONS_ROOT)
  const listed = root?.kind === 'dir' ? await ports.listTree(root.sha, false) : null
  return {
    kind: root?.kind ?? null,
    entries: new Map((listed ?? []).map(entry => [entry.path, entry]))
  }
}

/** What the head commit holds for one mission directory, when it can be read safely. */
export type MissionPaths =
  /** A directory whose meta.json is a regular file small enough for GitHub to serve. */
  | { kind: 'readable' }
  /** A directory without meta.json. */
  | { kind: 'no-meta' }
  /** Not a mission: a plain file directly in `kitty-specs/` (e.g. a README). */
  | { kind: 'not-a-mission' }
  /** Paths that must not be there, each with a problem on its own file. */
  | { kind: 'refused'; problems: Problem[] }

function refusedPath(path: string, kind: PathKind, what: string): Problem {
  const word = kind === 'dir' ? 'a directory' : KIND_WORDS[kind as 'symlink' | 'submodule']
  return {
    message: `${path} is ${word}; ${what}`,
    line: 1,
    file: path
  }
}

/**
 * Checks what a mission directory is at the head commit before anything in it is read: it must
 * be a directory (not a symlink or submodule standing in its place, nor below a `kitty-specs`
 * that is one), hold no symlink or submodule at any depth, and its meta.json must be a regular
 * file small enough for GitHub to serve. A symlink is refused rather than followed: GitHub
 * serves the file it points at, so a symlinked meta.json could show another mission's.
 */
export async function checkMissionPaths(
  ports: VerifyPorts,
  head: MissionsView,
  name: string
): Promise<MissionPaths> {
  const dir = `${MISSIONS_ROOT}/${name}`
  if (head.kind !== null && head.kind !== 'dir') {
    return {
      kind: 'refused',
      problems: [refusedPath(MISSIONS_ROOT, head.kind, 'missions must live in a real directory.')]
    }
  }
  const entry = head.entries.get(name)
  if (entry === undefined) return { kind: 'no-meta' }
  if (entry.kind === 'file') return { kind: 'not-a-mission' }
  if (entry.kind !== 'dir') {
    return {
      kind: 'refused',
      problems: [
        refusedPath(dir, entry.kind, 'a mission must be a directory of files in this repository.')
      ]
    }
  }
  const paths = (await ports.listTree(entry.sha, true)) ?? []
  const problems = paths
    .filter(path => path.kind === 'symlink' || path.kind === 'submodule')
    .map(path =>
      refusedPath(
        `${dir}/${path.path}`,
        path.kind,
        'a mission holds only files of this repository.'
      )
    )
  const meta = paths.find(path => path.path === 'meta.json')
  if (meta?.kind === 'dir') {
    problems.push(refusedPath(`${dir}/meta.json`, 'dir', 'meta.json must be a file.'))
  } else if (meta?.kind === 'file' && (meta.size ?? 0) > MAX_META_BYTES) {
    problems.push({
      message: `${dir}/meta.json is ${meta.size} bytes, more than GitHub serves through its API (1 MB), so its provenance cannot be checked.`,
      line: 1,
      file: `${dir}/meta.json`
    })
  }
  if (problems.length > 0) return { kind: 'refused', problems }
  return meta === undefined ? { kind: 'no-meta' } : { kind: 'readable' }
}
