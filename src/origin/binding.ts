import { parse } from 'yaml'
import { z } from 'zod'
import { KittyError } from '../errors.js'
import { egressRefusal } from './egress.js'
import type { Provider, Routing, TrackerBinding } from './models.js'

/** Binding values given as action inputs; they win over `.kittify/config.yaml`. */
export interface BindingOverrides {
  provider?: Provider | undefined
  projectSlug?: string | undefined
  bindingRef?: string | undefined
}

/** Where the tracker binding lives in a spec-kitty repository. */
export const TRACKER_CONFIG_PATH = '.kittify/config.yaml'

const optionalText = z
  .union([z.string(), z.number()])
  .nullish()
  .transform(value =>
    value === null || value === undefined ? undefined : String(value).trim() || undefined
  )

const KittifyConfig = z
  .looseObject({
    project: z
      .looseObject({ uuid: optionalText, slug: optionalText, build_id: optionalText })
      .nullish(),
    tracker: z
      .looseObject({
        provider: optionalText,
        project_slug: optionalText,
        binding_ref: optionalText,
        provider_context: z.record(z.string(), z.unknown()).nullish()
      })
      .nullish()
  })
  .nullish()

const NOT_BOUND = 'No tracker bound. Run `spec-kitty tracker bind` first.'

/** The YAML document of the config; null when there is no config. */
function parseDocument(text: string | null): unknown {
  if (text === null) return null
  try {
    return parse(text) as unknown
  } catch (error) {
    throw new KittyError(
      'tracker-config-invalid',
      `\`${TRACKER_CONFIG_PATH}\` is not valid YAML; fix it or set the provider and project-slug inputs.`,
      error instanceof Error ? error.message : undefined
    )
  }
}

function parseConfig(document: unknown): z.infer<typeof KittifyConfig> {
  if (document === null) return undefined
  const result = KittifyConfig.safeParse(document)
  if (!result.success) {
    throw new KittyError(
      'tracker-config-invalid',
      `\`${TRACKER_CONFIG_PATH}\` has an unexpected shape in its project or tracker section.`,
      result.error.message
    )
  }
  return result.data
}

function stringValues(context: Record<string, unknown> | null | undefined): Record<string, string> {
  const values: Record<string, string> = {}
  for (const [key, value] of Object.entries(context ?? {})) {
    if (typeof value === 'string' && value.trim() !== '') values[key] = value.trim()
    else if (typeof value === 'number') values[key] = String(value)
  }
  return values
}

/**
 * Why the config refuses hosted tracker calls, or null when it does not (also when there is no
 * config, or it is not YAML: that is reported where the binding is read).
 */
export function egressRefusalOf(configText: string | null): string | null {
  if (configText === null) return null
  let document: unknown
  try {
    document = parse(configText)
  } catch {
    return null
  }
  return egressRefusal(document)
}

/**
 * Resolves the repository's tracker binding from the text of `.kittify/config.yaml` (null when the
 * file is absent) and the action inputs. A config whose `tracker.egress` refuses hosted calls is
 * refused first, before anything else, so no SaaS call follows. Inputs win: a routing input
 * (project-slug or binding-ref) replaces the file's routing as a whole, so a repository can
 * point the action elsewhere.
 */
export function resolveTrackerBinding(
  configText: string | null,
  overrides: BindingOverrides
): TrackerBinding {
  const document = parseDocument(configText)
  const refusal = document === null ? null : egressRefusal(document)
  if (refusal !== null) throw new KittyError('tracker-egress-refused', refusal)
  const config = parseConfig(document)
  const tracker = config?.tracker
  const provider = overrides.provider ?? tracker?.provider
  const routingFromInputs =
    overrides.projectSlug !== undefined || overrides.bindingRef !== undefined
  const projectSlug = routingFromInputs ? overrides.projectSlug : tracker?.project_slug
  const bindingRef = routingFromInputs ? overrides.bindingRef : tracker?.binding_ref

  if (provider === undefined || (projectSlug === undefined && bindingRef === undefined)) {
    throw new KittyError('tracker-not-bound', NOT_BOUND)
  }
  if (provider !== 'jira' && provider !== 'linear') {
    throw new KittyError(
      'tracker-provider-unsupported',
      `Only Jira and Linear can be a mission's origin; this repository's tracker is "${provider.slice(0, 40)}".`
    )
  }
  return {
    provider,
    ...(projectSlug === undefined ? {} : { projectSlug }),
    ...(bindingRef === undefined ? {} : { bindingRef }),
    providerContext: stringValues(tracker?.provider_context),
    project: {
      uuid: config?.project?.uuid ?? null,
      slug: config?.project?.slug ?? null,
      buildId: config?.project?.build_id ?? null
    }
  }
}

/** The SaaS routing key: `binding_ref` when the binding has one, else `project_slug`; never both. */
export function routingOf(binding: TrackerBinding): Routing {
  if (binding.bindingRef !== undefined) return { binding_ref: binding.bindingRef }
  /* istanbul ignore next -- resolveTrackerBinding guarantees one of the two */
  if (binding.projectSlug === undefined) throw new KittyError('tracker-not-bound', NOT_BOUND)
  return { project_slug: binding.projectSlug }
}

const RESOURCE_FALLBACK: Record<Provider, { type: string; idKeys: readonly string[] }> = {
  linear: { type: 'linear_team', idKeys: ['workspace_id', 'team_id'] },
  jira: { type: 'jira_project', idKeys: ['project_key', 'key'] }
}

/**
 * The resource a ticket lives in: the SaaS's answer when it gave one, else the contract's
 * per-provider fallback (provider_context keys, then binding_ref, then project_slug).
 */
export function resolveResource(
  binding: TrackerBinding,
  fromServer: { resource_type?: string | null; resource_id?: string | null }
): { resource_type: string; resource_id: string } {
  const fallback = RESOURCE_FALLBACK[binding.provider]
  const idFromContext = fallback.idKeys
    .map(key => binding.providerContext[key])
    .find(value => value !== undefined)
  const resourceId =
    nonBlank(fromServer.resource_id) ??
    idFromContext ??
    binding.bindingRef ??
    binding.projectSlug ??
    /* istanbul ignore next -- a binding always has a routing key */ ''
  return {
    resource_type: nonBlank(fromServer.resource_type) ?? fallback.type,
    resource_id: resourceId
  }
}

function nonBlank(value: string | null | undefined): string | undefined {
  return value === null || value === undefined || value.trim() === '' ? undefined : value
}
