import { afterAll, beforeAll, describe, expect, it } from '@jest/globals'
import type { GitHubApi } from '../../src/github/client.js'
import { listPullRequestFiles, PULL_FILES_PER_PAGE } from '../../src/github/pull-files.js'
import { openPullRequest } from '../../src/github/pulls.js'
import { startSandboxClient, WEBAPP } from './sandbox-client.js'
import type { SandboxClient } from './sandbox-client.js'

let sandbox: SandboxClient
beforeAll(async () => {
  sandbox = await startSandboxClient()
})
afterAll(async () => {
  await sandbox.gh.close()
})

async function pullWith(branch: string, files: Record<string, string | null>): Promise<number> {
  sandbox.gh.pushFiles('acme/webapp', branch, files)
  const pull = await openPullRequest(sandbox.client, WEBAPP, {
    head: branch,
    base: 'main',
    title: branch,
    body: '',
    draft: false,
    labels: []
  })
  return pull.number
}

describe('listPullRequestFiles', () => {
  it('lists added, modified and removed files of a pull request', async () => {
    const number = await pullWith('feature/small', {
      'kitty-specs/web-1/meta.json': '{}\n',
      'README.md': '# changed\n',
      'src/app.ts': null
    })
    await expect(listPullRequestFiles(sandbox.client, WEBAPP, number)).resolves.toEqual([
      { path: 'README.md', status: 'modified' },
      { path: 'kitty-specs/web-1/meta.json', status: 'added' },
      { path: 'src/app.ts', status: 'removed' }
    ])
  })

  it('follows the Link header over every page of 100', async () => {
    const files = Object.fromEntries(
      Array.from({ length: 2 * PULL_FILES_PER_PAGE + 5 }, (_, index) => [
        `docs/page-${String(index).padStart(3, '0')}.md`,
        `${index}\n`
      ])
    )
    const number = await pullWith('feature/large', files)
    const before = sandbox.seen('GET', /\/pulls\/\d+\/files$/)
    const listed = await listPullRequestFiles(sandbox.client, WEBAPP, number)
    expect(listed).toHaveLength(205)
    expect(listed.at(-1)).toEqual({ path: 'docs/page-204.md', status: 'added' })
    expect(sandbox.seen('GET', /\/pulls\/\d+\/files$/) - before).toBe(3)
    const pages = sandbox.gh.requests
      .filter(request => /\/pulls\/\d+\/files\?/.test(request.path))
      .slice(-3)
      .map(request => new URL(request.path, 'http://x').searchParams)
    expect(pages.map(query => [query.get('page'), query.get('per_page')])).toEqual([
      ['1', '100'],
      ['2', '100'],
      ['3', '100']
    ])
  })

  it('names the previous path of a renamed file', async () => {
    const api: GitHubApi = {
      request: (() =>
        Promise.resolve({
          data: [
            {
              filename: 'kitty-specs/b/meta.json',
              status: 'renamed',
              previous_filename: 'kitty-specs/a/meta.json'
            }
          ],
          headers: {}
        })) as unknown as GitHubApi['request']
    }
    await expect(listPullRequestFiles(api, WEBAPP, 1)).resolves.toEqual([
      {
        path: 'kitty-specs/b/meta.json',
        status: 'renamed',
        previousPath: 'kitty-specs/a/meta.json'
      }
    ])
  })

  it('stops when a Link header points back at a page already read', async () => {
    let calls = 0
    const api: GitHubApi = {
      request: (() => {
        calls += 1
        return Promise.resolve({
          data: [],
          headers: { link: '<https://api.github.com/x?page=1>; rel="next"' }
        })
      }) as unknown as GitHubApi['request']
    }
    await expect(listPullRequestFiles(api, WEBAPP, 1)).resolves.toEqual([])
    expect(calls).toBe(1)
  })

  it('fails with a sentence naming the pull request and the permission when it does not exist', async () => {
    await expect(listPullRequestFiles(sandbox.client, WEBAPP, 9999)).rejects.toMatchObject({
      code: 'github-error',
      message:
        'GitHub found nothing when kitty-origin tried to list the files of pull request #9999; check that it exists and that the token can see it.'
    })
  })
})
