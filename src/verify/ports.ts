import type { Log } from '../log.js'
import type { SaasPort } from '../origin/ports.js'
import type { ChangedFile } from './changes.js'

/** Where an annotation points: a file of the pull request and a line of it. */
export interface AnnotationProperties {
  title: string
  file: string
  startLine: number
}

/** Where verification writes its findings (`core.error` / `core.notice` on a runner). */
export interface AnnotationSink {
  error(message: string, properties: AnnotationProperties): void
  notice(message: string, properties: AnnotationProperties): void
}

/** The files a pull request changes, and whether that is all of them. */
export interface ChangedFiles {
  files: ChangedFile[]
  /** False when the list stopped at its source's limit (GitHub lists at most 3,000 files). */
  complete: boolean
}

/** What a path of the repository is: a directory, a regular file, a symlink or a submodule. */
export type PathKind = 'dir' | 'file' | 'symlink' | 'submodule'

/** One path of a Git tree, relative to the tree it was listed from. */
export interface TreePath {
  path: string
  kind: PathKind
  /** The object id (of the tree for a directory). */
  sha: string
  /** Bytes of a file or symlink. */
  size?: number
}

/** What verifying a pull request needs from the outside world. */
export interface VerifyPorts {
  /** The files the pull request changes. */
  listChangedFiles(pullNumber: number): Promise<ChangedFiles>
  /** A file's text at a ref (branch or sha); null when there is none. */
  readFile(path: string, ref: string): Promise<string | null>
  /** The entry at `path` at a ref (branch or sha); null when nothing is there. */
  entryAt(ref: string, path: string): Promise<TreePath | null>
  /**
   * The entries of the directory `sha` (from `entryAt` or an earlier listing), complete
   * however many there are; with `recursive`, every path below it.
   */
  listTree(sha: string, recursive: boolean): Promise<TreePath[] | null>
  /** The Spec Kitty SaaS, when its inputs are set; without it tickets are not re-checked. */
  saas?: Pick<SaasPort, 'searchIssues'>
  annotations: AnnotationSink
  log: Pick<Log, 'info' | 'warning'>
}
