/**
 * Writes `__fixtures__/github/openapi-subset.json`: the JSON response schemas of exactly the
 * GitHub REST operations the sandbox serves (`sandbox/github/operations.ts`), plus every schema
 * they reference, cut down to the keywords the OpenAPI test validates.
 *
 * Source: `generated/api.github.com.json` of `@octokit/openapi`. That package is 400 MB unpacked,
 * so it is not a dependency; fetch the one file for a run:
 *
 *   cd /tmp && npm pack @octokit/openapi && tar xzf octokit-openapi-*.tgz package/generated/api.github.com.json
 *   npx tsx scripts/extract-github-openapi.ts /tmp/package/generated/api.github.com.json
 */
import { readFileSync, writeFileSync } from 'node:fs'
import { z } from 'zod'
import { SANDBOX_GITHUB_OPERATIONS } from '../sandbox/github/operations.js'

const OUTPUT = new URL('../__fixtures__/github/openapi-subset.json', import.meta.url)
const SCHEMA_PREFIX = '#/components/schemas/'
const RESPONSE_PREFIX = '#/components/responses/'

/** The schema keywords the OpenAPI test's validator understands; everything else is dropped. */
const KEPT_KEYWORDS = [
  'type',
  'nullable',
  'enum',
  'required',
  'properties',
  'additionalProperties',
  'items',
  'anyOf',
  'oneOf',
  'allOf',
  '$ref'
] as const

type Json = null | boolean | number | string | Json[] | { [key: string]: Json }
type JsonObject = { [key: string]: Json }

const Response = z.looseObject({
  $ref: z.string().optional(),
  content: z.record(z.string(), z.looseObject({ schema: z.unknown().optional() })).optional()
})
const Document = z.object({
  openapi: z.string(),
  info: z.object({ version: z.string() }),
  paths: z.record(z.string(), z.record(z.string(), z.unknown())),
  components: z.object({
    schemas: z.record(z.string(), z.unknown()),
    responses: z.record(z.string(), Response)
  })
})
type Document = z.infer<typeof Document>
const Operation = z.object({
  operationId: z.string(),
  responses: z.record(z.string(), Response)
})

function isObject(value: Json | undefined): value is JsonObject {
  return typeof value === 'object' && value !== null && !Array.isArray(value)
}

/** A schema cut down to the kept keywords; `properties` keeps every property name. */
function prune(schema: Json): Json {
  if (!isObject(schema)) return schema
  const kept: JsonObject = {}
  for (const keyword of KEPT_KEYWORDS) {
    const value = schema[keyword]
    if (value === undefined) continue
    if (keyword === 'properties' && isObject(value)) {
      kept[keyword] = Object.fromEntries(
        Object.entries(value).map(([name, property]) => [name, prune(property)])
      )
    } else if (Array.isArray(value) && keyword !== 'enum' && keyword !== 'required') {
      kept[keyword] = value.map(prune)
    } else if (keyword === 'items' || keyword === 'additionalProperties') {
      kept[keyword] = prune(value)
    } else {
      kept[keyword] = value
    }
  }
  return kept
}

/** Names of every component schema a (pruned) schema refers to, directly. */
function referencedNames(schema: Json): string[] {
  if (Array.isArray(schema)) return schema.flatMap(referencedNames)
  if (!isObject(schema)) return []
  return Object.entries(schema).flatMap(([key, value]) =>
    key === '$ref' && typeof value === 'string' && value.startsWith(SCHEMA_PREFIX)
      ? [value.slice(SCHEMA_PREFIX.length)]
      : referencedNames(value)
  )
}

/** The JSON schema of one response (following a shared `#/components/responses/…`), or null. */
function responseSchema(document: Document, response: z.infer<typeof Response>): Json {
  const resolved =
    response.$ref === undefined
      ? response
      : document.components.responses[response.$ref.slice(RESPONSE_PREFIX.length)]
  const schema = resolved?.content?.['application/json']?.schema
  return schema === undefined ? null : prune(schema as Json)
}

function extract(document: Document): JsonObject {
  const operations: JsonObject = {}
  const pending: string[] = []
  for (const entry of Object.keys(SANDBOX_GITHUB_OPERATIONS)) {
    const [method, path] = entry.split(' ') as [string, string]
    const operation = Operation.parse(document.paths[path]?.[method.toLowerCase()])
    const responses: JsonObject = {}
    for (const [status, response] of Object.entries(operation.responses)) {
      const schema = responseSchema(document, response)
      responses[status] = schema
      pending.push(...referencedNames(schema))
    }
    operations[entry] = { operationId: operation.operationId, responses }
  }
  const schemas: JsonObject = {}
  for (let name = pending.pop(); name !== undefined; name = pending.pop()) {
    if (name in schemas) continue
    const schema = document.components.schemas[name]
    if (schema === undefined) throw new Error(`The OpenAPI description has no schema ${name}.`)
    const pruned = prune(schema as Json)
    schemas[name] = pruned
    pending.push(...referencedNames(pruned))
  }
  const sorted = Object.fromEntries(Object.entries(schemas).sort(([a], [b]) => a.localeCompare(b)))
  return {
    source: `@octokit/openapi ${document.info.version}, generated/api.github.com.json (OpenAPI ${document.openapi})`,
    keywords: [...KEPT_KEYWORDS],
    operations,
    components: { schemas: sorted }
  }
}

const input = process.argv[2]
if (input === undefined) {
  console.error('usage: npx tsx scripts/extract-github-openapi.ts <api.github.com.json>')
  process.exit(2)
}
const subset = extract(Document.parse(JSON.parse(readFileSync(input, 'utf8'))))
writeFileSync(OUTPUT, `${JSON.stringify(subset, null, 2)}\n`)
console.log(`wrote ${OUTPUT.pathname}`)
