/**
 * What a GitHub runner reads back from a step: the `::command::` lines of its stdout and the
 * `NAME=value` / `NAME<<DELIMITER` files (`GITHUB_OUTPUT`, `GITHUB_STATE`, `GITHUB_ENV`), parsed
 * by the rules of actions/runner (`ActionCommand.TryParseV2`, `FileCommandManager`).
 */

/** The levels of annotation commands. */
export type AnnotationLevel = 'error' | 'warning' | 'notice'

/** One `::error|warning|notice <properties>::message` line. */
export interface Annotation {
  level: AnnotationLevel
  message: string
  /** `title`, `file`, `line`, … as given, unescaped. */
  properties: Record<string, string>
}

/** What the runner takes from a step's stdout. */
export interface StdoutCommands {
  annotations: Annotation[]
  /** Values registered with `::add-mask::` (a runner prints them as `***`). */
  masks: string[]
}

function unescapeData(text: string): string {
  return text.replace(/%0D/g, '\r').replace(/%0A/g, '\n').replace(/%25/g, '%')
}

function unescapeProperty(text: string): string {
  return text
    .replace(/%0D/g, '\r')
    .replace(/%0A/g, '\n')
    .replace(/%3A/g, ':')
    .replace(/%2C/g, ',')
    .replace(/%25/g, '%')
}

interface Command {
  name: string
  properties: Record<string, string>
  data: string
}

/** One line as a workflow command, or null when it is none. */
export function parseCommandLine(line: string): Command | null {
  const trimmed = line.trimStart()
  if (!trimmed.startsWith('::')) return null
  const end = trimmed.indexOf('::', 2)
  if (end < 0) return null
  const info = trimmed.slice(2, end)
  const space = info.indexOf(' ')
  const name = (space < 0 ? info : info.slice(0, space)).toLowerCase()
  if (name === '') return null
  const properties: Record<string, string> = {}
  if (space >= 0) {
    for (const pair of info.slice(space + 1).split(',')) {
      const equals = pair.indexOf('=')
      if (equals > 0) properties[pair.slice(0, equals)] = unescapeProperty(pair.slice(equals + 1))
    }
  }
  return { name, properties, data: unescapeData(trimmed.slice(end + 2)) }
}

const LEVELS: readonly string[] = ['error', 'warning', 'notice']

/**
 * The annotations and masks of a step's stdout. Between `::stop-commands::TOKEN` and `::TOKEN::`
 * nothing is a command, as on a runner.
 */
export function parseStdoutCommands(stdout: string): StdoutCommands {
  const result: StdoutCommands = { annotations: [], masks: [] }
  let stopToken: string | undefined
  for (const line of stdout.split(/\r?\n/)) {
    const command = parseCommandLine(line)
    if (command === null) continue
    if (stopToken !== undefined) {
      if (command.name === stopToken.toLowerCase() && command.data === '') stopToken = undefined
      continue
    }
    if (command.name === 'stop-commands' && command.data !== '') stopToken = command.data
    else if (command.name === 'add-mask' && command.data !== '') result.masks.push(command.data)
    else if (LEVELS.includes(command.name)) {
      result.annotations.push({
        level: command.name as AnnotationLevel,
        message: command.data,
        properties: command.properties
      })
    }
  }
  return result
}

/**
 * The name → value pairs of a file command (`GITHUB_OUTPUT`, `GITHUB_STATE`, `GITHUB_ENV`): lines
 * `NAME=value` or `NAME<<DELIMITER` followed by the value's lines and the delimiter alone on a
 * line. A later value of a name wins. Throws, like the runner fails the step, on a malformed file.
 */
export function parseFileCommand(text: string): Record<string, string> {
  const values: Record<string, string> = {}
  const lines = text.split(/\r?\n/)
  for (let index = 0; index < lines.length; index += 1) {
    const line = lines[index] ?? ''
    if (line === '') continue
    const equals = line.indexOf('=')
    const heredoc = line.indexOf('<<')
    if (equals >= 0 && (heredoc < 0 || equals < heredoc)) {
      if (equals === 0) throw new Error(`Invalid format '${line}'. Name must not be empty`)
      values[line.slice(0, equals)] = line.slice(equals + 1)
      continue
    }
    if (heredoc <= 0 || heredoc + 2 === line.length) {
      throw new Error(
        heredoc < 0
          ? `Invalid format '${line}'`
          : `Invalid format '${line}'. Name must not be empty and delimiter must not be empty`
      )
    }
    const delimiter = line.slice(heredoc + 2)
    const end = lines.indexOf(delimiter, index + 1)
    if (end < 0) throw new Error(`Invalid value. Matching delimiter not found '${delimiter}'`)
    values[line.slice(0, heredoc)] = lines.slice(index + 1, end).join('\n')
    index = end
  }
  return values
}
