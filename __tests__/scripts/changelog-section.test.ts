import { describe, expect, it } from '@jest/globals'
import { readFileSync } from 'node:fs'
import { changelogSection, versionOf } from '../../scripts/changelog-section.js'

const CHANGELOG = `# Changelog

Intro text.

## Unreleased

- Not yet out.

## [1.2.0] - 2026-12-01

### Added

- A new input.

\`\`\`yaml
## not a heading inside a code block
\`\`\`

## 1.2.0-rc.1 (2026-11-20)

- The release candidate.

## v1.1.0

- The older release.
`

describe('versionOf', () => {
  it.each([
    ['v1.2.3', '1.2.3'],
    ['1.2.3', '1.2.3'],
    ['v1.2.3-rc.1', '1.2.3-rc.1'],
    [' v10.0.0+build.5 ', '10.0.0+build.5']
  ])('reads %p as %p', (tag, version) => {
    expect(versionOf(tag)).toBe(version)
  })

  it.each(['v1', 'v1.2', 'release-1.2.3', 'v1.2.3.4', ''])('refuses %p', tag => {
    expect(() => versionOf(tag)).toThrow(/is not a release version/)
  })
})

describe('changelogSection', () => {
  it('returns the section of the tag, sub-headings and code blocks included, up to the next release', () => {
    expect(changelogSection(CHANGELOG, 'v1.2.0')).toBe(
      '### Added\n\n- A new input.\n\n```yaml\n## not a heading inside a code block\n```'
    )
  })

  it('tells a release from its release candidate', () => {
    expect(changelogSection(CHANGELOG, 'v1.2.0-rc.1')).toBe('- The release candidate.')
  })

  it('accepts a heading with a v and no date, and a tag without a v', () => {
    expect(changelogSection(CHANGELOG, '1.1.0')).toBe('- The older release.')
  })

  it('does not take a longer version for a shorter one', () => {
    expect(() => changelogSection('## 1.2.30\n\n- x\n', 'v1.2.3')).toThrow(/no "## 1.2.3" section/)
  })

  it('says what to do when the version has no section', () => {
    expect(() => changelogSection(CHANGELOG, 'v2.0.0')).toThrow(
      'CHANGELOG.md has no "## 2.0.0" section; add one (move the Unreleased notes under it) and tag again.'
    )
  })

  it('refuses an empty section and a version listed twice', () => {
    expect(() => changelogSection('## 1.0.0\n\n\n## 0.9.0\n- y', 'v1.0.0')).toThrow(/is empty/)
    expect(() => changelogSection('## 1.0.0\n- a\n## [1.0.0]\n- b', 'v1.0.0')).toThrow(
      /has 2 sections for 1.0.0/
    )
  })

  it('reads CRLF files', () => {
    expect(changelogSection('## 1.0.0\r\n\r\n- a\r\n## 0.9.0\r\n', 'v1.0.0')).toBe('- a')
  })
})

describe('CHANGELOG.md', () => {
  const changelog = readFileSync(new URL('../../CHANGELOG.md', import.meta.url), 'utf8')

  it('names each release section by a version the release workflow can find', () => {
    const headings = changelog.split('\n').filter(line => /^## (?!#)/.test(line))
    expect(headings[0]).toBe('## Unreleased')
    for (const heading of headings.slice(1)) {
      const version = /^## \[?v?(\S+?)\]?(?:\s|$)/.exec(heading)?.[1] ?? ''
      expect(changelogSection(changelog, version).length).toBeGreaterThan(0)
    }
  })
})
