/**
 * The step's side of the runner protocol, written exactly as `@actions/core` writes it: inputs
 * from `INPUT_<NAME>`, workflow commands on stdout, outputs and the job summary through the file
 * commands. Only what kitty-origin uses, and without `@actions/core`'s HTTP client (undici and a
 * proxy tunnel, loaded for OIDC tokens we never ask for), which alone cost more start-up time than
 * an ignored event may take.
 */
import { appendFileSync, existsSync } from 'node:fs'
import { EOL } from 'node:os'

/** The runner's variable for an input: spaces as `_`, upper case (`INPUT_SAAS-URL`). */
export function getInput(name: string): string {
  return (process.env[`INPUT_${name.replace(/ /g, '_').toUpperCase()}`] ?? '').trim()
}

/** A command's message, escaped so it stays on one line. */
function escapeData(text: string): string {
  return text.replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A')
}

/** Where an annotation points (the subset of `@actions/core`'s properties kitty-origin uses). */
export interface AnnotationProperties {
  title?: string
  file?: string
  startLine?: number
}

/** A command property's value, escaped as `@actions/core` does (also `:` and `,`). */
function escapeProperty(text: string): string {
  return escapeData(text).replace(/:/g, '%3A').replace(/,/g, '%2C')
}

function command(name: string, message: string, properties: AnnotationProperties = {}): void {
  const pairs = (
    [
      ['title', properties.title],
      ['file', properties.file],
      ['line', properties.startLine]
    ] as const
  ).flatMap(([key, value]) =>
    value === undefined || value === '' ? [] : [`${key}=${escapeProperty(String(value))}`]
  )
  const head = pairs.length === 0 ? name : `${name} ${pairs.join(',')}`
  process.stdout.write(`::${head}::${escapeData(message)}${EOL}`)
}

/** Writes a line to the log. */
export function info(message: string): void {
  process.stdout.write(`${message}${EOL}`)
}

/** Writes a line the log shows only with step debug logging on. */
export function debug(message: string): void {
  command('debug', message)
}

/** A notice annotation, on a file and line when `properties` name them. */
export function notice(message: string, properties?: AnnotationProperties): void {
  command('notice', message, properties)
}

/** A warning annotation, on a file and line when `properties` name them. */
export function warning(message: string, properties?: AnnotationProperties): void {
  command('warning', message, properties)
}

/** An error annotation, on a file and line when `properties` name them. */
export function error(message: string, properties?: AnnotationProperties): void {
  command('error', message, properties)
}

/** Masks a value in every later log line. */
export function setSecret(secret: string): void {
  command('add-mask', secret)
}

/** Marks the step failed (exit code 1) with an error annotation. */
export function setFailed(message: string): void {
  process.exitCode = 1
  error(message)
}

function fileCommand(name: 'OUTPUT' | 'STEP_SUMMARY', text: string): void {
  const path = process.env[`GITHUB_${name}`]
  if (path === undefined || path === '') {
    throw new Error(`Unable to find environment variable for file command ${name}`)
  }
  if (!existsSync(path)) throw new Error(`Missing file at path: ${path}`)
  appendFileSync(path, text, { encoding: 'utf8' })
}

/**
 * The `GITHUB_OUTPUT` entry of one output: a heredoc under a delimiter that neither the name nor
 * the value contains, so no value can end its entry early and smuggle in another output. (Chosen,
 * not random as in `@actions/core`: that spares loading `node:crypto` on every run.)
 */
export function outputEntry(name: string, value: string): string {
  let delimiter = 'ghadelimiter_kitty_origin'
  while (name.includes(delimiter) || value.includes(delimiter)) delimiter += '_'
  return `${name}<<${delimiter}${EOL}${value}${EOL}${delimiter}${EOL}`
}

/**
 * Sets a step output: an entry in `GITHUB_OUTPUT` (see outputEntry), or the legacy
 * `set-output` command where the runner has no output file.
 */
export function setOutput(name: string, value: string): void {
  if ((process.env.GITHUB_OUTPUT ?? '') === '') {
    process.stdout.write(`${EOL}::set-output name=${name}::${escapeData(value)}${EOL}`)
    return
  }
  fileCommand('OUTPUT', outputEntry(name, value))
}

/** Appends markdown to the job summary. */
export function appendSummary(markdown: string): void {
  fileCommand('STEP_SUMMARY', markdown)
}
