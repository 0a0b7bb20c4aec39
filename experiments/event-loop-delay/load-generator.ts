import { assertPackagesInstalled } from '../../src/runtime/optional-packages.ts';

/**
 * Throws `OptionalPackagesMissingError` where autocannon, the load process's generator and a
 * development dependency, is not installed beside the lab (a runtime install leaves it out).
 */
export function assertLoadGeneratorInstalled(resolve?: (name: string) => string): void {
  assertPackagesInstalled('event-loop-delay needs the load generator autocannon', ['autocannon'], 'event-loop-delay', resolve);
}
