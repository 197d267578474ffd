import { describe, expect, it } from '@jest/globals'
import { KittyError } from '../../src/errors.js'
import {
  parseCommand,
  validateConfirmKey,
  validatePrefix,
  validateQuery
} from '../../src/chatops/grammar.js'
import type { Command } from '../../src/chatops/grammar.js'

const P = '/kitty'

describe('parseCommand: recognising a command line', () => {
  it.each<[string, string, Command | null]>([
    ['a plain command', '/kitty cancel', { verb: 'cancel' }],
    ['the prefix alone', '/kitty', { verb: 'help' }],
    ['trailing spaces after the prefix', '/kitty   ', { verb: 'help' }],
    ['a tab after the prefix', '/kitty\tcancel', { verb: 'cancel' }],
    ['a no-break space after the prefix', '/kitty\u00a0cancel', { verb: 'cancel' }],
    ['extra spaces everywhere', '  /kitty    start-from     WEB-1   ', key('WEB-1')],
    ['three leading spaces', '   /kitty cancel', { verb: 'cancel' }],
    ['four leading spaces (an indented code block)', '    /kitty cancel', null],
    ['a leading tab (an indented code block)', '\t/kitty cancel', null],
    ['the prefix glued to a word', '/kittyx cancel', null],
    ['the prefix glued to a verb', '/kittycancel', null],
    ['the prefix inside a sentence', 'please /kitty cancel', null],
    ['the prefix in inline code', '`/kitty cancel`', null],
    ['an upper-case prefix', '/KITTY cancel', { verb: 'cancel' }],
    ['an upper-case verb', '/kitty CANCEL', { verb: 'cancel' }],
    ['a mixed-case verb', '/kitty Start-From web-9', key('WEB-9')],
    ['an empty body', '', null],
    ['a body without commands', 'thanks!\nlooks good', null]
  ])('%s', (_name, body, expected) => {
    expect(parseCommand(body, P)).toEqual(expected)
  })

  it('finds a command on a later line and tolerates CRLF and lone CR line ends', () => {
    expect(parseCommand('hello\r\n/kitty start-from WEB-5\r\nbye', P)).toEqual(key('WEB-5'))
    expect(parseCommand('hello\r/kitty cancel\r', P)).toEqual({ verb: 'cancel' })
  })

  it('takes the first command of a comment and ignores the rest', () => {
    expect(parseCommand('/kitty cancel\n/kitty confirm 1', P)).toEqual({ verb: 'cancel' })
  })

  it('stops at the first command line even when it is malformed', () => {
    const command = parseCommand('/kitty confirm\n/kitty cancel', P)
    expect(command).toMatchObject({ verb: 'help', problem: expect.stringContaining('confirm') })
  })
})

describe('parseCommand: code blocks and quotes', () => {
  it.each<[string, string]>([
    ['a backtick fence', '```\n/kitty cancel\n```'],
    ['a tilde fence', '~~~\n/kitty cancel\n~~~'],
    ['a fence with an info string', '```sh title="x"\n/kitty cancel\n```'],
    ['a fence indented by three spaces', '   ```\n/kitty cancel\n```'],
    ['an unclosed fence', 'text\n```\n/kitty cancel'],
    ['a fence closed by a longer run', '```\n/kitty cancel\n`````\n'],
    ['a four-backtick fence not closed by three', '````\n```\n/kitty cancel\n````'],
    ['a tilde fence not closed by backticks', '~~~\n```\n/kitty cancel\n~~~'],
    ['a fence not closed by a run with text after it', '```\n``` not a close\n/kitty cancel'],
    ['a quote', '> /kitty cancel'],
    ['an indented quote', '   > /kitty cancel'],
    ['a nested quote', '>> /kitty cancel'],
    ['a quote without a space', '>/kitty cancel'],
    ['a CRLF fence', '```\r\n/kitty cancel\r\n```\r\n']
  ])('ignores a command inside %s', (_name, body) => {
    expect(parseCommand(body, P)).toBeNull()
  })

  it('finds the command after a closed fence', () => {
    expect(parseCommand('```js\n/kitty cancel\n```\n/kitty help', P)).toEqual({ verb: 'help' })
  })

  it('finds the command after a quote, as a GitHub quote-reply writes it', () => {
    const body = '> /kitty start-from WEB-1\n\n/kitty confirm 1'
    expect(parseCommand(body, P)).toEqual({ verb: 'confirm', choice: { index: 1 } })
  })

  it('does not treat a backtick run followed by backticks as a fence (it is inline code)', () => {
    expect(parseCommand('``` inline ` code ```\n/kitty cancel', P)).toEqual({ verb: 'cancel' })
  })

  it('does not treat a fence indented by four spaces as a fence', () => {
    expect(parseCommand('    ```\n/kitty cancel', P)).toEqual({ verb: 'cancel' })
  })
})

