import { describe, expect, it } from '@jest/globals'
import { existsSync, readdirSync, readFileSync } from 'node:fs'
import { dirname, join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { INPUTS, OUTPUTS, RUN_STATES } from '../src/action-names.js'
import { REFUSAL_CODES } from '../src/errors.js'

const ROOT = fileURLToPath(new URL('..', import.meta.url))
const read = (path: string) => readFileSync(join(ROOT, path), 'utf8')

const readme = read('README.md')
const example = read('examples/workflows/kitty-origin.yml')
const exampleFiles = readdirSync(join(ROOT, 'examples/workflows')).map(
  name => `examples/workflows/${name}`
)
const markdownFiles = [
  'README.md',
  'SECURITY.md',
  'CHANGELOG.md',
  ...readdirSync(join(ROOT, 'docs'))
    .filter(name => name.endsWith('.md'))
    .map(name => `docs/${name}`)
]

/** Markdown text without its fenced code blocks (links and headings only count outside them). */
function prose(markdown: string): string {
  return markdown.replace(/^```[\s\S]*?^```/gm, '')
}

/** GitHub's anchor for a heading: lower case, punctuation dropped, spaces to hyphens. */
function anchorOf(heading: string): string {
  return heading
    .toLowerCase()
    .replace(/[^\p{L}\p{N} _-]/gu, '')
    .replace(/ /g, '-')
}

function anchorsOf(markdown: string): Set<string> {
  const headings = prose(markdown).match(/^#{1,6} .+$/gm) ?? []
  return new Set(headings.map(line => anchorOf(line.replace(/^#+ /, ''))))
}

/** Every `](target)` link of a markdown file that is not a web address. */
function localLinks(markdown: string): string[] {
  return [...prose(markdown).matchAll(/\]\(([^)\s]+)\)/g)]
    .map(match => match[1] ?? '')
    .filter(target => !/^[a-z]+:/i.test(target))
}

describe('README', () => {
  it('documents every input and every output in its tables', () => {
    for (const name of [...Object.keys(INPUTS), ...OUTPUTS]) {
      expect(readme).toMatch(new RegExp(`\\| \`${name}\` +\\|`))
    }
  })

  it('explains every state the state output can hold', () => {
    for (const state of RUN_STATES) {
      expect(readme).toMatch(new RegExp(`\\| \`${state}\` +\\| (green|red) +\\|`))
    }
  })

  it('shows the example workflow exactly as examples/ ships it', () => {
    const shown = /```yaml\n([\s\S]*?)```/.exec(readme)?.[1] ?? ''
    expect(shown).toContain('uses: your-org/kitty-origin@v1')
    expect(example).toContain(shown)
  })

  it('gives the two commands for a fresh clone', () => {
    expect(readme).toContain('```sh\nnpm ci\nnpm test\n```')
  })

  it('names only npm scripts that exist', () => {
    const scripts = Object.keys(
      (JSON.parse(read('package.json')) as { scripts: Record<string, string> }).scripts
    )
    const named = [...readme.matchAll(/npm run ([\w:-]+)/g)].map(match => match[1])
    expect(named.length).toBeGreaterThan(3)
    for (const script of named) expect(scripts).toContain(script)
  })

  it('names every code of a refusal', () => {
    for (const code of REFUSAL_CODES) expect(readme).toContain(`\`${code}\``)
  })

  it('shows every screenshot in docs/images, and no text mock-up of a comment', () => {
    const images = readdirSync(join(ROOT, 'docs', 'images')).filter(name => name.endsWith('.png'))
    expect(images.length).toBeGreaterThanOrEqual(7)
    for (const image of images) expect(readme).toContain(`](docs/images/${image})`)
    expect(readme).not.toMatch(/\| match \|/)
  })

  it('says next to the prefix input that the workflow guard must change with it', () => {
    const row = readme.split('\n').find(line => line.startsWith('| `command-prefix`')) ?? ''
    expect(row).toMatch(/`if:` guard/)
  })
})

describe('links in the documentation', () => {
  it.each(markdownFiles)('%s links only to files and headings that exist', file => {
    const text = read(file)
    for (const link of localLinks(text)) {
      const [path = '', anchor] = link.split('#')
      const target = path === '' ? file : join(dirname(file), path)
      expect({ link, exists: existsSync(join(ROOT, target)) }).toEqual({ link, exists: true })
      if (anchor !== undefined && target.endsWith('.md')) {
        expect({ link, anchor: anchorsOf(read(target)).has(anchor) }).toEqual({
          link,
          anchor: true
        })
      }
    }
  })

  it('the README links every example workflow', () => {
    for (const file of exampleFiles) expect(readme).toContain(`](${file})`)
  })
})

describe('uses: lines a user copies', () => {
  const uses = [readme, ...exampleFiles.map(read)].flatMap(text =>
    [...text.matchAll(/^\s*-? *uses: *(\S+)/gm)].map(match => match[1] ?? '')
  )

  it('reference an action by owner/name and a major tag or a full commit SHA', () => {
    expect(uses.length).toBeGreaterThan(5)
    for (const ref of uses)
      expect(ref).toMatch(/^[\w.-]+\/[\w.-]+(\/[\w./-]+)?@(v\d+|[0-9a-f]{40})$/)
  })

  it('show kitty-origin both by major tag and pinned to a commit', () => {
    const ours = uses.filter(ref => ref.startsWith('your-org/kitty-origin@'))
    expect(ours).toContain('your-org/kitty-origin@v1')
    expect(ours.some(ref => /@[0-9a-f]{40}$/.test(ref))).toBe(true)
  })
})
