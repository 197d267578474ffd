/**
 * Every GitHub REST operation the sandbox serves — exactly the calls kitty-origin makes — as
 * `METHOD path` (GitHub's OpenAPI path template) → the documentation URL GitHub puts in its error
 * bodies. `scripts/extract-github-openapi.ts` extracts the response schemas of these operations
 * and `__tests__/sandbox/github-openapi.test.ts` checks the sandbox's answers against them.
 */
export const SANDBOX_GITHUB_OPERATIONS = {
  'GET /repos/{owner}/{repo}': 'https://docs.github.com/rest/repos/repos#get-a-repository',
  'GET /repos/{owner}/{repo}/collaborators/{username}/permission':
    'https://docs.github.com/rest/collaborators/collaborators#get-repository-permissions-for-a-user',
  'GET /repos/{owner}/{repo}/contents/{path}':
    'https://docs.github.com/rest/repos/contents#get-repository-content',
  'GET /repos/{owner}/{repo}/tarball/{ref}':
    'https://docs.github.com/rest/repos/contents#download-a-repository-archive-tar',
  'GET /repos/{owner}/{repo}/git/ref/{ref}':
    'https://docs.github.com/rest/git/refs#get-a-reference',
  'POST /repos/{owner}/{repo}/git/refs': 'https://docs.github.com/rest/git/refs#create-a-reference',
  'PATCH /repos/{owner}/{repo}/git/refs/{ref}':
    'https://docs.github.com/rest/git/refs#update-a-reference',
  'DELETE /repos/{owner}/{repo}/git/refs/{ref}':
    'https://docs.github.com/rest/git/refs#delete-a-reference',
  'GET /repos/{owner}/{repo}/git/commits/{commit_sha}':
    'https://docs.github.com/rest/git/commits#get-a-commit-object',
  'POST /repos/{owner}/{repo}/git/commits':
    'https://docs.github.com/rest/git/commits#create-a-commit',
  'GET /repos/{owner}/{repo}/git/trees/{tree_sha}':
    'https://docs.github.com/rest/git/trees#get-a-tree',
  'POST /repos/{owner}/{repo}/git/trees': 'https://docs.github.com/rest/git/trees#create-a-tree',
  'GET /repos/{owner}/{repo}/issues/{issue_number}/comments':
    'https://docs.github.com/rest/issues/comments#list-issue-comments',
  'POST /repos/{owner}/{repo}/issues/{issue_number}/comments':
    'https://docs.github.com/rest/issues/comments#create-an-issue-comment',
  'GET /repos/{owner}/{repo}/issues/comments/{comment_id}':
    'https://docs.github.com/rest/issues/comments#get-an-issue-comment',
  'PATCH /repos/{owner}/{repo}/issues/comments/{comment_id}':
    'https://docs.github.com/rest/issues/comments#update-an-issue-comment',
  'POST /repos/{owner}/{repo}/issues/comments/{comment_id}/reactions':
    'https://docs.github.com/rest/reactions/reactions#create-reaction-for-an-issue-comment',
  'POST /repos/{owner}/{repo}/issues/{issue_number}/labels':
    'https://docs.github.com/rest/issues/labels#add-labels-to-an-issue',
  'GET /repos/{owner}/{repo}/pulls': 'https://docs.github.com/rest/pulls/pulls#list-pull-requests',
  'POST /repos/{owner}/{repo}/pulls':
    'https://docs.github.com/rest/pulls/pulls#create-a-pull-request',
  'GET /repos/{owner}/{repo}/pulls/{pull_number}':
    'https://docs.github.com/rest/pulls/pulls#get-a-pull-request',
  'GET /repos/{owner}/{repo}/pulls/{pull_number}/files':
    'https://docs.github.com/rest/pulls/pulls#list-pull-requests-files'
} as const

/** One served operation, e.g. `'GET /repos/{owner}/{repo}'`. */
export type SandboxGitHubOperation = keyof typeof SANDBOX_GITHUB_OPERATIONS
