import { describe, expect, it } from '@jest/globals'
import {
  parseCommandLine,
  parseFileCommand,
  parseStdoutCommands
} from '../../sandbox/workflow-commands.js'

describe('parseFileCommand', () => {
  it.each([
    ['an empty file', '', {}],
    ['name=value lines', 'a=1\nb=two words\n', { a: '1', b: 'two words' }],
    ['a value holding = and <<', 'a=x=y<<z\n', { a: 'x=y<<z' }],
    ['an empty value', 'a=\n', { a: '' }],
    ['a heredoc value', 'a<<EOF\nline 1\nline 2\nEOF\n', { a: 'line 1\nline 2' }],
    ['a heredoc with an empty value', 'a<<EOF\nEOF\n', { a: '' }],
    ['a heredoc value ending in a newline', 'a<<EOF\nx\n\nEOF\n', { a: 'x\n' }],
    ['a heredoc with = in its delimiter line', 'a<<D=1\nv\nD=1\n', { a: 'v' }],
    ['CRLF line ends', 'a<<EOF\r\nv\r\nEOF\r\nb=2\r\n', { a: 'v', b: '2' }],
    ['a later value of the same name', 'a=1\na<<EOF\n2\nEOF\n', { a: '2' }]
  ])('reads %s', (_what, text, expected) => {
    expect(parseFileCommand(text)).toEqual(expected)
  })

  it('reads what @actions/core writes (delimiter ghadelimiter_<uuid>)', () => {
    const text =
      'result<<ghadelimiter_1b4e28ba-2fa1-11d2-883f-0016d3cca427\n{"version":1}\n' +
      'ghadelimiter_1b4e28ba-2fa1-11d2-883f-0016d3cca427\n'
    expect(parseFileCommand(text)).toEqual({ result: '{"version":1}' })
  })

  it.each([
    ['a line without = or <<', 'oops\n', "Invalid format 'oops'"],
    ['an empty name', '=1\n', 'Name must not be empty'],
    ['a heredoc without a name', '<<EOF\nx\nEOF\n', 'delimiter must not be empty'],
    ['a heredoc without a delimiter', 'a<<\nx\n', 'delimiter must not be empty'],
    ['a heredoc never closed', 'a<<EOF\nx\n', "Matching delimiter not found 'EOF'"]
  ])('rejects %s', (_what, text, message) => {
    expect(() => parseFileCommand(text)).toThrow(message)
  })
})

describe('parseCommandLine', () => {
  it.each([
    ['::error::boom', { name: 'error', properties: {}, data: 'boom' }],
    ['  ::notice::indented', { name: 'notice', properties: {}, data: 'indented' }],
    [
      '::warning file=a.ts,line=3,title=T%3A%2C%25::50%25%0Adone',
      { name: 'warning', properties: { file: 'a.ts', line: '3', title: 'T:,%' }, data: '50%\ndone' }
    ],
    ['::ERROR::upper case name', { name: 'error', properties: {}, data: 'upper case name' }],
    ['::group::Search', { name: 'group', properties: {}, data: 'Search' }]
  ])('reads %j', (line, expected) => {
    expect(parseCommandLine(line)).toEqual(expected)
  })

  it.each(['plain text', ':: ::', '::no end', '::::data'])('reads %j as no command', line => {
    expect(parseCommandLine(line)).toBeNull()
  })
})

describe('parseStdoutCommands', () => {
  it('collects annotations and masks in order and skips other lines and commands', () => {
    const stdout = [
      'Searching…',
      '::add-mask::sk-1',
      '::group::Search',
      '::warning title=Slow::took 9 s',
      '::endgroup::',
      '::error::failed',
      '::debug::detail'
    ].join('\n')
    expect(parseStdoutCommands(stdout)).toEqual({
      annotations: [
        { level: 'warning', message: 'took 9 s', properties: { title: 'Slow' } },
        { level: 'error', message: 'failed', properties: {} }
      ],
      masks: ['sk-1']
    })
  })

  it('ignores commands between ::stop-commands:: and the resume token', () => {
    const stdout = [
      '::stop-commands::pause-1',
      '::error::quoted from a log',
      '::add-mask::not-a-mask',
      '::pause-1::',
      '::notice::back'
    ].join('\r\n')
    expect(parseStdoutCommands(stdout)).toEqual({
      annotations: [{ level: 'notice', message: 'back', properties: {} }],
      masks: []
    })
  })

  it('ignores an empty mask', () => {
    expect(parseStdoutCommands('::add-mask::\n').masks).toEqual([])
  })
})
