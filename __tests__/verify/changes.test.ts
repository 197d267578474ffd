import { describe, expect, it } from '@jest/globals'
import { changedMissions, missionNameOf } from '../../src/verify/changes.js'

describe('missionNameOf', () => {
  it.each([
    ['kitty-specs/web-123-01JFK3Q8/meta.json', 'web-123-01JFK3Q8'],
    ['kitty-specs/001-legacy/tasks/README.md', '001-legacy'],
    ['kitty-specs/README.md', null],
    ['kitty-specs', null],
    ['docs/kitty-specs/x/meta.json', null],
    ['Kitty-Specs/x/meta.json', null],
    ['kitty-specs//meta.json', null],
    ['kitty-specs/../meta.json', null],
    ['kitty-specs/./meta.json', null],
    ['src/app.ts', null]
  ])('reads %j as mission %j', (path, name) => {
    expect(missionNameOf(path)).toBe(name)
  })
})

describe('changedMissions', () => {
  it('groups changed files by mission directory, sorted, and leaves other files out', () => {
    expect(
      changedMissions([
        { path: 'kitty-specs/web-2/spec.md', status: 'modified' },
        { path: 'src/app.ts', status: 'modified' },
        { path: 'kitty-specs/web-1/spec.md', status: 'added' },
        { path: 'kitty-specs/web-1/meta.json', status: 'added' },
        { path: 'kitty-specs/README.md', status: 'added' }
      ])
    ).toEqual([
      {
        dir: 'kitty-specs/web-1',
        name: 'web-1',
        paths: ['kitty-specs/web-1/meta.json', 'kitty-specs/web-1/spec.md'],
        removed: false
      },
      {
        dir: 'kitty-specs/web-2',
        name: 'web-2',
        paths: ['kitty-specs/web-2/spec.md'],
        removed: false
      }
    ])
  })

  it('marks a directory whose files are only removed, and keeps present files apart', () => {
    const [gone, kept] = changedMissions([
      { path: 'kitty-specs/a/meta.json', status: 'removed' },
      { path: 'kitty-specs/a/spec.md', status: 'removed' },
      { path: 'kitty-specs/b/meta.json', status: 'removed' },
      { path: 'kitty-specs/b/spec.md', status: 'modified' }
    ])
    expect(gone).toEqual({ dir: 'kitty-specs/a', name: 'a', paths: [], removed: true })
    expect(kept).toEqual({
      dir: 'kitty-specs/b',
      name: 'b',
      paths: ['kitty-specs/b/spec.md'],
      removed: false
    })
  })

  it('counts a rename as a change of the new directory and a removal from the old one', () => {
    expect(
      changedMissions([
        {
          path: 'kitty-specs/new-name/meta.json',
          status: 'renamed',
          previousPath: 'kitty-specs/old-name/meta.json'
        },
        {
          path: 'kitty-specs/copy/meta.json',
          status: 'copied',
          previousPath: 'kitty-specs/new-name/meta.json'
        }
      ]).map(mission => [mission.name, mission.removed])
    ).toEqual([
      ['copy', false],
      ['new-name', false],
      ['old-name', true]
    ])
  })

  it('finds no mission in a pull request that changes none', () => {
    expect(changedMissions([{ path: 'README.md', status: 'modified' }])).toEqual([])
  })
})
