import { describe, expect, it } from '@jest/globals'
import { playDemo } from '../../sandbox/demo-conversation.js'
import type { DemoStep } from '../../sandbox/demo-conversation.js'
import { useScenario } from '../../__fixtures__/sandbox/bundle.js'

const scenario = useScenario()

describe('the demo conversation', () => {
  it('lists several tickets, refuses a stranger’s confirm, starts the mission and keeps its files', async () => {
    const s = await scenario.start()
    const seen: DemoStep[] = []
    const demo = await playDemo(s, step => seen.push(step))
    expect(seen).toEqual(['search', 'refusal', 'confirm'])

    const list = demo.search.replies[0]!.body
    expect(list.match(/^\| \d+ \|/gm)).toHaveLength(3)
    expect(demo.refusal.run).toMatchObject({ exitCode: 0, outputs: { state: 'refused' } })
    expect(demo.refusal.command.reactions.map(reaction => reaction.content)).toEqual([
      'eyes',
      'confused'
    ])
    expect(demo.refusal.replies[0]!.body).toMatch(/^😕 The newest candidate list was asked for/)

    expect(demo.finalList.id).toBe(demo.search.replies[0]!.id)
    expect(demo.finalList.body).toContain('✅ Mission `web-123-')
    expect(demo.finalList.body).toContain('started from WEB-123 → [PR #')
    expect(demo.meta.path).toMatch(/^kitty-specs\/web-123-[^/]+\/meta\.json$/)
    expect(JSON.parse(demo.meta.text)).toMatchObject({
      origin_ticket: { external_issue_key: 'WEB-123' }
    })
    expect(demo.spec.path).toBe(demo.meta.path.replace('meta.json', 'spec.md'))
    expect(demo.spec.text).toContain('WEB-123')
  })
})
