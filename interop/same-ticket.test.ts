import { afterEach, expect, it } from '@jest/globals'
import { execFileSync } from 'node:child_process'
import { readdirSync, readFileSync, statSync } from 'node:fs'
import { join, relative } from 'node:path'
import { checkMeta } from '../src/verify/check.js'
import { startMissionWithBot } from './bot.js'
import type { BotMission } from './bot.js'
import { specKittyPython, toolEnvironment } from './spec-kitty.js'
import { describeInterop, log, workspace } from './suite.js'
import { Team } from './team.js'
import { teamRepoSeed } from './template.js'

let bot: BotMission | undefined
afterEach(async () => {
  await bot?.scenario.close()
  bot = undefined
})

/** The shape of a JSON value: the same keys at every level, each value's type in their place. */
function shape(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(shape)
  if (value !== null && typeof value === 'object') {
    return Object.fromEntries(
      Object.entries(value)
        .sort(([a], [b]) => (a < b ? -1 : 1))
        .map(([key, inner]) => [key, shape(inner)])
    )
  }
  return value === null ? 'null' : typeof value
}

/** Every file under `dir`, and every directory (with a trailing `/`), relative to `dir`. */
function tree(dir: string, root = dir): string[] {
  return readdirSync(dir).flatMap(name => {
    const path = join(dir, name)
    return statSync(path).isDirectory()
      ? [`${relative(root, path)}/`, ...tree(path, root)]
      : [relative(root, path)]
  })
}

/**
 * spec-kitty's own verdicts, through its Python API: `set_origin_ticket` on its own mission with
 * the bot's ticket, `validate_meta` on both, and whether the bot's meta.json is byte for byte
 * what spec-kitty's writer would serialise.
 */
const JUDGE = `
import json, sys
from pathlib import Path
from specify_cli.mission_metadata import set_origin_ticket, validate_meta
bot_text = Path(sys.argv[1]).read_text(encoding="utf-8")
bot = json.loads(bot_text)
own = set_origin_ticket(Path(sys.argv[2]), bot["origin_ticket"])
print(json.dumps({
    "bot_errors": validate_meta(bot),
    "own_errors": validate_meta(own),
    "bot_canonical": bot_text == json.dumps(bot, indent=2, ensure_ascii=False, sort_keys=True) + "\\n",
}))
`

describeInterop('the same ticket, started by spec-kitty itself', () => {
  it('has the same meta.json keys and shapes, the same files and the same status events', async () => {
    const { dir, home } = workspace('same-ticket')
    bot = await startMissionWithBot(teamRepoSeed(), dir)
    const { slug, branch, origin } = bot
    const team = Team.clone('own mission', origin, join(dir, 'team'), home)
    try {
      team.git('switch', '--quiet', branch)
      const botDir = join(team.checkout, 'kitty-specs', slug)
      const botMeta = JSON.parse(team.git('show', `HEAD:kitty-specs/${slug}/meta.json`)) as Record<
        string,
        unknown
      >
      const own = Team.clone('own mission', origin, join(dir, 'own'), home)
      const created = await own.json([
        'agent',
        'mission',
        'create',
        'web-123',
        '--mission-type',
        'software-dev',
        '--friendly-name',
        String(botMeta.friendly_name),
        '--purpose-tldr',
        String(botMeta.purpose_tldr),
        '--purpose-context',
        String(botMeta.purpose_context),
        '--pr-bound',
        '--topology',
        'single_branch',
        '--start-branch',
        'kitty-origin/web-123-by-spec-kitty'
      ])
      team.steps.push(...own.steps)
      expect(created).toMatchObject({ result: 'success', topology: 'single_branch' })
      const ownSlug = String(created.mission_slug)
      const ownDir = join(own.checkout, 'kitty-specs', ownSlug)

      const verdict = JSON.parse(
        execFileSync(
          specKittyPython(own.context.command),
          ['-c', JUDGE, join(botDir, 'meta.json'), ownDir],
          { env: toolEnvironment(own.context), encoding: 'utf8' }
        )
      ) as unknown
      expect(verdict).toEqual({ bot_errors: [], own_errors: [], bot_canonical: true })
      // The PR check passes spec-kitty's own mission as set_origin_ticket left it.
      const ownText = readFileSync(join(ownDir, 'meta.json'), 'utf8')
      expect(checkMeta(ownSlug, ownText, 'feature/x')).toMatchObject({
        hasOrigin: true,
        problems: []
      })

      const ownMeta = JSON.parse(readFileSync(join(ownDir, 'meta.json'), 'utf8')) as Record<
        string,
        unknown
      >
      expect(shape(botMeta)).toEqual(shape(ownMeta))
      const same = (meta: Record<string, unknown>) => ({
        flattened: meta.flattened,
        mission_number: meta.mission_number,
        mission_type: meta.mission_type,
        pr_bound: meta.pr_bound,
        topology: meta.topology,
        friendly_name: meta.friendly_name,
        purpose_tldr: meta.purpose_tldr,
        purpose_context: meta.purpose_context,
        origin_ticket: meta.origin_ticket,
        slug_is_mission_slug: meta.slug === meta.mission_slug,
        target_branch_is_the_branch: meta.target_branch === branch
      })
      expect(same(botMeta)).toEqual({
        ...same(ownMeta),
        target_branch_is_the_branch: true
      })

      // spec-kitty's create also touches an empty tasks/.gitkeep beside tasks/README.md (which
      // keeps the directory in git on its own); finalize-tasks commits it later either way.
      const botFiles = tree(botDir)
      const ownFiles = tree(ownDir).filter(path => path !== 'tasks/.gitkeep')
      expect(ownFiles.filter(path => !botFiles.includes(path))).toEqual([])
      expect(botFiles.filter(path => !ownFiles.includes(path)).sort()).toEqual([
        'checklists/.gitkeep',
        'research/.gitkeep',
        'status.json'
      ])

      const events = (path: string) =>
        readFileSync(path, 'utf8')
          .trim()
          .split('\n')
          .map(line => JSON.parse(line) as Record<string, unknown>)
      const botEvents = events(join(botDir, 'status.events.jsonl'))
      const ownEvents = events(join(ownDir, 'status.events.jsonl'))
      expect(botEvents.map(event => event.event_type)).toEqual(['MissionCreated', 'SpecifyStarted'])
      expect(botEvents.map(shape)).toEqual(ownEvents.map(shape))
      expect(botEvents[0]!.payload).toMatchObject({ target_branch: branch, mission_slug: slug })
    } finally {
      log(team.steps)
    }
  })
})
