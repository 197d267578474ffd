/**
 * Where a module writes what a person reads in the run log. Only the composition root
 * (`wiring.ts`) binds it to the runner; everything else takes this port.
 */
export interface Log {
  /** Shown only with step debug logging on. */
  debug(message: string): void
  info(message: string): void
  /** A warning annotation. */
  warning(message: string): void
  /** An error annotation (the run does not fail by it). */
  error(message: string): void
}
