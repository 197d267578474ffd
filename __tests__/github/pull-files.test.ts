import { describe, expect, it } from '@jest/globals'
import type { GitHubPager } from '../../src/github/client.js'
import {
  listPullRequestFiles,
  MAX_LISTED_PULL_FILES,
  PULL_FILES_PER_PAGE
} from '../../src/github/pull-files.js'
import { openPullRequest } from '../../src/github/pulls.js'
import { useSandboxGitHub, WEBAPP } from '../../__fixtures__/sandbox/github.js'

const sandbox = useSandboxGitHub()

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

/** A client whose `paginate.iterator` yields `count` pages made by `page`. */
function pagesOf(page: () => unknown[], count = 1): GitHubPager {
  async function* iterator(): AsyncGenerator<{ data: unknown[] }> {
    for (let index = 0; index < count; index++) yield await Promise.resolve({ data: page() })
  }
  return {
    request: (() => Promise.reject(new Error('not used'))) as unknown as GitHubPager['request'],
    paginate: { iterator } as unknown as GitHubPager['paginate']
  }
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
      [null, '100'],
      ['2', '100'],
      ['3', '100']
    ])
  })

  it('names the previous path of a renamed file', async () => {
    const api = pagesOf(() => [
      {
        filename: 'kitty-specs/b/meta.json',
        status: 'renamed',
        previous_filename: 'kitty-specs/a/meta.json'
      }
    ])
    await expect(listPullRequestFiles(api, WEBAPP, 1)).resolves.toEqual([
      {
        path: 'kitty-specs/b/meta.json',
        status: 'renamed',
        previousPath: 'kitty-specs/a/meta.json'
      }
    ])
  })

  it("stops after GitHub's 3,000 files even when the pages never end", async () => {
    let calls = 0
    const api = pagesOf(() => {
      calls += 1
      return []
    }, Infinity)
    await expect(listPullRequestFiles(api, WEBAPP, 1)).resolves.toEqual([])
    expect(calls).toBe(MAX_LISTED_PULL_FILES / PULL_FILES_PER_PAGE)
  })

  it('fails with a sentence naming the pull request and the permission when it does not exist', async () => {
    await expect(listPullRequestFiles(sandbox.client, WEBAPP, 9999)).rejects.toMatchObject({
      code: 'github-error',
      message:
        'GitHub found nothing when kitty-origin tried to list the files of pull request #9999; check that it exists and that the token can see it.'
    })
  })
})
