import { describe, expect, it } from '@jest/globals'
import { baseReader, compareWithBase } from '../../src/verify/base.js'
import { checkMissionPaths } from '../../src/verify/paths.js'
import type { MissionsView } from '../../src/verify/paths.js'
import type { TreePath, VerifyPorts } from '../../src/verify/ports.js'

const SHA = 'a'.repeat(40)

function view(entries: TreePath[], kind: MissionsView['kind'] = 'dir'): MissionsView {
  return { kind, entries: new Map(entries.map(entry => [entry.path, entry])) }
}

function portsWith(files: TreePath[]): VerifyPorts {
  return {
    listChangedFiles: () => Promise.resolve({ files: [], complete: true }),
    readFile: () => Promise.resolve(null),
    entryAt: () => Promise.resolve(null),
    listTree: () => Promise.resolve(files),
    annotations: { error: () => undefined, notice: () => undefined },
    log: { info: () => undefined, warning: () => undefined }
  }
}

describe('checkMissionPaths', () => {
  const mission = view([{ path: 'm-01ABCDEF', kind: 'dir', sha: SHA }])

  it('refuses a meta.json that is a directory', async () => {
    const ports = portsWith([{ path: 'meta.json', kind: 'dir', sha: SHA }])
    expect(await checkMissionPaths(ports, mission, 'm-01ABCDEF')).toEqual({
      kind: 'refused',
      problems: [
        {
          message: 'kitty-specs/m-01ABCDEF/meta.json is a directory; meta.json must be a file.',
          line: 1,
          file: 'kitty-specs/m-01ABCDEF/meta.json'
        }
      ]
    })
  })

  it('finds no meta.json in a directory without one, or where nothing stands', async () => {
    const ports = portsWith([{ path: 'spec.md', kind: 'file', sha: SHA, size: 3 }])
    expect(await checkMissionPaths(ports, mission, 'm-01ABCDEF')).toEqual({ kind: 'no-meta' })
    expect(await checkMissionPaths(ports, mission, 'gone')).toEqual({ kind: 'no-meta' })
  })

  it('reads a meta.json of exactly 1 MB', async () => {
    const ports = portsWith([{ path: 'meta.json', kind: 'file', sha: SHA, size: 1_048_576 }])
    expect(await checkMissionPaths(ports, mission, 'm-01ABCDEF')).toEqual({ kind: 'readable' })
  })

  it('refuses every mission under a kitty-specs that is a submodule', async () => {
    const result = await checkMissionPaths(portsWith([]), view([], 'submodule'), 'any')
    expect(result).toMatchObject({
      kind: 'refused',
      problems: [{ file: 'kitty-specs', message: expect.stringContaining('is a submodule') }]
    })
  })
})

describe('compareWithBase', () => {
  it.each([
    ['not JSON', '{ not json', false],
    ['without id or origin', '{"mission_slug": "001-old"}', true],
    ['with a null id', '{"mission_id": null}', true],
    ['with an origin but no id', '{"origin_ticket": {"provider": "linear"}}', false]
  ])('reads a base meta.json %s as one without id, legacy: %s', async (_name, text, legacy) => {
    const read = baseReader({ readFile: () => Promise.resolve(text) }, 'main')
    expect(await read('001-old')).toMatchObject({ missionId: null, legacy })
  })

  it('lets a mission the base holds without an id gain one, as spec-kitty migrate backfill-identity does', async () => {
    const base = view([{ path: '001-old', kind: 'dir', sha: SHA }])
    const problems = await compareWithBase(
      [{ name: '001-old', missionId: '01ABCDEFZT5N2M4V6X8R0C1B3D', origin: null, text: '{}' }],
      { base, head: base },
      baseReader({ readFile: () => Promise.resolve('{"slug": "001-old"}') }, 'main')
    )
    expect(problems.size).toBe(0)
  })

  it('fails a mission whose id changes from one the base holds to another', async () => {
    const base = view([{ path: '001-old', kind: 'dir', sha: SHA }])
    const problems = await compareWithBase(
      [{ name: '001-old', missionId: '01ABCDEFZT5N2M4V6X8R0C1B3D', origin: null, text: '{}' }],
      { base, head: base },
      baseReader(
        { readFile: () => Promise.resolve('{"mission_id": "01HZZZZZZT5N2M4V6X8R0C1B3D"}') },
        'main'
      )
    )
    expect(problems.get('001-old')?.map(problem => problem.message)).toEqual([
      'meta.json changes the mission_id of kitty-specs/001-old/ from 01HZZZZZZT5N2M4V6X8R0C1B3D on the base branch to 01ABCDEFZT5N2M4V6X8R0C1B3D; a mission keeps the id it was created with.'
    ])
  })

  it('asks nothing of the base for a mission whose meta.json names no id', async () => {
    const reads: string[] = []
    const problems = await compareWithBase(
      [{ name: 'new-01ABCDEF', missionId: null, origin: null, text: '{}' }],
      { base: view([{ path: '001-old', kind: 'dir', sha: SHA }]), head: view([]) },
      baseReader(
        {
          readFile: path => {
            reads.push(path)
            return Promise.resolve(null)
          }
        },
        'main'
      )
    )
    expect(problems.size).toBe(0)
    expect(reads).toEqual([])
  })
})
