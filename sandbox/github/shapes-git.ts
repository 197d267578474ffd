import type { TreeEntry } from './git-store.js'
import { HTML_ROOT, nodeId } from './shapes-repo.js'
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

/** The `git-tree` shape; with `recursive`, every entry below the tree with its full path. */
export function treeJson(
  api: string,
  repo: SandboxRepo,
  sha: string,
  recursive: boolean
): Record<string, unknown> {
  const base = repoApi(api, repo)
  const entries: { path: string; entry: TreeEntry }[] = []
  const walk = (treeSha: string, prefix: string): void => {
    for (const entry of repo.git.tree(treeSha) ?? []) {
      entries.push({ path: `${prefix}${entry.name}`, entry })
      if (recursive && entry.type === 'tree') walk(entry.sha, `${prefix}${entry.name}/`)
    }
  }
  walk(sha, '')
  return {
    sha,
    url: `${base}/git/trees/${sha}`,
    tree: entries.map(({ path, entry }) => ({
      path,
      mode: entry.mode,
      type: entry.type,
      sha: entry.sha,
      ...(entry.type === 'blob'
        ? { size: repo.git.blob(entry.sha)?.length ?? 0, url: `${base}/git/blobs/${entry.sha}` }
        : { url: `${base}/git/trees/${entry.sha}` })
    })),
    truncated: false
  }
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
  const type = entry.type === 'tree' ? 'dir' : 'file'
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
    size: type === 'file' ? (repo.git.blob(entry.sha)?.length ?? 0) : 0,
    url: self,
    html_url: html,
    git_url: git,
    download_url: download,
    type,
    _links: { self, git, html }
  }
}

/** The `content-file` shape: the entry plus its content in base64, wrapped at 60 characters. */
export function fileJson(
  api: string,
  repo: SandboxRepo,
  path: string,
  entry: TreeEntry,
  ref: string
): Record<string, unknown> {
  const encoded = (repo.git.blob(entry.sha) ?? Buffer.alloc(0)).toString('base64')
  const wrapped = encoded.replace(/(.{60})/g, '$1\n')
  return {
    ...contentEntryJson(api, repo, path, entry, ref),
    content: wrapped.endsWith('\n') || wrapped === '' ? wrapped : `${wrapped}\n`,
    encoding: 'base64'
  }
}
