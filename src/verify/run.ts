import { bindingOverrides } from '../inputs.js'
import type { Inputs } from '../inputs.js'
import type { RunReport } from '../report.js'
import type { Trigger } from '../trigger.js'
import type { VerifyPorts } from './ports.js'
import { verifyPullRequest } from './pull-request.js'

/** Verifies the provenance of the missions a pull request adds or changes (see verifyPullRequest). */
export async function runVerify(
  inputs: Inputs,
  trigger: Extract<Trigger, { kind: 'verify' }>,
  ports: VerifyPorts
): Promise<RunReport> {
  return verifyPullRequest(
    {
      pullNumber: trigger.pullNumber,
      headSha: trigger.headSha,
      headRef: trigger.headRef,
      baseRef: trigger.baseRef,
      requireOrigin: inputs.requireOrigin,
      overrides: bindingOverrides(inputs),
      dryRun: inputs.dryRun
    },
    ports
  )
}
