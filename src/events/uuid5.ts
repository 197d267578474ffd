import { createHash } from 'node:crypto'

/** RFC 4122 `NAMESPACE_URL` (Python's `uuid.NAMESPACE_URL`). */
export const NAMESPACE_URL = '6ba7b811-9dad-11d1-80b4-00c04fd430c8'

/** A lower-case hyphenated UUID. */
export const UUID_PATTERN = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/

/** The name-based UUID (version 5, SHA-1) of `name` in `namespace`, as Python's `uuid.uuid5`. */
export function uuid5(namespace: string, name: string): string {
  const bytes = createHash('sha1')
    .update(Buffer.from(namespace.replace(/-/g, ''), 'hex'))
    .update(name, 'utf8')
    .digest()
    .subarray(0, 16)
  bytes.writeUInt8((bytes.readUInt8(6) & 0x0f) | 0x50, 6)
  bytes.writeUInt8((bytes.readUInt8(8) & 0x3f) | 0x80, 8)
  const hex = bytes.toString('hex')
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`
}

/** spec-kitty's namespace for build ids: `uuid5(NAMESPACE_URL, "spec-kitty:identity:build_id")`. */
const BUILD_ID_NAMESPACE = uuid5(NAMESPACE_URL, 'spec-kitty:identity:build_id')

/**
 * spec-kitty's derived build id (`identity/project.py` `derive_build_id`): the same project and
 * node always give the same id.
 */
export function deriveBuildId(projectUuid: string, nodeId: string): string {
  return uuid5(BUILD_ID_NAMESPACE, `${projectUuid}:${nodeId}`)
}
