import { describe, expect, it } from '@jest/globals'
import { parseCommand } from '../../src/chatops/grammar.js'
import { escapeBlock, escapeInline } from '../../src/chatops/escape.js'
import { prng, randomText } from '../../__fixtures__/support/prng.js'

const HOSTILE =
  '/kitty start-from confirm cancel help "“”\'`~>|#@<!-->\r\n\t WEB-123 linear: jira: 0123456789 é日本😀\u200b\u0000'
const SEEDS = [
  '/kitty start-from WEB-123',
  '/kitty confirm 2',
  '```\n/kitty cancel\n```',
  '> /kitty help',
  '/kitty start-from "Clerk auth"'
]

function mutate(random: () => number, text: string): string {
  const chars = Array.from(text)
  const edits = 1 + Math.floor(random() * 5)
  for (let i = 0; i < edits; i++) {
    const at = Math.floor(random() * (chars.length + 1))
    const op = random()
    const char = Array.from(HOSTILE)[Math.floor(random() * Array.from(HOSTILE).length)]!
    if (op < 0.4) chars.splice(at, 0, char)
    else if (op < 0.7) chars.splice(at, 1)
    else chars[at] = char
  }
  return chars.join('')
}

describe('the command parser under fuzzing', () => {
  it('never throws on random or mutated comments, and only returns well-formed commands', () => {
    const random = prng(0x5eed)
    for (let i = 0; i < 5_000; i++) {
      const body =
        i % 2 === 0 ? randomText(random, HOSTILE, 120) : mutate(random, SEEDS[i % SEEDS.length]!)
      const command = parseCommand(body, '/kitty')
      if (command === null) continue
      expect(['start-from', 'confirm', 'cancel', 'help']).toContain(command.verb)
      if (command.verb === 'confirm' && 'index' in command.choice) {
        expect(command.choice.index).toBeGreaterThanOrEqual(1)
        expect(command.choice.index).toBeLessThanOrEqual(50)
      }
      if (command.verb === 'start-from' && command.query.kind === 'text') {
        expect(command.query.text.length).toBeLessThanOrEqual(256)
      }
    }
  })
})

describe('escaping under fuzzing', () => {
  it('never lets a mention, a cross-reference, HTML, a marker or a table break through', () => {
    const random = prng(0xbad)
    for (let i = 0; i < 5_000; i++) {
      const text = randomText(random, HOSTILE + 'abcXYZ/-', 80)
      for (const escaped of [escapeInline(text, 200), escapeBlock(text, 200)]) {
        expect(escaped).not.toMatch(/@[A-Za-z0-9]/)
        expect(escaped).not.toMatch(/(^|[^&])#[0-9]/)
        expect(escaped).not.toMatch(/<[!/A-Za-z]/)
        expect(escaped).not.toMatch(/(^|[^\\])\|/)
      }
      expect(escapeInline(text, 200)).not.toMatch(/[\r\n]/)
    }
  })
})
