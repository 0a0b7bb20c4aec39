import type { ExperimentContext } from '../../src/experiment/context.ts';
import { machineInfo } from '../../src/measure/machine.ts';
import { handMadeContext } from './kit-context.ts';

/** The smallest sensible context for running an experiment inside a test, on this machine: quick, one repeat, no warm-up. */
export function tinyContext(overrides: Partial<ExperimentContext> = {}): ExperimentContext {
  return handMadeContext({ machine: machineInfo(), ...overrides });
}
