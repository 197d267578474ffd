import { beforeEach, describe, expect, it } from '@jest/globals'
import { ANNOTATION_TITLE } from '../../src/verify/render.js'
import { metaText, MISSION_SLUG } from './fixtures.js'
import { useVerify } from './harness.js'

const harness = useVerify()
beforeEach(() => {
  // The base branch already holds the mission started from WEB-123.
  harness.bot.github.pushFiles('acme/webapp', 'main', {
    [`${DIR}/meta.json`]: metaText(),
    [`${DIR}/spec.md`]: '# Add Clerk auth\n'
  })
})

const DIR = `kitty-specs/${MISSION_SLUG}`
const MISSION_ID = '01JFK3Q8ZT5N2M4V6X8R0C1B3D'
const NO_SAAS = { 'saas-url': '', 'saas-token': '' }
const SECRETS: [string, Record<string, string>][] = [
  ['with the SaaS secrets', {}],
  ['without them (a fork)', NO_SAAS]
]

/** The line of `"key":` in the mission's meta.json (1-based). */
function lineOf(key: string): number {
  return (
    metaText()
      .split('\n')
      .findIndex(line => line.includes(`"${key}":`)) + 1
  )
}

function origin(meta: Record<string, unknown>): Record<string, unknown> {
  return meta.origin_ticket as Record<string, unknown>
}

/** A mission in another directory, with every name in it following the directory. */
function elsewhere(name: string, change?: (meta: Record<string, unknown>) => void): string {
  return metaText(meta => {
    meta.mission_slug = name
    meta.slug = name
    change?.(meta)
  })
}

function errors(): { message: string; file: string; line: number }[] {
  return harness.annotations
    .filter(annotation => annotation.level === 'error')
    .map(annotation => ({
      message: annotation.message,
      file: annotation.properties.file,
      line: annotation.properties.startLine
    }))
}

