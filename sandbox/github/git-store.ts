import { createHash } from 'node:crypto'

/** Author or committer of a commit; `date` is ISO 8601 in UTC with seconds (`…T10:00:00Z`). */
export interface GitSignature {
  name: string
  email: string
  date: string
}

/**
 * One entry of a tree, as the REST API names it: `mode` `040000` for trees, `120000` for a
 * symlink (a blob holding its target), `160000` for a submodule (type `commit`, the id of a
 * commit in another repository).
 */
export interface TreeEntry {
  name: string
  mode: string
  type: 'blob' | 'tree' | 'commit'
  sha: string
}

/** The mode of a symlink. */
export const SYMLINK_MODE = '120000'
/** The mode of a submodule. */
export const SUBMODULE_MODE = '160000'

/**
 * A leaf of a tree flattened to its full path: a blob (`mode` `100644`, `100755` or `120000`)
 * or a submodule (`160000`).
 */
export interface FlatEntry {
  mode: string
  sha: string
}

/** A commit object. */
export interface CommitObject {
  type: 'commit'
  tree: string
  parents: string[]
  message: string
  author: GitSignature
  committer: GitSignature
}

/** Anything the store holds. */
export type GitObject =
  { type: 'blob'; content: Buffer } | { type: 'tree'; entries: TreeEntry[] } | CommitObject

/** Git's order of tree entries: by name, a tree's name compared as if it ended in `/`. */
function gitOrder(a: TreeEntry, b: TreeEntry): number {
  const key = (entry: TreeEntry): Buffer =>
    Buffer.from(entry.type === 'tree' ? `${entry.name}/` : entry.name)
  return Buffer.compare(key(a), key(b))
}

function signatureLine(role: string, signature: GitSignature): string {
  const seconds = Math.floor(Date.parse(signature.date) / 1000)
  return `${role} ${signature.name} <${signature.email}> ${seconds} +0000`
}

/**
 * An in-memory git object database. Object ids are computed exactly as git computes them
 * (SHA-1 of `<type> <length>\0<body>`), so equal content always gets the same id.
 */
export class GitStore {
  private readonly objects = new Map<string, GitObject>()
  private readonly bodies = new Map<string, Buffer>()

  private put(type: GitObject['type'], body: Buffer, object: GitObject): string {
    const header = Buffer.from(`${type} ${body.length}\0`)
    const sha = createHash('sha1')
      .update(Buffer.concat([header, body]))
      .digest('hex')
    if (!this.objects.has(sha)) {
      this.objects.set(sha, object)
      this.bodies.set(sha, body)
    }
    return sha
  }

  /** The object's type and its body exactly as git hashes it (without the header), if any. */
  raw(sha: string): { type: GitObject['type']; body: Buffer } | undefined {
    const object = this.objects.get(sha)
    const body = this.bodies.get(sha)
    return object === undefined || body === undefined ? undefined : { type: object.type, body }
  }

  /** Stores a blob; returns its id. */
  putBlob(content: string | Buffer): string {
    const buffer = typeof content === 'string' ? Buffer.from(content, 'utf8') : content
    return this.put('blob', buffer, { type: 'blob', content: buffer })
  }

  /** Stores a tree (entries in any order); returns its id. */
  putTree(entries: readonly TreeEntry[]): string {
    const sorted = [...entries].sort(gitOrder)
    const body = Buffer.concat(
      sorted.map(entry =>
        Buffer.concat([
          Buffer.from(`${entry.mode.replace(/^0+/, '')} ${entry.name}\0`),
          Buffer.from(entry.sha, 'hex')
        ])
      )
    )
    return this.put('tree', body, { type: 'tree', entries: sorted })
  }

  /** Stores a commit; returns its id. */
  putCommit(commit: Omit<CommitObject, 'type'>): string {
    const lines = [
      `tree ${commit.tree}`,
      ...commit.parents.map(parent => `parent ${parent}`),
      signatureLine('author', commit.author),
      signatureLine('committer', commit.committer),
      '',
      commit.message
    ]
    return this.put('commit', Buffer.from(lines.join('\n')), { type: 'commit', ...commit })
  }

  /** The object with this id, if any. */
  get(sha: string): GitObject | undefined {
    return this.objects.get(sha)
  }

  /** The blob's content, if `sha` names a blob. */
  blob(sha: string): Buffer | undefined {
    const object = this.objects.get(sha)
    return object?.type === 'blob' ? object.content : undefined
  }

  /** The tree's entries, if `sha` names a tree. */
  tree(sha: string): TreeEntry[] | undefined {
    const object = this.objects.get(sha)
    return object?.type === 'tree' ? object.entries : undefined
  }

  /** The commit, if `sha` names a commit. */
  commit(sha: string): CommitObject | undefined {
    const object = this.objects.get(sha)
    return object?.type === 'commit' ? object : undefined
  }

  /** Every blob under a tree, keyed by full path. */
  flatten(treeSha: string, prefix = ''): Map<string, FlatEntry> {
    const flat = new Map<string, FlatEntry>()
    for (const entry of this.tree(treeSha) ?? []) {
      const path = `${prefix}${entry.name}`
      if (entry.type === 'tree') {
        for (const [inner, leaf] of this.flatten(entry.sha, `${path}/`)) flat.set(inner, leaf)
      } else {
        flat.set(path, { mode: entry.mode, sha: entry.sha })
      }
    }
    return flat
  }

  /** Stores the nested trees that hold exactly these paths; returns the root tree's id. */
  buildTree(flat: ReadonlyMap<string, FlatEntry>): string {
    const here: TreeEntry[] = []
    const below = new Map<string, Map<string, FlatEntry>>()
    for (const [path, leaf] of flat) {
      const slash = path.indexOf('/')
      if (slash === -1) {
        here.push({ name: path, type: leaf.mode === SUBMODULE_MODE ? 'commit' : 'blob', ...leaf })
        continue
      }
      const directory = path.slice(0, slash)
      const children = below.get(directory) ?? new Map<string, FlatEntry>()
      children.set(path.slice(slash + 1), leaf)
      below.set(directory, children)
    }
    for (const [name, children] of below) {
      here.push({ name, mode: '040000', type: 'tree', sha: this.buildTree(children) })
    }
    return this.putTree(here)
  }

  /** The entry at `path` under a tree (`''` is the tree itself), if any. */
  lookup(treeSha: string, path: string): TreeEntry | undefined {
    const root: TreeEntry = { name: '', mode: '040000', type: 'tree', sha: treeSha }
    const parts = path.split('/').filter(part => part !== '')
    let current: TreeEntry | undefined = root
    for (const part of parts) {
      if (current?.type !== 'tree') return undefined
      current = this.tree(current.sha)?.find(entry => entry.name === part)
    }
    return current
  }

  /** Every commit reachable from `sha` (itself included), nearest first. */
  ancestors(sha: string): string[] {
    const seen = new Set<string>()
    const queue = [sha]
    for (let next = queue.shift(); next !== undefined; next = queue.shift()) {
      const commit = this.commit(next)
      if (commit === undefined || seen.has(next)) continue
      seen.add(next)
      queue.push(...commit.parents)
    }
    return [...seen]
  }

  /** True when `ancestor` is `descendant` or reachable from it. */
  isAncestor(ancestor: string, descendant: string): boolean {
    return this.ancestors(descendant).includes(ancestor)
  }

  /** The nearest commit reachable from both, if any. */
  mergeBase(a: string, b: string): string | undefined {
    const fromB = new Set(this.ancestors(b))
    return this.ancestors(a).find(sha => fromB.has(sha))
  }
}
