import { claimText, parseClaim } from '../origin/claim.js'
import type { MissionWorkspace } from '../origin/start.js'
import { KittyError } from '../errors.js'
import type { RepositoryApi } from './ports.js'
import { settleAll } from '../settle-all.js'

const OVERRIDES_DIR = '.kittify/overrides'

/**
 * The service layer's MissionWorkspace over the GitHub repository: reads at the base commit,
 * the claim `claimName`, and a mission commit written before its branch is created at it.
 */
export function repositoryWorkspace(
  repository: RepositoryApi,
  baseSha: string,
  claimName: string
): MissionWorkspace {
  let baseTreeRead: Promise<string> | undefined
  let overridesExist: Promise<boolean> | undefined
  const baseTree = () => (baseTreeRead ??= repository.commitTree(baseSha))

  return {
    async readFile(path) {
      // Most repositories have no overrides: one probe of the folder spares each template read.
      if (path.startsWith(`${OVERRIDES_DIR}/`)) {
        overridesExist ??= repository
          .listDirectory(OVERRIDES_DIR, baseSha)
          .then(found => found !== null)
        if (!(await overridesExist)) return null
      }
      return repository.readFile(path, baseSha)
    },
    async claim(claim) {
      if ((await repository.createClaim(claimName, claimText(claim))) === 'created')
        return 'created'
      const text = await repository.readClaim(claimName)
      const existing = text === null ? null : parseClaim(text)
      if (existing !== null) return existing
      throw new KittyError(
        'github-error',
        `The claim ${claimName} of this confirmation cannot be read; re-run the job.`
      )
    },
    releaseClaim: () => repository.deleteClaim(claimName),
    async findMission({ branch, dir }) {
      // The base tree is read here, before the bind, for the commit that may follow it.
      const [head, onBase] = await settleAll([
        repository.branchHead(branch),
        repository.readFile(`${dir}/meta.json`, baseSha),
        baseTree()
      ])
      const onBranch =
        head === null ? null : missionIdOf(await repository.readFile(`${dir}/meta.json`, head))
      return { onBranch, onBase: missionIdOf(onBase) ?? null }
    },
    async commitMission(branch, files, message) {
      const sha = await repository.createCommit({
        parentSha: baseSha,
        files,
        message,
        baseTreeSha: await baseTree()
      })
      return (await repository.createBranch(branch, sha)) === 'created' ? sha : null
    }
  }
}

function missionIdOf(metaText: string | null): string | undefined {
  if (metaText === null) return undefined
  try {
    const meta: unknown = JSON.parse(metaText)
    if (typeof meta === 'object' && meta !== null && 'mission_id' in meta) {
      return typeof meta.mission_id === 'string' ? meta.mission_id : undefined
    }
  } catch {
    return undefined
  }
  return undefined
}
