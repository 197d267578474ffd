import type { z } from 'zod'
import { badResponse } from './errors.js'
import type { SaasOperation } from './errors.js'

/** The JSON body of a 2xx answer checked against its schema; anything else is saas-bad-response. */
export function parseBody<S extends z.ZodType>(
  schema: S,
  bodyText: string,
  operation: SaasOperation
): z.infer<S> {
  let json: unknown
  try {
    json = JSON.parse(bodyText)
  } catch {
    throw badResponse(operation, 'body is not JSON')
  }
  return parseValue(schema, json, operation)
}

/** A value already parsed from JSON checked against its schema. */
export function parseValue<S extends z.ZodType>(
  schema: S,
  value: unknown,
  operation: SaasOperation
): z.infer<S> {
  const parsed = schema.safeParse(value)
  if (!parsed.success) {
    const where = parsed.error.issues
      .slice(0, 3)
      .map(issue => issue.path.join('.') || '(root)')
      .join(', ')
    throw badResponse(operation, `unexpected shape at ${where}`)
  }
  return parsed.data
}
