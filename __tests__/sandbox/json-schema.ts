/**
 * A small JSON-schema validator for the keywords GitHub's OpenAPI (3.0) response schemas use:
 * `type` (a name or a list of names), `nullable`, `enum`, `required`, `properties`,
 * `additionalProperties`, `items`, `allOf`, `anyOf`, `oneOf` and local `$ref`s into
 * `#/components/schemas/`. `format` and everything else is ignored, as in the extracted subset.
 */

/** The schema shape this validator understands. */
export interface Schema {
  type?: string | string[]
  nullable?: boolean
  enum?: unknown[]
  required?: string[]
  properties?: Record<string, Schema>
  additionalProperties?: boolean | Schema
  items?: Schema
  allOf?: Schema[]
  anyOf?: Schema[]
  oneOf?: Schema[]
  $ref?: string
}

/** Where `$ref`s point: `#/components/schemas/<name>`. */
export interface SchemaDocument {
  components: { schemas: Record<string, Schema> }
}

const PREFIX = '#/components/schemas/'

function typeOf(value: unknown): string[] {
  if (value === null) return ['null']
  if (Array.isArray(value)) return ['array']
  if (typeof value === 'number') return Number.isInteger(value) ? ['integer', 'number'] : ['number']
  return [typeof value]
}

function resolve(document: SchemaDocument, ref: string): Schema {
  const schema = ref.startsWith(PREFIX)
    ? document.components.schemas[ref.slice(PREFIX.length)]
    : undefined
  if (schema === undefined) throw new Error(`unresolvable $ref ${ref}`)
  return schema
}

function validateObject(
  document: SchemaDocument,
  schema: Schema,
  value: Record<string, unknown>,
  path: string
): string[] {
  const problems: string[] = []
  for (const key of schema.required ?? []) {
    if (!(key in value)) problems.push(`${path}.${key} is required`)
  }
  for (const [key, inner] of Object.entries(value)) {
    const property = schema.properties?.[key]
    if (property !== undefined) {
      problems.push(...validate(document, property, inner, `${path}.${key}`))
    } else if (schema.additionalProperties === false) {
      problems.push(`${path}.${key} is not allowed`)
    } else if (typeof schema.additionalProperties === 'object') {
      problems.push(...validate(document, schema.additionalProperties, inner, `${path}.${key}`))
    }
  }
  return problems
}

function validateCombinators(
  document: SchemaDocument,
  schema: Schema,
  value: unknown,
  path: string
): string[] {
  const problems: string[] = []
  for (const inner of schema.allOf ?? []) problems.push(...validate(document, inner, value, path))
  const passing = (list: Schema[]): number =>
    list.filter(inner => validate(document, inner, value, path).length === 0).length
  if (schema.anyOf !== undefined && passing(schema.anyOf) === 0) {
    problems.push(`${path} matches none of anyOf`)
  }
  if (schema.oneOf !== undefined && passing(schema.oneOf) !== 1) {
    problems.push(`${path} matches ${passing(schema.oneOf)} of oneOf (exactly one wanted)`)
  }
  return problems
}

/** Every way `value` breaks `schema`, as `$.path message` lines; empty when it is valid. */
export function validate(
  document: SchemaDocument,
  schema: Schema,
  value: unknown,
  path = '$'
): string[] {
  if (schema.$ref !== undefined)
    return validate(document, resolve(document, schema.$ref), value, path)
  if (value === null && schema.nullable === true) return []
  if (schema.type !== undefined) {
    const allowed = Array.isArray(schema.type) ? schema.type : [schema.type]
    if (!typeOf(value).some(type => allowed.includes(type))) {
      return [`${path} is ${typeOf(value)[0]}, expected ${allowed.join(' or ')}`]
    }
  }
  const problems: string[] = []
  if (schema.enum !== undefined && !schema.enum.includes(value)) {
    problems.push(
      `${path} is ${JSON.stringify(value)}, expected one of ${JSON.stringify(schema.enum)}`
    )
  }
  if (typeOf(value)[0] === 'object') {
    problems.push(...validateObject(document, schema, value as Record<string, unknown>, path))
  }
  if (Array.isArray(value) && schema.items !== undefined) {
    const items = schema.items
    value.forEach((item, index) => {
      problems.push(...validate(document, items, item, `${path}[${index}]`))
    })
  }
  problems.push(...validateCombinators(document, schema, value, path))
  return problems
}