describe('parseCommand: start-from', () => {
  it.each<[string, Command]>([
    ['start-from WEB-123', key('WEB-123')],
    ['start-from web-123', key('WEB-123')],
    ['start-from a_b9-7', key('A_B9-7')],
    ['start-from linear:WEB-123', key('WEB-123', 'linear')],
    ['start-from jira:PROJ-7', key('PROJ-7', 'jira')],
    ['start-from Linear:web-1', key('WEB-1', 'linear')],
    ['start-from "Clerk auth"', text('Clerk auth')],
    ['start-from “Clerk auth”', text('Clerk auth')],
    ['start-from “Clerk auth"', text('Clerk auth')],
    ['start-from „Clerk auth“', text('Clerk auth')],
    ["start-from 'Clerk auth'", text('Clerk auth')],
    ['start-from ‘Clerk auth’', text('Clerk auth')],
    ['start-from "  Clerk   auth  "', text('Clerk auth')],
    ['start-from "WEB-123"', text('WEB-123')],
    ['start-from Clerk auth', text('Clerk auth')],
    ['start-from Clerk    auth', text('Clerk auth')],
    ['start-from WEB-123 login', text('WEB-123 login')],
    ['start-from clerk', text('clerk')],
    ['start-from 123', text('123')],
    ['start-from WEB-', text('WEB-')],
    ['start-from 1WEB-2', text('1WEB-2')],
    ['start-from https://linear.app/acme/issue/WEB-1', text('https://linear.app/acme/issue/WEB-1')],
    ['start-from fix: login', text('fix: login')],
    ["start-from don't", text("don't")]
  ])('%s', (args, expected) => {
    expect(parseCommand(`${P} ${args}`, P)).toEqual(expected)
  })

  it.each<[string, string]>([
    ['start-from', 'ticket key'],
    ['start-from    ', 'ticket key'],
    ['start-from ""', 'ticket key'],
    ['start-from “ ”', 'ticket key'],
    ['start-from "Clerk auth', 'closing quote'],
    ['start-from "', 'closing quote'],
    ['start-from \'Clerk auth"', 'closing quote'],
    ['start-from github:WEB-1', '"github" is not a tracker'],
    ['start-from linear:', 'After linear:'],
    ['start-from jira:some-words', 'After jira:'],
    ['start-from a\u0007b', 'control characters'],
    [`start-from ${'x'.repeat(257)}`, 'longer than 256'],
    [`start-from ${'word '.repeat(60)}`, 'longer than 256'],
    [`start-from "${'y'.repeat(257)}"`, 'longer than 256'],
    [`start-from A-${'1'.repeat(300)}`, 'longer than 256']
  ])(
    'answers "%s" with help explaining the problem, naming start-from as misused',
    (args, problem) => {
      const command = parseCommand(`${P} ${args}`, P)
      expect(command).toEqual({
        verb: 'help',
        problem: expect.stringContaining(problem),
        misusedVerb: 'start-from'
      })
    }
  )

  it('accepts a text of exactly 256 characters', () => {
    const words = `${'a'.repeat(127)} ${'b'.repeat(128)}`
    expect(parseCommand(`${P} start-from ${words}`, P)).toEqual(text(words))
  })
})

describe('parseCommand: confirm, cancel, help and unknown verbs', () => {
  it.each<[string, Command]>([
    ['confirm 2', { verb: 'confirm', choice: { index: 2 } }],
    ['confirm #3', { verb: 'confirm', choice: { index: 3 } }],
    ['confirm 1', { verb: 'confirm', choice: { index: 1 } }],
    ['confirm 50', { verb: 'confirm', choice: { index: 50 } }],
    ['confirm 007', { verb: 'confirm', choice: { index: 7 } }],
    ['confirm WEB-127', { verb: 'confirm', choice: { key: 'WEB-127' } }],
    ['confirm web-127', { verb: 'confirm', choice: { key: 'WEB-127' } }],
    ['cancel', { verb: 'cancel' }],
    ['help', { verb: 'help' }],
    ['help confirm', { verb: 'help' }],
    ['HELP', { verb: 'help' }]
  ])('%s', (args, expected) => {
    expect(parseCommand(`${P} ${args}`, P)).toEqual(expected)
  })

  it.each<[string, string]>([
    ['confirm', 'row number or the ticket key'],
    ['confirm 0', 'There is no candidate 0; use a row number from 1 to 50.'],
    ['confirm 51', 'There is no candidate 51'],
    ['confirm 99999999999999999999', 'There is no candidate 99999999999…'],
    ['confirm -1', 'row number or the ticket key'],
    ['confirm 1.5', 'row number or the ticket key'],
    ['confirm 1 2', 'row number or the ticket key'],
    ['confirm linear:WEB-1', 'row number or the ticket key'],
    [`confirm A-${'1'.repeat(300)}`, 'row number or the ticket key'],
    ['cancel now', 'cancel takes nothing']
  ])('answers "%s" with help explaining the problem, naming the misused verb', (args, problem) => {
    const command = parseCommand(`${P} ${args}`, P)
    expect(command).toEqual({
      verb: 'help',
      problem: expect.stringContaining(problem),
      misusedVerb: args.split(' ')[0]
    })
  })

  it('keeps a backtick in an unknown verb from opening a code span in the reply', () => {
    expect(parseCommand(`${P} a\`b\``, P)).toMatchObject({
      problem: '"a\u02CBb\u02CB" is not a command; the commands are listed below.'
    })
  })

  it('answers an unknown verb with help naming it', () => {
    expect(parseCommand(`${P} deploy now`, P)).toEqual({
      verb: 'help',
      unknownVerb: 'deploy',
      problem: '"deploy" is not a command; the commands are listed below.'
    })
  })

  it('shortens a very long unknown verb', () => {
    const command = parseCommand(`${P} ${'z'.repeat(500)}`, P)
    expect(command).toMatchObject({ verb: 'help', unknownVerb: `${'z'.repeat(31)}…` })
  })
})

