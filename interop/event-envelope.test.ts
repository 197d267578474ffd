import { spawnSync } from 'node:child_process'
import { existsSync } from 'node:fs'
import { dirname, join, resolve } from 'node:path'
import { beforeAll, describe, expect, it } from '@jest/globals'
import { missionOriginBoundEvent } from '../src/events/envelope.js'
import type { EventEnvelope, MissionOriginBoundInput } from '../src/events/envelope.js'
import { boundInput } from '../__fixtures__/events/fakes.js'

/**
 * kitty-origin's `MissionOriginBound` envelope judged by spec-kitty-events' own `Event` and
 * `MissionOriginBoundPayload` models and by spec-kitty's outbound contract gate, through
 * `bin/spec-kitty-python` next to the `SPEC_KITTY` command. Skips, saying so, without spec-kitty.
 */
const ROOT = resolve(import.meta.dirname, '..')
const SPEC_KITTY =
  process.env.SPEC_KITTY ?? join(ROOT, '..', 'shared', 'spec-kitty', 'bin', 'spec-kitty')
const PYTHON = join(dirname(SPEC_KITTY), 'spec-kitty-python')
const AVAILABLE = existsSync(PYTHON)

if (!AVAILABLE) {
  process.stderr.write(
    `\n⚠️  SKIPPING the event envelope interop test: ${PYTHON} is missing. Set SPEC_KITTY to spec-kitty's bin/spec-kitty (its spec-kitty-python must sit beside it).\n\n`
  )
}

/** Validates every envelope in one Python run: the Event model, the payload model, the gate. */
const JUDGE = `
import json, sys
from spec_kitty_events.models import Event
from spec_kitty_events.lifecycle import MissionOriginBoundPayload
from specify_cli.core.contract_gate import validate_outbound_payload

def verdict(check):
    try:
        check()
        return "ok"
    except Exception as error:
        return type(error).__name__ + ": " + str(error).splitlines()[0]

out = {}
for name, envelope in json.load(sys.stdin).items():
    out[name] = {
        "event": verdict(lambda: Event.model_validate(envelope)),
        "payload": verdict(lambda: MissionOriginBoundPayload.model_validate(envelope["payload"])),
        "gate": verdict(lambda: validate_outbound_payload(envelope, "envelope")),
    }
print(json.dumps(out))
`

type Verdict = Record<'event' | 'payload' | 'gate', string>

function judge(envelopes: Record<string, unknown>): Record<string, Verdict> {
  const run = spawnSync(PYTHON, ['-c', JUDGE], {
    input: JSON.stringify(envelopes),
    encoding: 'utf8',
    timeout: 120_000
  })
  if (run.status !== 0) throw new Error(`spec-kitty-python failed: ${run.stderr}`)
  return JSON.parse(run.stdout.trim().split('\n').at(-1)!) as Record<string, Verdict>
}

/** The contract's example with a private teamspace and an upper-case project uuid (sent lower-cased). */
function input(overrides: Partial<MissionOriginBoundInput> = {}): MissionOriginBoundInput {
  return boundInput({
    project: { uuid: '6C2F0E4A-9D3B-4F1E-8A7C-5B2D1E0F9A84', slug: 'acme-web', buildId: null },
    teamSlug: 'pts_01HXPRIVATE0000000000000',
    ...overrides
  })
}

function changed(envelope: EventEnvelope, changes: Record<string, unknown>): unknown {
  return { ...envelope, ...changes }
}

/** The suite runs where spec-kitty is; elsewhere it is reported as skipped. */
const describeWithSpecKitty = AVAILABLE ? describe : describe.skip

describeWithSpecKitty("the envelope judged by spec-kitty-events' models", () => {
  const built = missionOriginBoundEvent(input())
  const numbered = missionOriginBoundEvent(
    input({
      mission: { ...input().mission, missionSlug: '004-fix-login' },
      project: { uuid: '6c2f0e4a-9d3b-4f1e-8a7c-5b2d1e0f9a84', slug: null, buildId: 'b-1' },
      teamSlug: null
    })
  )
  let verdicts: Record<string, Verdict> = {}
  beforeAll(() => {
    verdicts = judge({
      built,
      numbered,
      'no project uuid': changed(built, { project_uuid: null }),
      'empty build id': changed(built, { build_id: '' }),
      'empty title': changed(built, { payload: { ...built.payload, title: '' } }),
      'empty key': changed(built, { payload: { ...built.payload, external_issue_key: '' } })
    })
  })

  it('accepts what kitty-origin builds: Event, payload model and the outbound gate', () => {
    expect(verdicts.built).toEqual({ event: 'ok', payload: 'ok', gate: 'ok' })
    expect(verdicts.numbered).toEqual({ event: 'ok', payload: 'ok', gate: 'ok' })
  })

  it('refuses what kitty-origin refuses to build (so the check can fail)', () => {
    expect(verdicts['no project uuid']!.event).not.toBe('ok')
    expect(verdicts['empty build id']!.event).not.toBe('ok')
    expect(verdicts['empty title']!.payload).not.toBe('ok')
    expect(verdicts['empty key']!.payload).not.toBe('ok')
  })
})
