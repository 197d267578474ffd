import type { Role, SandboxRepo, SandboxUser } from './state.js'

/** Where the sandbox's web links point (GitHub's own host, so they read like real links). */
export const HTML_ROOT = 'https://github.com'

/** A legacy-style global node id (`MDQ6VXNlcjE=` is `04:User1`). */
export function nodeId(kind: string, id: number | string): string {
  return Buffer.from(`0${kind.length}:${kind}${id}`).toString('base64')
}

/** The `simple-user` shape of an account. */
export function userJson(api: string, user: SandboxUser): Record<string, unknown> {
  const url = `${api}/users/${encodeURIComponent(user.login)}`
  const html =
    user.type === 'Bot'
      ? `${HTML_ROOT}/apps/${user.login.replace(/\[bot\]$/, '')}`
      : `${HTML_ROOT}/${user.login}`
  return {
    login: user.login,
    id: user.id,
    node_id: nodeId(user.type === 'Bot' ? 'Bot' : 'User', user.id),
    avatar_url: `https://avatars.githubusercontent.com/u/${user.id}?v=4`,
    gravatar_id: '',
    url,
    html_url: html,
    followers_url: `${url}/followers`,
    following_url: `${url}/following{/other_user}`,
    gists_url: `${url}/gists{/gist_id}`,
    starred_url: `${url}/starred{/owner}{/repo}`,
    subscriptions_url: `${url}/subscriptions`,
    organizations_url: `${url}/orgs`,
    repos_url: `${url}/repos`,
    events_url: `${url}/events{/privacy}`,
    received_events_url: `${url}/received_events`,
    type: user.type,
    user_view_type: 'public',
    site_admin: false
  }
}

/** The boolean permission map GitHub derives from a role. */
export function permissionFlags(role: Role | undefined): Record<string, boolean> {
  const rank =
    role === undefined ? 5 : ['admin', 'maintain', 'write', 'triage', 'read'].indexOf(role)
  return {
    admin: rank <= 0,
    maintain: rank <= 1,
    push: rank <= 2,
    triage: rank <= 3,
    pull: rank <= 4
  }
}

/** The `collaborator` shape: a user plus the role they hold here. */
export function collaboratorJson(
  api: string,
  user: SandboxUser,
  role: Role | undefined,
  roleName: string
): Record<string, unknown> {
  return { ...userJson(api, user), permissions: permissionFlags(role), role_name: roleName }
}

function repositoryUrls(api: string, repo: SandboxRepo): Record<string, string> {
  const full = `${repo.owner}/${repo.name}`
  const url = `${api}/repos/${full}`
  return {
    html_url: `${HTML_ROOT}/${full}`,
    url,
    forks_url: `${url}/forks`,
    keys_url: `${url}/keys{/key_id}`,
    collaborators_url: `${url}/collaborators{/collaborator}`,
    teams_url: `${url}/teams`,
    hooks_url: `${url}/hooks`,
    issue_events_url: `${url}/issues/events{/number}`,
    events_url: `${url}/events`,
    assignees_url: `${url}/assignees{/user}`,
    branches_url: `${url}/branches{/branch}`,
    tags_url: `${url}/tags`,
    blobs_url: `${url}/git/blobs{/sha}`,
    git_tags_url: `${url}/git/tags{/sha}`,
    git_refs_url: `${url}/git/refs{/sha}`,
    trees_url: `${url}/git/trees{/sha}`,
    statuses_url: `${url}/statuses/{sha}`,
    languages_url: `${url}/languages`,
    stargazers_url: `${url}/stargazers`,
    contributors_url: `${url}/contributors`,
    subscribers_url: `${url}/subscribers`,
    subscription_url: `${url}/subscription`,
    commits_url: `${url}/commits{/sha}`,
    git_commits_url: `${url}/git/commits{/sha}`,
    comments_url: `${url}/comments{/number}`,
    issue_comment_url: `${url}/issues/comments{/number}`,
    contents_url: `${url}/contents/{+path}`,
    compare_url: `${url}/compare/{base}...{head}`,
    merges_url: `${url}/merges`,
    archive_url: `${url}/{archive_format}{/ref}`,
    downloads_url: `${url}/downloads`,
    issues_url: `${url}/issues{/number}`,
    pulls_url: `${url}/pulls{/number}`,
    milestones_url: `${url}/milestones{/number}`,
    notifications_url: `${url}/notifications{?since,all,participating}`,
    labels_url: `${url}/labels{/name}`,
    releases_url: `${url}/releases{/id}`,
    deployments_url: `${url}/deployments`,
    git_url: `git://github.com/${full}.git`,
    ssh_url: `git@github.com:${full}.git`,
    clone_url: `${HTML_ROOT}/${full}.git`,
    svn_url: `${HTML_ROOT}/${full}`
  }
}

/**
 * The `repository` shape (inside pull requests); with `full`, the `full-repository` shape that
 * `GET /repos/{owner}/{repo}` answers.
 */
export function repositoryJson(
  api: string,
  repo: SandboxRepo,
  owner: SandboxUser,
  full = false
): Record<string, unknown> {
  const openIssues = [...repo.issues.values()].filter(issue => issue.state === 'open').length
  const base: Record<string, unknown> = {
    id: repo.id,
    node_id: nodeId('Repository', repo.id),
    name: repo.name,
    full_name: `${repo.owner}/${repo.name}`,
    private: repo.private,
    owner: userJson(api, owner),
    description: repo.description,
    fork: false,
    ...repositoryUrls(api, repo),
    homepage: null,
    language: 'TypeScript',
    mirror_url: null,
    forks: 0,
    forks_count: 0,
    stargazers_count: 0,
    watchers: 0,
    watchers_count: 0,
    size: 0,
    default_branch: repo.defaultBranch,
    open_issues: openIssues,
    open_issues_count: openIssues,
    is_template: false,
    topics: [],
    has_issues: true,
    has_projects: false,
    has_wiki: false,
    has_pages: false,
    has_downloads: true,
    has_discussions: false,
    archived: false,
    disabled: false,
    visibility: repo.private ? 'private' : 'public',
    license: null,
    pushed_at: repo.createdAt,
    created_at: repo.createdAt,
    updated_at: repo.createdAt,
    allow_forking: true,
    web_commit_signoff_required: false
  }
  return full ? { ...base, network_count: 0, subscribers_count: 0 } : base
}
