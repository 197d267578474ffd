import { KittyError } from '../errors.js'
import { oneLine } from '../text/one-line.js'
import { parseBody } from './body.js'
import { saasErrorFrom, transportError } from './errors.js'
import { exchange, isSuccess } from './transport.js'
import type { SaasTransport } from './transport.js'
import type { SaasTeam } from './types.js'
import { MeResponse } from './wire.js'

/** The one path without a trailing slash: the token's user and teams. */
export const ME_PATH = '/api/v1/me'

/** The teams of the token's user, from `GET /api/v1/me` (names and ids one clean line each). */
export async function fetchTeams(
  transport: SaasTransport,
  deadlineMs: number
): Promise<SaasTeam[]> {
  const outcome = await exchange(transport, { method: 'GET', path: ME_PATH, timeoutMs: deadlineMs })
  if (outcome.kind !== 'response') throw transportError(outcome, 'team', deadlineMs)
  if (!isSuccess(outcome.status)) {
    throw saasErrorFrom(outcome.status, outcome.headers, outcome.bodyText, 'team')
  }
  const me = parseBody(MeResponse, outcome.bodyText, 'team')
  return (me.teams ?? []).map(team => ({
    id: team.id,
    name: oneLine(team.name ?? '', 100),
    isPrivateTeamspace: team.is_private_teamspace === true
  }))
}

function listed(teams: readonly SaasTeam[]): string {
  if (teams.length === 0) return 'none'
  return teams
    .map(team => {
      const kind = team.isPrivateTeamspace ? ', private' : ''
      return `${team.name || '(unnamed)'} (id ${oneLine(team.id, 100)}${kind})`
    })
    .join('; ')
}

/**
 * The team the tracker calls act for when `team-slug` is empty: the id of the only team that is
 * not a private teamspace. None or several is an error that lists the teams and asks for
 * `team-slug`.
 */
export function collaborativeTeam(teams: readonly SaasTeam[]): string {
  const shared = teams.filter(team => !team.isPrivateTeamspace && team.id.trim() !== '')
  const only = shared.length === 1 ? shared[0] : undefined
  if (only !== undefined) return only.id.trim()
  const problem =
    shared.length === 0
      ? 'The Spec Kitty SaaS token belongs to no team other than a private teamspace'
      : 'The Spec Kitty SaaS token belongs to several teams'
  throw new KittyError(
    'saas-team-unresolved',
    `${problem}, so kitty-origin cannot tell which team to act for; set the \`team-slug\` input to the id of one team. Teams: ${listed(teams)}.`
  )
}

/** The id of the token user's private teamspace, when `GET /api/v1/me` lists exactly one. */
export function privateTeamspace(teams: readonly SaasTeam[]): string | null {
  const own = teams.filter(team => team.isPrivateTeamspace && team.id.trim() !== '')
  const only = own.length === 1 ? own[0] : undefined
  return only === undefined ? null : only.id.trim()
}
