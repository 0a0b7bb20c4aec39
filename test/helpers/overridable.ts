/**
 * A hand-made fixture and its variations in one: each call builds the fixture afresh (so that no test
 * sees what another did to it) and lays the test's overrides over it, e.g. `figures({ threads: 4 })`.
 */
export function overridable<T extends object>(build: () => T): (overrides?: Partial<T>) => T {
  return (overrides = {}) => ({ ...build(), ...overrides });
}
