import { describe, expect, it } from '@jest/globals'
import { existsSync, readdirSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { parse } from 'yaml'

const ROOT = fileURLToPath(new URL('..', import.meta.url))
const read = (path: string) => readFileSync(join(ROOT, path), 'utf8')
const yamlFiles = (dir: string) =>
  readdirSync(join(ROOT, dir))
    .filter(name => name.endsWith('.yml'))
    .map(name => `${dir}/${name}`)

interface Job {
  if?: string
  permissions?: Record<string, string>
  concurrency?: unknown
  steps?: { uses?: string; run?: string }[]
}
interface Workflow {
  on: Record<string, unknown>
  permissions?: Record<string, string> | string
  concurrency?: unknown
  jobs: Record<string, Job>
}
const workflow = (path: string) => parse(read(path)) as Workflow

const projectWorkflows = yamlFiles('.github/workflows')
const examples = yamlFiles('examples/workflows')

describe("the project's own workflows", () => {
  it('include the release, check-dist, CodeQL and CI workflows', () => {
    for (const name of ['ci', 'release', 'check-dist', 'codeql']) {
      expect(projectWorkflows).toContain(`.github/workflows/${name}.yml`)
    }
  })

  it.each(projectWorkflows)('%s grants only contents: read to the whole workflow', path => {
    expect(workflow(path).permissions).toEqual({ contents: 'read' })
  })

  it('are all linted by npm run lint:workflows, with the examples', () => {
    const scripts = (JSON.parse(read('package.json')) as { scripts: Record<string, string> })
      .scripts
    expect(scripts['lint:workflows']).toContain('{.github/workflows,examples/workflows}/*.yml')
  })

  it('release a vX.Y.Z tag with its CHANGELOG section and move the major tag', () => {
    const release = workflow('.github/workflows/release.yml')
    expect(release.on).toEqual({ push: { tags: ['v*.*.*'] } })
    const text = read('.github/workflows/release.yml')
    expect(text).toContain('npx tsx scripts/changelog-section.ts "${GITHUB_REF_NAME}"')
    expect(existsSync(join(ROOT, 'scripts/changelog-section.ts'))).toBe(true)
    expect(text).toContain('git status --porcelain -- dist')
    expect(text).toContain('major="${GITHUB_REF_NAME%%.*}"')
    expect(release.jobs.release?.permissions).toEqual({ contents: 'write' })
  })

  it('keep npm packages and actions up to date with Dependabot', () => {
    const dependabot = parse(read('.github/dependabot.yml')) as {
      updates: { 'package-ecosystem': string }[]
    }
    expect(dependabot.updates.map(update => update['package-ecosystem']).sort()).toEqual([
      'github-actions',
      'npm'
    ])
  })
})

describe('the example workflows', () => {
  const commentDriven = examples.filter(path => 'issue_comment' in workflow(path).on)

  it.each(commentDriven)('%s sets no concurrency group that could cancel a command', path => {
    const parsed = workflow(path)
    expect(parsed.concurrency).toBeUndefined()
    for (const job of Object.values(parsed.jobs)) expect(job.concurrency).toBeUndefined()
  })

  it.each(commentDriven)(
    '%s guards on the default prefix and says to change it with command-prefix',
    path => {
      const job = Object.values(workflow(path).jobs)[0]
      expect(job?.if).toContain("contains(github.event.comment.body, '/kitty')")
      expect(read(path)).toMatch(/If you set `command-prefix`, put the same prefix here/)
    }
  )
})

describe('action.yml', () => {
  it('tells, next to command-prefix, that the workflow guard must change with it', () => {
    const action = parse(read('action.yml')) as {
      inputs: Record<string, { description: string }>
    }
    expect(action.inputs['command-prefix']?.description).toMatch(/`if:`/)
  })
})
