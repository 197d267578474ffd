import { describe, expect, it } from '@jest/globals'
import {
  DRY_RUN_PULL_NUMBER,
  DRY_RUN_SHA,
  createPlannedWrites,
  dryRunConversation,
  dryRunRepository,
  renderPlannedWrites
} from '../../src/flows/dry-run.js'
import type { ThreadComment } from '../../src/flows/ports.js'
import { gitHubConversation, gitHubRepository } from '../../src/github/ports.js'
import { useSandboxGitHub, WEBAPP } from '../../__fixtures__/sandbox/github.js'

/** The real GitHub adapters on the sandbox: a dry run reads through them and writes nothing. */
const sandbox = useSandboxGitHub()
const real = () => gitHubRepository(sandbox.client, WEBAPP)

/** The requests that would have changed something on GitHub. */
function writes(): string[] {
  return sandbox.gh.requests
    .filter(request => request.method !== 'GET')
    .map(request => `${request.method} ${request.path}`)
}

describe('dryRunRepository', () => {
  it('reads through the real repository', async () => {
    sandbox.gh.pushFiles('acme/webapp', 'kitty/read', { 'kitty-specs/m-1/meta.json': '{}\n' })
    const repository = dryRunRepository(real(), createPlannedWrites())
    expect(await repository.permissionOf('ana')).toBe('write')
    expect(await repository.readFile('.kittify/config.yaml', 'main')).toBe(
      sandbox.gh.readFile('acme/webapp', 'main', '.kittify/config.yaml')
    )
    expect(await repository.listDirectory('kitty-specs', 'kitty/read')).toEqual([
      '001-legacy-import',
      'checkout-flow-01JD3K2M',
      'm-1'
    ])
    const head = sandbox.gh.branchHead('acme/webapp', 'kitty/read')!
    expect(await repository.branchHead('kitty/read')).toBe(head)
    expect(await repository.commitTree(head)).toBe(sandbox.gh.repo().git.commit(head)?.tree)
    expect(await repository.readClaim('list-1')).toBeNull()
    expect(await repository.findPullRequest('kitty/read')).toBeNull()
    expect(await repository.openPullRequestsFrom('kitty/')).toEqual([])
    expect(writes()).toEqual([])
  })

  it('records every write in order, answers as if it had been made, and writes nothing', async () => {
    const refsBefore = [...sandbox.gh.repo().refs.entries()]
    const planned = createPlannedWrites()
    const repository = dryRunRepository(real(), planned)
    expect(await repository.createClaim('list-1', '{"v":1}\n')).toBe('created')
    expect(
      await repository.createCommit({
        parentSha: sandbox.gh.branchHead('acme/webapp', 'main')!,
        message: 'Start',
        files: [
          { path: 'm/meta.json', content: '{}\n' },
          { path: 'm/spec.md', content: '# Spec\n' },
          { path: 'm/.gitkeep', content: '' }
        ]
      })
    ).toBe(DRY_RUN_SHA)
    expect(await repository.createBranch('kitty/x', DRY_RUN_SHA)).toBe('created')
    expect(
      await repository.openPullRequest({
        head: 'kitty/x',
        base: 'main',
        title: 'Start `x`',
        body: 'Body',
        draft: false,
        labels: []
      })
    ).toEqual({ number: DRY_RUN_PULL_NUMBER, url: '', existed: false })
    await repository.deleteClaim('list-1')

    expect(planned.writes.map(write => write.title)).toEqual([
      'Claim `list-1`',
      'Commit 3 files',
      `Create branch \`kitty/x\` at \`${DRY_RUN_SHA}\``,
      'Open pull request from `kitty/x` into `main`: Start \\`x\\`',
      'Release the claim `list-1`'
    ])
    expect(planned.writes[1]!.texts.map(text => [text.label, text.language])).toEqual([
      ['Commit message', 'text'],
      ['`m/meta.json`', 'json'],
      ['`m/spec.md`', 'markdown'],
      ['`m/.gitkeep`', 'text']
    ])
    expect(sandbox.gh.requests).toEqual([])
    expect([...sandbox.gh.repo().refs.entries()]).toEqual(refsBefore)
  })

  it('names a draft and its labels in the pull request it records', async () => {
    const planned = createPlannedWrites()
    await dryRunRepository(real(), planned).openPullRequest({
      head: 'h',
      base: 'b',
      title: 'T',
      body: '',
      draft: true,
      labels: ['mission', 'spec']
    })
    expect(planned.writes[0]!.title).toBe(
      'Open (draft; labels `mission`, `spec`) pull request from `h` into `b`: T'
    )
    expect(sandbox.gh.requests).toEqual([])
  })
})

