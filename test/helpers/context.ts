import type { ExperimentContext } from '../../src/experiment/context.ts';
import { machineInfo } from '../../src/measure/machine.ts';

/** The smallest sensible context for running an experiment inside a test: quick, one repeat, no warm-up. */
export function tinyContext(overrides: Partial<ExperimentContext> = {}): ExperimentContext {
  return {
    quick: true,
    repeats: 1,
    warmups: 0,
    steps: true,
    threads: 2,
    seed: 1,
    machine: machineInfo(),
    signal: new AbortController().signal,
    onProgress: () => {},
    ...overrides,
  };
}
