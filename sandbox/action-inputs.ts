/**
 * The input defaults a runner fills in from `action.yml` for every input the step leaves out,
 * including `${{ github.token }}` for `github-token`.
 */
import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { parse } from 'yaml'
import { z } from 'zod'
import { PROJECT_ROOT } from './runner.js'

const ActionYml = z.looseObject({
  inputs: z.record(
    z.string(),
    z.looseObject({
      default: z
        .union([z.string(), z.number(), z.boolean()])
        .transform(value => String(value))
        .optional()
    })
  )
})

/** The values the runner's expressions may name. */
export interface ExpressionContext {
  githubToken: string
}

function evaluate(value: string, context: ExpressionContext): string {
  return value.replace(/\$\{\{\s*(.*?)\s*\}\}/g, (_match, expression: string) => {
    if (expression === 'github.token') return context.githubToken
    throw new Error(`The sandbox runner cannot evaluate \${{ ${expression} }} in action.yml.`)
  })
}

/** Input name → default value, for the inputs of `action.yml` (at `path`) that have one. */
export function actionInputDefaults(
  context: ExpressionContext,
  path = join(PROJECT_ROOT, 'action.yml')
): Record<string, string> {
  const action = ActionYml.parse(parse(readFileSync(path, 'utf8')))
  const defaults: Record<string, string> = {}
  for (const [name, input] of Object.entries(action.inputs)) {
    if (input.default !== undefined) defaults[name] = evaluate(input.default, context)
  }
  return defaults
}
