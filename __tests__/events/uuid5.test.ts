import { describe, expect, it } from '@jest/globals'
import { deriveBuildId, NAMESPACE_URL, uuid5 } from '../../src/events/uuid5.js'

describe('uuid5', () => {
  it("matches Python's uuid.uuid5 (values computed with CPython 3.11)", () => {
    expect(uuid5(NAMESPACE_URL, 'spec-kitty:identity:build_id')).toBe(
      '18c0fef1-8e60-5d6b-89d9-e2f1ccb9cc03'
    )
    expect(uuid5(NAMESPACE_URL, 'https://example.com')).toBe('4fd35a71-71ef-5a55-a9d9-aa75c889a6d0')
  })
})

describe('deriveBuildId', () => {
  it("is spec-kitty's derive_build_id(project_uuid, node_id)", () => {
    expect(deriveBuildId('8a4a7da6-1c2b-4d3e-9f00-0123456789ab', '0a1b2c3d4e5f')).toBe(
      '00d1b337-6e6d-57da-967d-f42156a4b5c5'
    )
  })
})
