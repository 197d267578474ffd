import { SYMLINK_MODE } from './git-store.js'
import type { TreeEntry } from './git-store.js'
import { HTML_ROOT, nodeId } from './shapes-repo.js'
import { CONTENTS_MAX_BYTES } from './state.js'
import type { SandboxRepo } from './state.js'

function repoApi(api: string, repo: SandboxRepo): string {
  return `${api}/repos/${repo.owner}/${repo.name}`
}

/** The `git-ref` shape of `refs/…` pointing at a commit. */
export function refJson(
  api: string,
  repo: SandboxRepo,
  ref: string,
  sha: string
): Record<string, unknown> {
  const base = repoApi(api, repo)
  return {
    ref,
    node_id: nodeId('Ref', `${repo.id}:${ref}`),
    url: `${base}/git/${ref}`,
    object: { sha, type: 'commit', url: `${base}/git/commits/${sha}` }
  }
}

/** The `git-commit` shape of a stored commit (throws when `sha` names no commit). */
export function commitJson(api: string, repo: SandboxRepo, sha: string): Record<string, unknown> {
  const commit = repo.git.commit(sha)
  if (commit === undefined) throw new Error(`no commit ${sha}`)
  const base = repoApi(api, repo)
  const html = `${HTML_ROOT}/${repo.owner}/${repo.name}/commit`
  return {
    sha,
    node_id: nodeId('Commit', `${repo.id}:${sha}`),
    url: `${base}/git/commits/${sha}`,
    html_url: `${html}/${sha}`,
    author: commit.author,
    committer: commit.committer,
    tree: { sha: commit.tree, url: `${base}/git/trees/${commit.tree}` },
    message: commit.message,
    parents: commit.parents.map(parent => ({
      sha: parent,
      url: `${base}/git/commits/${parent}`,
      html_url: `${html}/${parent}`
    })),
    verification: {
      verified: false,
      reason: 'unsigned',
      signature: null,
      payload: null,
      verified_at: null
    }
  }
}

/**
 * The `git-tree` shape; with `recursive`, every entry below the tree with its full path. Like
 * GitHub, a recursive listing longer than the repository's `treeEntryLimit` is cut there and
 * says `truncated: true`. Submodules are entries of type `commit` without size or url.
 */
export function treeJson(
  api: string,
  repo: SandboxRepo,
  sha: string,
  recursive: boolean
): Record<string, unknown> {
  const base = repoApi(api, repo)
  const limit = recursive ? repo.settings.treeEntryLimit : Infinity
  const entries: { path: string; entry: TreeEntry }[] = []
  const walk = (treeSha: string, prefix: string): void => {
    for (const entry of repo.git.tree(treeSha) ?? []) {
      if (entries.length > limit) return
      entries.push({ path: `${prefix}${entry.name}`, entry })
      if (recursive && entry.type === 'tree') walk(entry.sha, `${prefix}${entry.name}/`)
    }
  }
  walk(sha, '')
  return {
    sha,
    url: `${base}/git/trees/${sha}`,
    tree: entries.slice(0, limit).map(({ path, entry }) => ({
      path,
      mode: entry.mode,
      type: entry.type,
      sha: entry.sha,
      ...(entry.type === 'blob'
        ? { size: repo.git.blob(entry.sha)?.length ?? 0, url: `${base}/git/blobs/${entry.sha}` }
        : entry.type === 'tree'
          ? { url: `${base}/git/trees/${entry.sha}` }
          : {})
    })),
    truncated: entries.length > limit
  }
}

/** What the contents API calls an entry: submodules are `file` in listings, as on GitHub. */
function contentType(entry: TreeEntry): 'dir' | 'file' | 'symlink' {
  if (entry.type === 'tree') return 'dir'
  return entry.mode === SYMLINK_MODE ? 'symlink' : 'file'
}

/** The contents shape of one entry (without `content`), as directory listings hold them. */
export function contentEntryJson(
  api: string,
  repo: SandboxRepo,
  path: string,
  entry: TreeEntry,
  ref: string
): Record<string, unknown> {
  const base = repoApi(api, repo)
  const type = contentType(entry)
  const self = `${base}/contents/${path}?ref=${encodeURIComponent(ref)}`
  const git = `${base}/git/${entry.type === 'tree' ? 'trees' : 'blobs'}/${entry.sha}`
  const html = `${HTML_ROOT}/${repo.owner}/${repo.name}/${entry.type}/${ref}/${path}`
  const download =
    type === 'file'
      ? `https://raw.githubusercontent.com/${repo.owner}/${repo.name}/${ref}/${path}`
      : null
  return {
    name: path.split('/').pop() ?? path,
    path,
    sha: entry.sha,
    size: entry.type === 'blob' ? (repo.git.blob(entry.sha)?.length ?? 0) : 0,
    url: self,
    html_url: html,
    git_url: git,
    download_url: download,
    type,
    _links: { self, git, html }
  }
}

/**
 * The `content-file` shape: the entry plus its content in base64, wrapped at 60 characters. A
 * file over 1 MB comes without content (`encoding: "none"`, `content: ""`), as on GitHub.
 */
export function fileJson(
  api: string,
  repo: SandboxRepo,
  path: string,
  entry: TreeEntry,
  ref: string
): Record<string, unknown> {
  const blob = repo.git.blob(entry.sha) ?? Buffer.alloc(0)
  const listed = contentEntryJson(api, repo, path, entry, ref)
  if (blob.length > CONTENTS_MAX_BYTES) return { ...listed, content: '', encoding: 'none' }
  const encoded = blob.toString('base64')
  const wrapped = encoded.replace(/(.{60})/g, '$1\n')
  return {
    ...listed,
    content: wrapped.endsWith('\n') || wrapped === '' ? wrapped : `${wrapped}\n`,
    encoding: 'base64'
  }
}

/** The `content-symlink` shape of a symlink whose target is not a file of the repository. */
export function symlinkJson(
  api: string,
  repo: SandboxRepo,
  path: string,
  entry: TreeEntry,
  ref: string
): Record<string, unknown> {
  const target = repo.git.blob(entry.sha)?.toString('utf8') ?? ''
  return { ...contentEntryJson(api, repo, path, entry, ref), type: 'symlink', target }
}

/** The `content-submodule` shape. */
export function submoduleJson(
  api: string,
  repo: SandboxRepo,
  path: string,
  entry: TreeEntry,
  ref: string
): Record<string, unknown> {
  return {
    ...contentEntryJson(api, repo, path, entry, ref),
    type: 'submodule',
    download_url: null,
    submodule_git_url: `https://github.com/${repo.owner}/${path.split('/').pop() ?? path}.git`
  }
}
