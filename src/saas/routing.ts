import { KittyError } from '../errors.js'
import type { TrackerRoute } from './types.js'
import type { RoutingKey } from './wire.js'

/** The routing key on the wire: `binding_ref` when the route has one, else `project_slug`. */
export function routingKey(route: TrackerRoute): RoutingKey {
  if (route.bindingRef !== undefined && route.bindingRef !== '') {
    return { binding_ref: route.bindingRef }
  }
  if (route.projectSlug !== undefined && route.projectSlug !== '') {
    return { project_slug: route.projectSlug }
  }
  throw new KittyError(
    'tracker-not-bound',
    'No tracker bound. Run `spec-kitty tracker bind` first.'
  )
}