describe('parseCommand: configured prefixes', () => {
  it.each<[string, string, Command | null]>([
    ['/bot', '/bot cancel', { verb: 'cancel' }],
    ['/bot', '/kitty cancel', null],
    ['!kitty', '!kitty confirm 1', { verb: 'confirm', choice: { index: 1 } }],
    ['!kitty', '!kittyx confirm 1', null],
    ['.k+', '.k+ cancel', { verb: 'cancel' }],
    ['.k+', 'xk+ cancel', null],
    ['.k+', '.kk cancel', null],
    ['$(kitty)?', '$(kitty)? cancel', { verb: 'cancel' }],
    ['$(kitty)?', '$kitty cancel', null],
    ['^k*', '^k* cancel', { verb: 'cancel' }],
    ['^k*', 'k cancel', null],
    [' /kitty ', '/kitty cancel', { verb: 'cancel' }]
  ])('prefix %j on %j', (prefix, body, expected) => {
    expect(parseCommand(body, prefix)).toEqual(expected)
  })

  it('refuses an invalid prefix instead of matching every line', () => {
    expect(() => parseCommand('cancel', '')).toThrow(KittyError)
  })
})

describe('validatePrefix', () => {
  it.each(['/kitty', '!k', '.', '/bot-2', '$(x)?', '@kitty', '#k', '`k`', 'a|b', '<k>', '~~k'])(
    'accepts %j',
    prefix => {
      expect(validatePrefix(prefix)).toBe(prefix)
    }
  )

  it.each(['', '   ', '/kit ty', '>k', '```k', '~~~k', 'x'.repeat(33)])('refuses %j', prefix => {
    expect(() => validatePrefix(prefix)).toThrow(expect.objectContaining({ code: 'input-invalid' }))
  })
})

describe('validateQuery (workflow_dispatch)', () => {
  it.each<[string, ReturnType<typeof validateQuery>]>([
    ['WEB-123', { kind: 'key', key: 'WEB-123' }],
    ['  web-123\n', { kind: 'key', key: 'WEB-123' }],
    ['jira:PROJ-7', { kind: 'key', key: 'PROJ-7', provider: 'jira' }],
    ['Clerk auth', { kind: 'text', text: 'Clerk auth' }],
    ['Clerk\nauth', { kind: 'text', text: 'Clerk auth' }],
    ['"Clerk auth"', { kind: 'text', text: 'Clerk auth' }]
  ])('reads %j', (raw, expected) => {
    expect(validateQuery(raw)).toEqual(expected)
  })

  it.each(['', '  ', '"open', 'gitlab:WEB-1', 'x'.repeat(300)])('refuses %j', raw => {
    expect(() => validateQuery(raw)).toThrow(
      expect.objectContaining({
        code: 'command-invalid',
        message: expect.stringMatching(/^The query input is not usable: /)
      })
    )
  })
})

describe('validateConfirmKey (workflow_dispatch)', () => {
  it('returns the key upper-cased and trimmed', () => {
    expect(validateConfirmKey(' web-127 ')).toBe('WEB-127')
  })

  it.each(['', '1', 'WEB 127', 'linear:WEB-1', 'WEB-', `A-${'1'.repeat(300)}`])(
    'refuses %j',
    raw => {
      expect(() => validateConfirmKey(raw)).toThrow(
        expect.objectContaining({ code: 'command-invalid' })
      )
    }
  )
})

function key(k: string, provider?: 'jira' | 'linear'): Command {
  return {
    verb: 'start-from',
    query: provider === undefined ? { kind: 'key', key: k } : { kind: 'key', key: k, provider }
  }
}

function text(t: string): Command {
  return { verb: 'start-from', query: { kind: 'text', text: t } }
}
