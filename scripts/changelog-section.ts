/**
 * Prints the CHANGELOG.md section of one release: the release workflow uses it as the notes of
 * the GitHub release.
 *
 *   npx tsx scripts/changelog-section.ts v1.2.3 [CHANGELOG.md]
 *
 * A section starts at a level-2 heading that names the version (`## 1.2.3`, `## [1.2.3]` or
 * `## v1.2.3`, optionally followed by a date) and ends at the next level-2 heading.
 */
import { readFileSync } from 'node:fs'
import { pathToFileURL } from 'node:url'

const SEMVER =
  /^v?(\d+\.\d+\.\d+(?:-[0-9A-Za-z-]+(?:\.[0-9A-Za-z-]+)*)?(?:\+[0-9A-Za-z-]+(?:\.[0-9A-Za-z-]+)*)?)$/
const LEVEL_2 = /^## (?!#)/
const FENCE = /^\s*(```|~~~)/

/** The version a tag names (`v1.2.3` → `1.2.3`); throws when the tag is not a semantic version. */
export function versionOf(tag: string): string {
  const match = SEMVER.exec(tag.trim())
  if (!match?.[1]) {
    throw new Error(`"${tag}" is not a release version such as v1.2.3 or v1.2.3-rc.1.`)
  }
  return match[1]
}

/** True when a level-2 heading line names `version`, with or without brackets, `v` and a date. */
function namesVersion(heading: string, version: string): boolean {
  const title = heading.replace(LEVEL_2, '').trim()
  const escaped = version.replace(/[.+]/g, '\\$&')
  return new RegExp(`^\\[?v?${escaped}\\]?(?:$|[\\s(])`).test(title)
}

/**
 * The body of the section for `tag` (a version, with or without `v`), trimmed. Throws a sentence
 * that says what to fix when the CHANGELOG has no such section, has it twice, or has it empty.
 */
export function changelogSection(changelog: string, tag: string): string {
  const version = versionOf(tag)
  const sections: string[][] = []
  let current: string[] | null = null
  let inFence = false
  for (const line of changelog.split(/\r?\n/)) {
    if (FENCE.test(line)) inFence = !inFence
    if (!inFence && LEVEL_2.test(line)) {
      current = namesVersion(line, version) ? [] : null
      if (current) sections.push(current)
      continue
    }
    current?.push(line)
  }
  if (sections.length === 0) {
    throw new Error(
      `CHANGELOG.md has no "## ${version}" section; add one (move the Unreleased notes under it) and tag again.`
    )
  }
  if (sections.length > 1) {
    throw new Error(`CHANGELOG.md has ${sections.length} sections for ${version}; keep one.`)
  }
  const body = (sections[0] ?? []).join('\n').trim()
  if (body === '') throw new Error(`The CHANGELOG.md section for ${version} is empty.`)
  return body
}

/** Command line: prints the section, or one sentence on stderr and exit code 1. */
function main(argv: string[]): void {
  const [tag, file = 'CHANGELOG.md'] = argv
  try {
    if (!tag) throw new Error('Usage: changelog-section.ts <tag> [CHANGELOG.md]')
    process.stdout.write(`${changelogSection(readFileSync(file, 'utf8'), tag)}\n`)
  } catch (error) {
    process.stderr.write(`${error instanceof Error ? error.message : String(error)}\n`)
    process.exitCode = 1
  }
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  main(process.argv.slice(2))
}
