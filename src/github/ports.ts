import type { ConversationApi, RepositoryApi } from '../flows/ports.js'
import type { GitHubApi, RepoRef } from './client.js'
import { addReaction, createComment, findNewestComments, updateComment } from './comments.js'
import { createClaim, deleteClaim, readClaim } from './claims.js'
import { createCommit, getCommitTree } from './commit.js'
import { getPermission } from './permission.js'
import {
  findOpenPullRequestsByHeadPrefix,
  findPullRequestForBranch,
  openPullRequest
} from './pulls.js'
import { createBranch, getBranchHead } from './refs.js'
import { listDirectory, readTextFile } from './repo.js'

/** The flows' view of the issue conversation, over the GitHub REST API. */
export function gitHubConversation(api: GitHubApi, repo: RepoRef): ConversationApi {
  return {
    addReaction: (commentId, reaction) => addReaction(api, repo, commentId, reaction),
    async createComment(issueNumber, body) {
      const comment = await createComment(api, repo, issueNumber, body)
      return { id: comment.id, url: comment.url }
    },
    async updateComment(commentId, body) {
      await updateComment(api, repo, commentId, body)
    },
    async *newestComments(issueNumber, totalComments) {
      for await (const comment of findNewestComments(api, repo, issueNumber, totalComments)) {
        yield {
          id: comment.id,
          body: comment.body,
          author: {
            login: comment.author?.login ?? 'ghost',
            isBot: comment.author?.type === 'Bot'
          },
          createdAtMs: Date.parse(comment.createdAt)
        }
      }
    }
  }
}

/** The flows' view of the repository, over the GitHub REST API. */
export function gitHubRepository(
  api: GitHubApi,
  repo: RepoRef,
  onPermissionError?: (message: string) => void
): RepositoryApi {
  return {
    permissionOf: login =>
      getPermission(api, repo, login, error => onPermissionError?.(error.message)),
    readFile: (path, ref) => readTextFile(api, repo, path, ref),
    listDirectory: (path, ref) => listDirectory(api, repo, path, ref, 'dir'),
    branchHead: branch => getBranchHead(api, repo, branch),
    createBranch: (branch, sha) => createBranch(api, repo, branch, sha),
    createCommit: request => createCommit(api, repo, request),
    createClaim: (name, text) => createClaim(api, repo, name, text),
    readClaim: name => readClaim(api, repo, name),
    deleteClaim: name => deleteClaim(api, repo, name),
    commitTree: sha => getCommitTree(api, repo, sha),
    async openPullRequestsFrom(prefix) {
      const pulls = await findOpenPullRequestsByHeadPrefix(api, repo, prefix)
      return pulls.map(pull => ({ number: pull.number, url: pull.url }))
    },
    async findPullRequest(head) {
      const pull = await findPullRequestForBranch(api, repo, head)
      return pull === null ? null : { number: pull.number, url: pull.url }
    },
    async openPullRequest(request) {
      const pull = await openPullRequest(api, repo, request)
      return { number: pull.number, url: pull.url, existed: pull.existed }
    }
  }
}