describe('a pull request that rewrites who a mission on the base branch is', () => {
  it.each(SECRETS)('fails when it changes origin_ticket, %s', async (_name, inputs) => {
    const number = await harness.openPull('feature/retarget', {
      [`${DIR}/meta.json`]: metaText(meta => (origin(meta).title = 'Something else entirely'))
    })
    const report = await harness.verify(number, inputs)
    expect(report.state).toBe('verify-failed')
    expect(errors()).toContainEqual({
      message: `${DIR}/: meta.json changes the origin_ticket of ${DIR}/, which the base branch holds with another; a mission keeps the ticket it was started from.`,
      file: `${DIR}/meta.json`,
      line: lineOf('origin_ticket')
    })
  })

  it.each(SECRETS)('fails when it removes origin_ticket, %s', async (_name, inputs) => {
    const number = await harness.openPull('feature/unbind', {
      [`${DIR}/meta.json`]: metaText(meta => delete meta.origin_ticket)
    })
    expect((await harness.verify(number, inputs)).state).toBe('verify-failed')
    expect(errors().map(error => error.message)).toEqual([
      expect.stringContaining('changes the origin_ticket')
    ])
  })

  it.each(SECRETS)('fails when it changes mission_id, %s', async (_name, inputs) => {
    const number = await harness.openPull('feature/reid', {
      [`${DIR}/meta.json`]: metaText(meta => (meta.mission_id = `${MISSION_ID.slice(0, 25)}E`))
    })
    expect((await harness.verify(number, inputs)).state).toBe('verify-failed')
    expect(errors().map(error => error.message)).toEqual([
      `${DIR}/: meta.json changes the mission_id of ${DIR}/ from ${MISSION_ID} on the base branch to ${MISSION_ID.slice(0, 25)}E; a mission keeps the id it was created with.`
    ])
  })

  it.each(SECRETS)(
    'fails when it adds a mission reusing an existing mission_id, %s',
    async (_name, inputs) => {
      const copy = 'web-999-01JFK3Q8'
      const number = await harness.openPull('feature/copy', {
        [`kitty-specs/${copy}/meta.json`]: elsewhere(copy)
      })
      expect((await harness.verify(number, inputs)).state).toBe('verify-failed')
      expect(errors()).toEqual([
        {
          message: `kitty-specs/${copy}/: meta.json reuses the mission_id ${MISSION_ID} of ${DIR}/ on the base branch; every mission needs its own id.`,
          file: `kitty-specs/${copy}/meta.json`,
          line: lineOf('mission_id')
        }
      ])
    }
  )

  it('finds an id reused from a mission of the numbered layout, whose name does not carry it', async () => {
    harness.bot.github.pushFiles('acme/webapp', 'main', {
      'kitty-specs/002-old-thing/meta.json': elsewhere('002-old-thing', meta => {
        meta.mission_id = '01JFK3Q9ZT5N2M4V6X8R0C1B3D'
      })
    })
    const fresh = 'fresh-01JFK3Q9'
    const number = await harness.openPull('feature/fresh', {
      [`kitty-specs/${fresh}/meta.json`]: elsewhere(fresh, meta => {
        meta.mission_id = '01JFK3Q9ZT5N2M4V6X8R0C1B3D'
      })
    })
    expect((await harness.verify(number, NO_SAAS)).state).toBe('verify-failed')
    expect(errors().map(error => error.message)).toEqual([
      expect.stringContaining(
        'reuses the mission_id 01JFK3Q9ZT5N2M4V6X8R0C1B3D of kitty-specs/002-old-thing/'
      )
    ])
  })

  it('fails two new missions of one pull request that share a mission_id', async () => {
    const [a, b] = ['web-1-01JFK3QA', 'web-2-01JFK3QA']
    const twin = (name: string) =>
      elsewhere(name, meta => (meta.mission_id = '01JFK3QAZT5N2M4V6X8R0C1B3D'))
    const number = await harness.openPull('feature/twins', {
      [`kitty-specs/${a}/meta.json`]: twin(a),
      [`kitty-specs/${b}/meta.json`]: twin(b)
    })
    expect((await harness.verify(number, NO_SAAS)).state).toBe('verify-failed')
    expect(errors().map(error => error.file)).toEqual([
      `kitty-specs/${a}/meta.json`,
      `kitty-specs/${b}/meta.json`
    ])
  })

  it('lets a pull request move a mission, keeping its id and origin_ticket', async () => {
    const moved = 'web-123-renamed-01JFK3Q8'
    const number = await harness.openPull('feature/move', {
      [`${DIR}/meta.json`]: null,
      [`${DIR}/spec.md`]: null,
      [`kitty-specs/${moved}/meta.json`]: elsewhere(moved)
    })
    const report = await harness.verify(number, NO_SAAS)
    expect(errors()).toEqual([])
    expect(report.state).toBe('verified')
  })

  it('fails a move that changes origin_ticket on the way', async () => {
    const moved = 'web-123-renamed-01JFK3Q8'
    const number = await harness.openPull('feature/move-retarget', {
      [`${DIR}/meta.json`]: null,
      [`${DIR}/spec.md`]: null,
      [`kitty-specs/${moved}/meta.json`]: elsewhere(moved, meta => {
        origin(meta).external_issue_key = 'WEB-124'
      })
    })
    expect((await harness.verify(number, NO_SAAS)).state).toBe('verify-failed')
    expect(errors().map(error => error.message)).toContainEqual(
      `kitty-specs/${moved}/: meta.json changes the origin_ticket of the mission moved here from ${DIR}/; a mission keeps the ticket it was started from.`
    )
  })
})

