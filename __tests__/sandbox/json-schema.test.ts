import { describe, expect, it } from '@jest/globals'
import { validate } from './json-schema.js'
import type { Schema, SchemaDocument } from './json-schema.js'

const document: SchemaDocument = {
  components: {
    schemas: {
      user: {
        type: 'object',
        nullable: true,
        required: ['login'],
        properties: { login: { type: 'string' } }
      }
    }
  }
}

const cases: { name: string; schema: Schema; value: unknown; valid: boolean }[] = [
  { name: 'an integer for integer', schema: { type: 'integer' }, value: 3, valid: true },
  { name: 'a fraction for integer', schema: { type: 'integer' }, value: 3.5, valid: false },
  { name: 'an integer for number', schema: { type: 'number' }, value: 3, valid: true },
  {
    name: 'a string for a list of types',
    schema: { type: ['string', 'null'] },
    value: 'x',
    valid: true
  },
  {
    name: 'null for a list with null',
    schema: { type: ['string', 'null'] },
    value: null,
    valid: true
  },
  { name: 'null without nullable', schema: { type: 'string' }, value: null, valid: false },
  {
    name: 'null with nullable',
    schema: { type: 'string', nullable: true },
    value: null,
    valid: true
  },
  { name: 'an array for object', schema: { type: 'object' }, value: [], valid: false },
  { name: 'a value in the enum', schema: { enum: ['open', 'closed'] }, value: 'open', valid: true },
  { name: 'a value outside the enum', schema: { enum: ['open'] }, value: 'draft', valid: false },
  {
    name: 'a missing required key',
    schema: { type: 'object', required: ['id'] },
    value: {},
    valid: false
  },
  {
    name: 'a wrongly typed property',
    schema: { type: 'object', properties: { id: { type: 'integer' } } },
    value: { id: '1' },
    valid: false
  },
  {
    name: 'an extra key when additionalProperties is false',
    schema: { type: 'object', properties: {}, additionalProperties: false },
    value: { x: 1 },
    valid: false
  },
  {
    name: 'an extra key checked against additionalProperties',
    schema: { type: 'object', additionalProperties: { type: 'string' } },
    value: { x: 1 },
    valid: false
  },
  {
    name: 'a bad array item',
    schema: { type: 'array', items: { type: 'string' } },
    value: ['a', 2],
    valid: false
  },
  {
    name: 'a $ref that is null and nullable',
    schema: { $ref: '#/components/schemas/user' },
    value: null,
    valid: true
  },
  {
    name: 'a $ref missing a required key',
    schema: { $ref: '#/components/schemas/user' },
    value: { id: 1 },
    valid: false
  },
  {
    name: 'allOf with one failing part',
    schema: { allOf: [{ type: 'object' }, { required: ['a'] }] },
    value: {},
    valid: false
  },
  {
    name: 'anyOf with one passing part',
    schema: { anyOf: [{ type: 'string' }, { type: 'integer' }] },
    value: 1,
    valid: true
  },
  {
    name: 'anyOf with no passing part',
    schema: { anyOf: [{ type: 'string' }, { type: 'boolean' }] },
    value: 1,
    valid: false
  },
  {
    name: 'oneOf with two passing parts',
    schema: { oneOf: [{ type: 'number' }, { type: 'integer' }] },
    value: 1,
    valid: false
  },
  {
    name: 'oneOf with exactly one passing part',
    schema: { oneOf: [{ type: 'array' }, { type: 'object' }] },
    value: [],
    valid: true
  }
]

describe('validate (test helper)', () => {
  it.each(cases)('judges $name as valid=$valid', ({ schema, value, valid }) => {
    expect(validate(document, schema, value).length === 0).toBe(valid)
  })

  it('names the path of a problem', () => {
    const schema: Schema = {
      type: 'object',
      properties: { items: { type: 'array', items: { type: 'object', required: ['sha'] } } }
    }
    expect(validate(document, schema, { items: [{}] })).toEqual(['$.items[0].sha is required'])
  })

  it('refuses a $ref it cannot resolve', () => {
    expect(() => validate(document, { $ref: '#/components/schemas/nope' }, {})).toThrow('nope')
  })
})
