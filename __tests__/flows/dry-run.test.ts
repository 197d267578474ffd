import { describe, expect, it } from '@jest/globals'
import {
  DRY_RUN_PULL_NUMBER,
  DRY_RUN_SHA,
  createDryRunLog,
  dryRunConversation,
  dryRunRepository,
  renderPlannedWrites
} from '../../src/flows/dry-run.js'
import type { ConversationApi, RepositoryApi, ThreadComment } from '../../src/flows/ports.js'

function refuse(): never {
  throw new Error('a dry run must not write')
}

function realRepository(): RepositoryApi {
  return {
    permissionOf: () => Promise.resolve('admin'),
    readFile: (path, ref) => Promise.resolve(`${path}@${ref}`),
    listDirectory: () => Promise.resolve(['a', 'b']),
    branchHead: () => Promise.resolve('abc'),
    commitTree: () => Promise.resolve('tree'),
    findPullRequest: () => Promise.resolve({ number: 5, url: 'https://x.test/5' }),
    openPullRequestsFrom: () => Promise.resolve([]),
    readClaim: name => Promise.resolve(`claim ${name}`),
    createBranch: refuse,
    createCommit: refuse,
    createClaim: refuse,
    deleteClaim: refuse,
    openPullRequest: refuse
  }
}

async function* each<T>(items: readonly T[]): AsyncGenerator<T> {
  for (const item of items) yield await Promise.resolve(item)
}

function realConversation(comments: ThreadComment[]): ConversationApi {
  return {
    addReaction: refuse,
    createComment: refuse,
    updateComment: refuse,
    newestComments: () => each(comments)
  }
}

describe('dryRunRepository', () => {
  it('reads through the real repository', async () => {
    const repository = dryRunRepository(realRepository(), createDryRunLog())
    expect(await repository.permissionOf('ana')).toBe('admin')
    expect(await repository.readFile('x.md', 'main')).toBe('x.md@main')
    expect(await repository.listDirectory('kitty-specs', 'main')).toEqual(['a', 'b'])
    expect(await repository.branchHead('main')).toBe('abc')
    expect(await repository.readClaim('list-1')).toBe('claim list-1')
    expect(await repository.findPullRequest('kitty/x')).toEqual({
      number: 5,
      url: 'https://x.test/5'
    })
  })

  it('records every write in order and answers as if it had been made', async () => {
    const log = createDryRunLog()
    const repository = dryRunRepository(realRepository(), log)
    expect(await repository.createClaim('list-1', '{"v":1}\n')).toBe('created')
    expect(
      await repository.createCommit({
        parentSha: 'abc',
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

    expect(log.writes.map(write => write.title)).toEqual([
      'Claim `list-1`',
      'Commit 3 files',
      `Create branch \`kitty/x\` at \`${DRY_RUN_SHA}\``,
      'Open pull request from `kitty/x` into `main`: Start \\`x\\`',
      'Release the claim `list-1`'
    ])
    expect(log.writes[1]!.texts.map(text => [text.label, text.language])).toEqual([
      ['Commit message', 'text'],
      ['`m/meta.json`', 'json'],
      ['`m/spec.md`', 'markdown'],
      ['`m/.gitkeep`', 'text']
    ])
  })

  it('names a draft and its labels in the pull request it records', async () => {
    const log = createDryRunLog()
    await dryRunRepository(realRepository(), log).openPullRequest({
      head: 'h',
      base: 'b',
      title: 'T',
      body: '',
      draft: true,
      labels: ['mission', 'spec']
    })
    expect(log.writes[0]!.title).toBe(
      'Open (draft; labels `mission`, `spec`) pull request from `h` into `b`: T'
    )
  })
})

describe('dryRunConversation', () => {
  it('reads comments through the real conversation and records comments and reactions', async () => {
    const log = createDryRunLog()
    const comment = { id: 3, body: 'hi', author: { login: 'ana', isBot: false }, createdAtMs: 0 }
    const conversation = dryRunConversation(realConversation([comment]), log)
    const read: ThreadComment[] = []
    for await (const found of conversation.newestComments(42, 1)) read.push(found)
    expect(read).toEqual([comment])

    await conversation.addReaction(3, 'rocket')
    expect(await conversation.createComment(42, 'Hello')).toEqual({ id: 0, url: '' })
    await conversation.updateComment(3, 'Edited')
    expect(log.writes).toEqual([
      { title: '🚀 reaction on comment 3', texts: [] },
      { title: 'Comment on #42', texts: [{ text: 'Hello', language: 'markdown' }] },
      { title: 'Edit comment 3 to read', texts: [{ text: 'Edited', language: 'markdown' }] }
    ])
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