describe('dryRunConversation', () => {
  it('reads comments through the real conversation and only records comments and reactions', async () => {
    const issue = sandbox.gh.createIssue('acme/webapp', { title: 'Dry run', user: 'ana' })
    const [comment] = sandbox.gh.addComments('acme/webapp', issue, [{ user: 'ana', body: 'hi' }])
    const planned = createPlannedWrites()
    const conversation = dryRunConversation(gitHubConversation(sandbox.client, WEBAPP), planned)
    const read: ThreadComment[] = []
    for await (const found of conversation.newestComments(issue, 1)) read.push(found)
    expect(read).toMatchObject([
      { id: comment!.id, body: 'hi', author: { login: 'ana', isBot: false } }
    ])

    await conversation.addReaction(comment!.id, 'rocket')
    expect(await conversation.createComment(issue, 'Hello')).toEqual({ id: 0, url: '' })
    await conversation.updateComment(comment!.id, 'Edited')
    expect(planned.writes).toEqual([
      { title: `🚀 reaction on comment ${comment!.id}`, texts: [] },
      { title: `Comment on #${issue}`, texts: [{ text: 'Hello', language: 'markdown' }] },
      {
        title: `Edit comment ${comment!.id} to read`,
        texts: [{ text: 'Edited', language: 'markdown' }]
      }
    ])
    expect(writes()).toEqual([])
    expect(sandbox.gh.comments('acme/webapp', issue).map(found => found.body)).toEqual(['hi'])
    expect(sandbox.gh.repo().comments.get(comment!.id)?.reactions).toEqual([])
  })
})

describe('renderPlannedWrites', () => {
  it('says so when there is nothing to show', () => {
    expect(renderPlannedWrites([])).toBe(
      '### Dry run: nothing was written\n\nA real run would not have written anything either.'
    )
  })

  it('fences each text with more backticks than it holds, so it shows verbatim', () => {
    const text = 'before\n````\ninside\n````\nafter\n'
    const shown = renderPlannedWrites([
      { title: 'Comment on #1', texts: [{ text, language: 'markdown' }] }
    ])
    expect(shown).toContain(`#### 1. Comment on #1\n\n\`\`\`\`\`markdown\n${text}\`\`\`\`\``)
  })

  it('labels a text, and says when it is empty', () => {
    const shown = renderPlannedWrites([
      {
        title: 'Commit',
        texts: [
          { label: '`a.json`', text: '{}', language: 'json' },
          { label: '`b`', text: '', language: 'text' },
          { text: '', language: 'text' }
        ]
      }
    ])
    expect(shown).toContain('`a.json`\n\n```json\n{}\n```\n\n`b` (empty)\n\nThe text (empty)')
  })

  it('cuts a text longer than 64 KiB and says how much is left out', () => {
    const shown = renderPlannedWrites([
      { title: 'Big', texts: [{ text: 'x'.repeat(70_000), language: 'text' }] }
    ])
    expect(shown).toContain('…\n(cut: 70000 characters in all)\n```')
    expect(shown.length).toBeLessThan(66_000)
  })
})
