import type { MissionResult } from '../../src/verify/result.js'

/** A result for kitty-specs/<name>: verified, without meta, unless told otherwise. */
export function result(name: string, overrides: Partial<MissionResult> = {}): MissionResult {
  const dir = `kitty-specs/${name}`
  return {
    mission: { dir, name, paths: [`${dir}/meta.json`], removed: false },
    metaPath: `${dir}/meta.json`,
    annotatedPath: `${dir}/meta.json`,
    hasOrigin: true,
    meta: null,
    problems: [],
    saas: { kind: 'not-checked' },
    ...overrides
  }
}

/** A directory the pull request removes. */
export function removed(name: string): MissionResult {
  return result(name, { mission: { dir: `kitty-specs/${name}`, name, paths: [], removed: true } })
}

/** A problem as parseMeta reports one. */
export const PROBLEM = { message: 'meta.json is not valid JSON.', line: 1 }
