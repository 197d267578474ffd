/**
 * A stand-in action for the runner harness's tests: it talks to the runner only through the
 * protocol (inputs, event file, file commands, stdout commands), using the real @actions/core.
 * Input `mode`: `hang` never ends, `fail` fails the step after writing everything, `bad-output`
 * appends a line to GITHUB_OUTPUT that is no file command.
 */
import { appendFileSync, readFileSync } from 'node:fs'
import process from 'node:process'
import { setInterval } from 'node:timers'
import * as core from '@actions/core'

const mode = core.getInput('mode')
if (mode === 'hang') {
  core.info('hanging')
  setInterval(() => undefined, 1000)
} else {
  core.setSecret(core.getInput('saas-token'))
  const event = JSON.parse(readFileSync(process.env.GITHUB_EVENT_PATH ?? '', 'utf8'))
  core.setOutput('saas-url', core.getInput('saas-url', { required: true }))
  core.setOutput('spaced input', core.getInput('team slug'))
  core.setOutput('multi-line', 'first\nsecond\n')
  core.setOutput('event-action', event.action ?? '')
  core.setOutput('env', JSON.stringify(process.env))
  core.setOutput('cwd', process.cwd())
  core.saveState('phase', 'main')
  core.warning('careful: 50% done', { title: 'Heads up', file: 'src/a.ts', startLine: 3 })
  core.notice('just so you know')
  await core.summary.addHeading('Stand-in').addRaw('ran fine', true).write()
  if (mode === 'fail') core.setFailed('it broke\non two lines')
  if (mode === 'bad-output') appendFileSync(process.env.GITHUB_OUTPUT ?? '', 'no delimiter here\n')
}
