/**
 * The repositories the interop suite starts from: `acme/webapp` as a team has it after
 * `spec-kitty init` (the template made once by the global setup), bound to the sandbox's
 * Linear team, optionally with older numbered (`NNN-`) missions of spec-kitty 2.x.
 */
import { execFileSync } from 'node:child_process'
import { cpSync, mkdtempSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import { LINEAR_TEAM_ID, webappSeed } from '../sandbox/github/seed.js'
import type { RepoSeed } from '../sandbox/github/seed.js'

/** Set by the global setup: the directory holding `repo/` (after init) and `home/`. */
export const TEMPLATE_VARIABLE = 'KITTY_INTEROP_TEMPLATE'
/** Set by the global setup instead when spec-kitty cannot be run: the reason. */
export const SKIP_VARIABLE = 'KITTY_INTEROP_SKIP'

/** The project's own files before spec-kitty is set up. */
export const TEMPLATE_FILES: Record<string, string> = {
  'README.md': '# webapp\n\nacme’s customer web application.\n',
  'src/app.ts': "export const app = 'webapp'\n"
}

/** The tracker binding kitty-origin reads (the sandbox SaaS knows this Linear team). */
const TRACKER = [
  'tracker:',
  '  provider: linear',
  '  project_slug: acme-web',
  '  provider_context:',
  `    workspace_id: ${LINEAR_TEAM_ID}`,
  ''
].join('\n')

/** The template's directory; throws when the global setup did not make one. */
function templateRoot(): string {
  const root = process.env[TEMPLATE_VARIABLE]
  if (root === undefined) throw new Error('The interop global setup made no template.')
  return root
}

/** A fresh copy of the warmed-up spec-kitty home for one test, under `parent`. */
export function copyHome(parent: string): string {
  const home = join(parent, 'home')
  cpSync(join(templateRoot(), 'home'), home, { recursive: true })
  return home
}

/** The files `spec-kitty init` left for a team to commit (ignored files left out). */
function initFiles(): Record<string, string> {
  const repo = join(templateRoot(), 'repo')
  const listed = execFileSync('git', ['ls-files', '--cached', '--others', '--exclude-standard'], {
    cwd: repo,
    encoding: 'utf8'
  })
  const files: Record<string, string> = {}
  for (const path of listed.split('\n').filter(line => line !== '')) {
    files[path] = readFileSync(join(repo, path), 'utf8')
  }
  const config = files['.kittify/config.yaml'] ?? ''
  files['.kittify/config.yaml'] = `${config}${config.endsWith('\n') ? '' : '\n'}${TRACKER}`
  return files
}

/**
 * An older numbered mission without a mission_id: as spec-kitty 2.x wrote it (`feature_number`,
 * `mission`), or, `migrated`, as `spec-kitty upgrade` leaves it (`mission_number`,
 * `mission_type`; what spec-kitty's `doctor identity` calls "legacy").
 */
export function numberedMission(
  number: string,
  slug: string,
  name: string,
  migrated = false
): Record<string, string> {
  const dir = `kitty-specs/${number}-${slug}`
  const meta = {
    created_at: '2025-03-01T08:00:00.000000+00:00',
    friendly_name: name,
    slug: `${number}-${slug}`,
    target_branch: 'main',
    vcs: 'git',
    ...(migrated
      ? { mission_number: number, mission_slug: `${number}-${slug}`, mission_type: 'software-dev' }
      : { feature_number: number, mission: 'software-dev' })
  }
  return {
    [`${dir}/meta.json`]: `${JSON.stringify(meta, null, 2)}\n`,
    [`${dir}/spec.md`]: `# Feature Specification: ${name}\n\nWritten with spec-kitty 2.x.\n`
  }
}

/**
 * `acme/webapp` (issue #42 "Add Clerk auth", WEB-123 in the sandbox SaaS) whose history is
 * the project's first commit, then the commit of `spec-kitty init` with the tracker binding,
 * then, when given, a commit of older missions.
 */
export function teamRepoSeed(olderMissions: Record<string, string> = {}): RepoSeed {
  const history: RepoSeed['history'] = [
    { message: 'Initial commit', files: { ...TEMPLATE_FILES } },
    { message: 'Set up spec-kitty', files: initFiles() }
  ]
  if (Object.keys(olderMissions).length > 0) {
    history.push({ message: 'Missions made with spec-kitty 2.x', files: olderMissions })
  }
  return { ...webappSeed(), history }
}

/** A new scratch directory for one test. */
export function scratch(name: string): string {
  return mkdtempSync(join(templateRoot(), `${name}-`))
}