describe('mission paths that are not files of the repository', () => {
  it('fails a symlink standing where a mission directory would', async () => {
    const number = await harness.openPull('feature/link', {
      'kitty-specs/evil-01JFK3Q8': { symlink: MISSION_SLUG }
    })
    const report = await harness.verify(number, NO_SAAS)
    expect(report.state).toBe('verify-failed')
    expect(harness.annotations).toEqual([
      {
        level: 'error',
        message:
          'kitty-specs/evil-01JFK3Q8/: kitty-specs/evil-01JFK3Q8 is a symlink; a mission must be a directory of files in this repository.',
        properties: { title: ANNOTATION_TITLE, file: 'kitty-specs/evil-01JFK3Q8', startLine: 1 }
      }
    ])
  })

  it('fails a mission directory replaced by a symlink, which the file list shows as a removal', async () => {
    const number = await harness.openPull('feature/swap', {
      [`${DIR}/meta.json`]: null,
      [`${DIR}/spec.md`]: null,
      [DIR]: { symlink: '../elsewhere' }
    })
    expect((await harness.verify(number, NO_SAAS)).state).toBe('verify-failed')
    expect(errors().map(error => error.file)).toEqual([DIR])
  })

  it('fails a symlinked meta.json, which GitHub would serve as the file it points at', async () => {
    const fresh = 'fresh-01JFK3QB'
    const number = await harness.openPull('feature/meta-link', {
      [`kitty-specs/${fresh}/meta.json`]: { symlink: `../${MISSION_SLUG}/meta.json` },
      [`kitty-specs/${fresh}/spec.md`]: '# Fresh\n'
    })
    expect((await harness.verify(number, NO_SAAS)).state).toBe('verify-failed')
    expect(errors()).toEqual([
      {
        message: `kitty-specs/${fresh}/: kitty-specs/${fresh}/meta.json is a symlink; a mission holds only files of this repository.`,
        file: `kitty-specs/${fresh}/meta.json`,
        line: 1
      }
    ])
  })

  it('fails a submodule inside a mission and one in place of a mission', async () => {
    const sha = 'abcdef0123456789abcdef0123456789abcdef01'
    const number = await harness.openPull('feature/submodules', {
      [`${DIR}/vendor`]: { submodule: sha },
      'kitty-specs/vendored-01JFK3QC': { submodule: sha }
    })
    expect((await harness.verify(number, NO_SAAS)).state).toBe('verify-failed')
    expect(errors().map(error => error.file)).toEqual([
      'kitty-specs/vendored-01JFK3QC',
      `${DIR}/vendor`
    ])
    expect(errors()[0]?.message).toContain('is a submodule')
  })

  it('fails a meta.json too large for GitHub to serve, with a file annotation', async () => {
    const big = metaText(meta => (meta.purpose_context = 'x'.repeat(1_100_000)))
    const number = await harness.openPull('feature/big', { [`${DIR}/meta.json`]: big })
    const report = await harness.verify(number)
    expect(report.state).toBe('verify-failed')
    expect(errors()).toEqual([
      {
        message: `${DIR}/: ${DIR}/meta.json is ${Buffer.byteLength(big)} bytes, more than GitHub serves through its API (1 MB), so its provenance cannot be checked.`,
        file: `${DIR}/meta.json`,
        line: 1
      }
    ])
  })

  it('fails a kitty-specs that became a symlink to missions kept elsewhere', async () => {
    const number = await harness.openPull('feature/moved-root', {
      [`${DIR}/meta.json`]: null,
      [`${DIR}/spec.md`]: null,
      'kitty-specs/001-legacy-import/meta.json': null,
      'kitty-specs/001-legacy-import/spec.md': null,
      'kitty-specs/checkout-flow-01JD3K2M/meta.json': null,
      'kitty-specs/checkout-flow-01JD3K2M/spec.md': null,
      'kitty-specs': { symlink: 'elsewhere' },
      [`elsewhere/${MISSION_SLUG}/meta.json`]: metaText(meta => (origin(meta).title = 'Other'))
    })
    expect((await harness.verify(number, NO_SAAS)).state).toBe('verify-failed')
    expect(errors()).toEqual([
      {
        message: 'kitty-specs/: kitty-specs is a symlink; missions must live in a real directory.',
        file: 'kitty-specs',
        line: 1
      }
    ])
  })

  it('leaves a plain file directly in kitty-specs/ alone', async () => {
    const number = await harness.openPull('feature/readme', {
      'kitty-specs/README.md': '# Missions\n'
    })
    expect(await harness.verify(number, NO_SAAS)).toMatchObject({ state: 'verified' })
    expect(harness.annotations).toEqual([])
  })
})
