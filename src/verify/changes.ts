/** Where spec-kitty keeps its missions, one directory each. */
export const MISSIONS_ROOT = 'kitty-specs'

/** A file a pull request changes (the fields verification reads). */
export interface ChangedFile {
  path: string
  /** GitHub's word for the change: added, removed, modified, renamed, copied, changed, unchanged. */
  status: string
  /** The path before a rename. */
  previousPath?: string
}

/** A mission directory the pull request touches. */
export interface ChangedMission {
  /** `kitty-specs/<name>`. */
  dir: string
  name: string
  /** The changed paths under the directory that exist at the pull request's head, sorted. */
  paths: string[]
  /** True when the pull request only removes files there (or moves them away). */
  removed: boolean
}

/** The mission directory name of `path` (`kitty-specs/<name>/…`), or null for any other path. */
export function missionNameOf(path: string): string | null {
  const [root, name, ...rest] = path.split('/')
  if (root !== MISSIONS_ROOT || rest.length === 0) return null
  return name === undefined || name === '' || name === '.' || name === '..' ? null : name
}

/**
 * The names of entries directly in `kitty-specs/` that the pull request adds or changes, sorted:
 * where a mission directory would stand, a symlink or submodule may stand instead.
 */
export function changedTopEntries(files: readonly ChangedFile[]): string[] {
  const names = new Set<string>()
  for (const file of files) {
    const [root, name, ...rest] = file.path.split('/')
    if (root === MISSIONS_ROOT && name !== undefined && rest.length === 0) {
      if (file.status !== 'removed') names.add(name)
    }
  }
  return [...names].sort()
}

/**
 * Groups a pull request's changed files by mission directory, sorted by directory. A rename
 * counts for both sides: as a change of the new directory and a removal from the old one.
 * Files directly in `kitty-specs/` and outside it belong to no mission.
 */
export function changedMissions(files: readonly ChangedFile[]): ChangedMission[] {
  const byName = new Map<string, Set<string>>()
  const touch = (path: string, kept: boolean): void => {
    const name = missionNameOf(path)
    if (name === null) return
    const paths = byName.get(name) ?? new Set<string>()
    if (kept) paths.add(path)
    byName.set(name, paths)
  }
  for (const file of files) {
    touch(file.path, file.status !== 'removed')
    if (file.status === 'renamed' && file.previousPath !== undefined) {
      touch(file.previousPath, false)
    }
  }
  return [...byName.entries()]
    .sort(([a], [b]) => (a < b ? -1 : 1))
    .map(([name, paths]) => ({
      dir: `${MISSIONS_ROOT}/${name}`,
      name,
      paths: [...paths].sort(),
      removed: paths.size === 0
    }))
}
