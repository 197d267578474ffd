/**
 * Everything a secret could leak into during a scenario: what the runner kept of each run and
 * what the sandboxes hold or were sent, so a test can look for a token in all of it.
 */
import type { RunResult } from '../../sandbox/runner.js'
import type { Scenario } from '../../sandbox/scenario.js'

/** A named piece of text someone could read. */
export interface Place {
  where: string
  text: string
}

/** A run's stdout without the `::add-mask::` lines, which the runner never shows. */
function visibleStdout(stdout: string): string {
  return stdout
    .split('\n')
    .filter(line => !line.trimStart().startsWith('::add-mask::'))
    .join('\n')
}

/** The logs, outputs and job summary of each run. */
export function runPlaces(runs: readonly RunResult[]): Place[] {
  return runs.flatMap((run, index) => [
    { where: `run ${index} stdout`, text: visibleStdout(run.stdout) },
    { where: `run ${index} stderr`, text: run.stderr },
    { where: `run ${index} job summary`, text: run.summary },
    ...Object.entries(run.outputs).map(([name, text]) => ({
      where: `run ${index} output ${name}`,
      text
    }))
  ])
}

/** Comments, issue and PR texts, and every file and commit reachable from any branch. */
export function repositoryPlaces(scenario: Scenario): Place[] {
  const places: Place[] = []
  for (const repo of scenario.github.state.repos.values()) {
    const name = `${repo.owner}/${repo.name}`
    for (const comment of repo.comments.values()) {
      places.push({ where: `${name} comment ${comment.id}`, text: comment.body })
    }
    for (const issue of repo.issues.values()) {
      places.push({ where: `${name}#${issue.number}`, text: `${issue.title}\n${issue.body ?? ''}` })
    }
    for (const [ref, tip] of repo.refs) {
      for (const sha of repo.git.ancestors(tip)) {
        const commit = repo.git.commit(sha)!
        places.push({ where: `${name} ${ref} commit ${sha}`, text: JSON.stringify(commit) })
        for (const [path, entry] of repo.git.flatten(commit.tree)) {
          const blob = repo.git.blob(entry.sha)?.toString('utf8') ?? ''
          places.push({ where: `${name} ${ref}@${sha.slice(0, 7)}:${path}`, text: blob })
        }
      }
    }
  }
  return places
}

interface Recorded {
  method: string
  path: string
  headers: Record<string, string>
  bodyText: string
}

function requestPlaces(sandbox: string, requests: readonly Recorded[]): Place[] {
  return requests.map((request, index) => {
    const { authorization: _authorization, ...headers } = request.headers
    return {
      where: `${sandbox} request ${index} ${request.method} ${request.path}`,
      text: `${request.path}\n${JSON.stringify(headers)}\n${request.bodyText}`
    }
  })
}

/** What the sandboxes were sent, except the authorization header. */
export function sentPlaces(scenario: Scenario): Place[] {
  return [
    ...requestPlaces('GitHub', scenario.github.requests),
    ...requestPlaces('SaaS', scenario.saas.requests)
  ]
}

/** Long enough that a match is the secret, short enough to catch a cut-off piece of it. */
export const WINDOW = 16

/** Every run of `WINDOW` characters of the secret. */
function pieces(secret: string): string[] {
  const size = Math.min(WINDOW, secret.length)
  return Array.from({ length: secret.length - size + 1 }, (_, start) =>
    secret.slice(start, start + size)
  )
}

/** `where` of every place that contains a secret, or any `WINDOW` characters of one. */
export function placesContaining(places: readonly Place[], secrets: readonly string[]): string[] {
  const needles = secrets.flatMap(pieces)
  return places
    .filter(place => needles.some(needle => place.text.includes(needle)))
    .map(place => place.where)
}
