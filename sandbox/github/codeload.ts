/**
 * The sandbox's codeload: GitHub answers `GET /repos/{owner}/{repo}/tarball/{ref}` with a 302 to
 * `https://codeload.github.com/<owner>/<repo>/legacy.tar.gz/<ref>` (for a private repository
 * with a `token` that expires after five minutes), which serves `git archive` output, gzipped.
 * Here the link points at `/_codeload/…` on the sandbox's own origin (as GitHub Enterprise
 * Server without subdomains does). It needs no `authorization` header: fetch drops that header
 * on a redirect to another origin, so a client must not depend on it.
 */
import { randomBytes } from 'node:crypto'
import { gzipSync } from 'node:zlib'
import { gitArchive } from './git-archive.js'
import type { Reply } from './reply.js'
import { findRepo, resolveCommitish } from './state.js'
import type { SandboxGitHubState, SandboxRepo } from './state.js'

/** Where the sandbox serves archives. */
export const CODELOAD_PATH = '/_codeload/'

const LINK_LIFETIME_MS = 5 * 60_000
const ARCHIVE_PATH = /^\/_codeload\/([^/]+)\/([^/]+)\/legacy\.tar\.gz\/(.+)$/

/** A branch or tag by its full name, as GitHub writes it in an archive link; a commit id as is. */
function linkRef(repo: SandboxRepo, ref: string): string {
  for (const full of [`refs/heads/${ref}`, `refs/tags/${ref}`]) {
    if (repo.refs.has(full)) return full
  }
  return ref
}

function decoded(part: string): string | undefined {
  try {
    return decodeURIComponent(part)
  } catch {
    return undefined
  }
}

/** The archive link GitHub redirects a tarball request of `ref` (which exists) to. */
export function archiveLink(
  state: SandboxGitHubState,
  api: string,
  repo: SandboxRepo,
  ref: string
): string {
  const path = linkRef(repo, ref).split('/').map(encodeURIComponent).join('/')
  const url = new URL(
    `${CODELOAD_PATH}${encodeURIComponent(repo.owner)}/${encodeURIComponent(repo.name)}/legacy.tar.gz/${path}`,
    api
  )
  if (repo.private) {
    const token = randomBytes(16).toString('hex')
    const expiresAt = state.now().getTime() + LINK_LIFETIME_MS
    state.archiveLinks.set(token, { repo: `${repo.owner}/${repo.name}`.toLowerCase(), expiresAt })
    url.searchParams.set('token', token)
  }
  return url.toString()
}

/** True when the request may read the repository: public, or a live token for it. */
function admitted(state: SandboxGitHubState, repo: SandboxRepo, url: URL): boolean {
  if (!repo.private) return true
  const link = state.archiveLinks.get(url.searchParams.get('token') ?? '')
  return (
    link !== undefined &&
    link.repo === `${repo.owner}/${repo.name}`.toLowerCase() &&
    link.expiresAt > state.now().getTime()
  )
}

/**
 * codeload's answer to an archive link: the `.tar.gz` of the commit the ref names, or its
 * plain-text 404 for an unknown repository or ref and for a private repository's link without
 * a live token.
 */
export function serveArchive(state: SandboxGitHubState, url: URL): Reply {
  const notFound: Reply = {
    status: 404,
    body: '404: Not Found',
    headers: { 'content-type': 'text/plain; charset=utf-8' }
  }
  const [, owner = '', name = '', ref = ''] = ARCHIVE_PATH.exec(url.pathname) ?? []
  const repo = findRepo(state, decoded(owner) ?? '', decoded(name) ?? '')
  if (repo === undefined || !admitted(state, repo, url)) return notFound
  const sha = resolveCommitish(repo, decoded(ref) ?? '')
  if (sha === undefined) return notFound
  const top = `${repo.owner}-${repo.name}-${sha.slice(0, 7)}`
  return {
    status: 200,
    body: gzipSync(gitArchive(repo.git, sha, top)),
    headers: {
      'content-type': 'application/x-gzip',
      'content-disposition': `attachment; filename=${top}.tar.gz`
    }
  }
}
