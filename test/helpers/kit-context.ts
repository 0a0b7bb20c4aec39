import { completeContext, type CompleteContext, type ExperimentContext } from '../../src/experiment/context.ts';
import { DEFAULT_REPEATS } from '../../src/experiment/define.ts';
import type { MachineInfo } from '../../src/measure/machine.ts';
import { steadyCpu } from './cpu-readings.ts';

/** A machine written out by hand: a unit test reads no machine (reading one runs git). */
export const handMadeMachine: MachineInfo = {
  id: 'test-cpu-2c',
  hostname: 'test-host',
  cpuModel: 'Test CPU',
  logicalCores: 2,
  availableParallelism: 2,
  memoryGiB: 4,
  os: 'Linux 6.1.0',
  platform: 'linux-x64',
  node: 'v20.0.0',
  v8: '11.3',
  piscina: '5.0.0',
  labCommit: undefined,
  loadAverage: [0, 0, 0],
  date: '2026-12-07T00:00:00.000Z',
};

/**
 * The smallest context an in-process unit test runs an experiment with: quick, one repeat, no
 * warm-up, steps recorded, on a machine no other program uses (test files running at once are
 * other programs to each other; a test of the real reading gives `readCpu` itself).
 */
export function handMadeContext(overrides: Partial<ExperimentContext> = {}): ExperimentContext {
  return {
    quick: true,
    repeats: 1,
    warmups: 0,
    steps: true,
    threads: 2,
    seed: 1,
    machine: handMadeMachine,
    signal: new AbortController().signal,
    onProgress: () => {},
    readCpu: steadyCpu(),
    ...overrides,
  };
}

/** The same context with every count resolved as an experiment of the default repeats resolves it (what a kit measures with). */
export function handMadeCompleteContext(overrides: Partial<ExperimentContext> = {}): CompleteContext {
  return completeContext(handMadeContext(overrides), DEFAULT_REPEATS);
}
