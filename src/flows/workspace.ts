import type { MissionWorkspace } from '../origin/start.js'
import type { RepositoryApi } from './ports.js'

const MISSIONS_DIR = 'kitty-specs'
const OVERRIDES_DIR = '.kittify/overrides'

/**
 * The service layer's MissionWorkspace over the GitHub repository: reads at the base commit,
 * the mission branch claimed at that commit, commits that never force-move a branch.
 */
export function repositoryWorkspace(repository: RepositoryApi, baseSha: string): MissionWorkspace {
  const claimedHeads = new Map<string, string>()
  let baseTreeRead: Promise<string> | undefined
  let overridesExist: Promise<boolean> | undefined
  const baseTree = () => (baseTreeRead ??= repository.commitTree(baseSha))

  return {
    async readFile(path) {
      // Read the base tree alongside the plan's reads: the commit needs it after the bind.
      baseTree().catch(() => undefined)
      // Most repositories have no overrides: one probe of the folder spares each template read.
      if (path.startsWith(`${OVERRIDES_DIR}/`)) {
        overridesExist ??= repository
          .listDirectory(OVERRIDES_DIR, baseSha)
          .then(found => found !== null)
        if (!(await overridesExist)) return null
      }
      return repository.readFile(path, baseSha)
    },
    async claimBranch(branch) {
      const claim = await repository.createBranch(branch, baseSha)
      if (claim === 'created') claimedHeads.set(branch, baseSha)
      return claim
    },
    async findCommittedMission(branch, dir) {
      const meta = await repository.readFile(`${MISSIONS_DIR}/${dir}/meta.json`, branch)
      return meta === null ? null : { dir, missionId: missionIdOf(meta) }
    },
    releaseBranch: branch => repository.deleteBranch(branch),
    async commitFiles(branch, files, message) {
      const parentSha = claimedHeads.get(branch) ?? (await repository.branchHead(branch))
      if (parentSha === null) throw new Error(`the branch ${branch} disappeared before the commit`)
      // On a branch claimed at the base, the base's tree (read ahead) is the parent tree.
      const baseTreeSha = parentSha === baseSha ? await baseTree() : undefined
      return repository.commitFiles({ branch, parentSha, files, message, baseTreeSha })
    }
  }
}

function missionIdOf(metaText: string): string | undefined {
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
