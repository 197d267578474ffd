/** GitHub's repository permission ladder, as kitty-origin reads it (DESIGN §4). */

/** The levels an input may require, weakest first (GitHub's built-in repository roles). */
export const REQUIRABLE_PERMISSIONS = ['read', 'triage', 'write', 'maintain', 'admin'] as const
/** One level an input may require. */
export type RequirablePermission = (typeof REQUIRABLE_PERMISSIONS)[number]

/** The whole ladder, weakest first: `none` below every role. */
const PERMISSIONS = ['none', ...REQUIRABLE_PERMISSIONS] as const
/** A person's access to the repository. */
export type Permission = (typeof PERMISSIONS)[number]

function isPermission(value: string | undefined): value is Permission {
  return (PERMISSIONS as readonly (string | undefined)[]).includes(value)
}

/**
 * The level of GitHub's collaborator-permission answer: `role_name` when it is a built-in role
 * (it tells maintain and triage apart), else the legacy `permission` (custom roles); anything
 * unknown is `none`.
 */
export function levelOf(answer: {
  permission: string
  role_name?: string | undefined
}): Permission {
  if (isPermission(answer.role_name)) return answer.role_name
  return isPermission(answer.permission) ? answer.permission : 'none'
}

/** True when `actual` reaches `needed` (admin > maintain > write > triage > read > none). */
export function permissionAtLeast(actual: Permission, needed: Permission): boolean {
  return PERMISSIONS.indexOf(actual) >= PERMISSIONS.indexOf(needed)
}
