import { defineExperiment } from '../../src/experiment/define.ts';
import { measureWorkload, type OneWorkload } from '../../src/experiment/kit.ts';
import type { ModeName } from '../../src/modes/index.ts';
import { waitBoundWorkload } from '../../src/workload/presets.ts';
import type { WorkloadSpec } from '../../src/workload/spec.ts';
import { analyseIoBound, type IoBoundSettings, type IoBoundFacts, type IoBoundRow } from './analysis.ts';

export { analyseIoBound, interpretIoBound, ioFacts, referenceRows, type IoBoundFacts, type IoBoundRow, type IoFacts, type ReferenceRow } from './analysis.ts';

const MODES: readonly ModeName[] = ['sequential', 'interleaved', 'parallel'];

/** Many more waiting tasks than threads, so that the pool's limit shows; same seed, same waits. */
export function ioBoundWorkload(quick: boolean, seed: number): WorkloadSpec {
  return waitBoundWorkload({
    tasks: quick ? 12 : 16,
    waitsPerTask: quick ? 2 : 3,
    minWaitMs: quick ? 5 : 10,
    maxWaitMs: quick ? 20 : 50,
    seed,
  });
}

export const ioBound = defineExperiment<OneWorkload, IoBoundRow, IoBoundFacts, IoBoundSettings>('io-bound', {
  comparable: ['quick', 'seed', 'workload'],
  question: 'On work that mostly waits, how close does each mode come to what its waits allow: their sum, the longest task, or a pool of N threads?',
  about: 'Tasks that mostly wait: sequential against the sum of waits, interleaved against the longest task\'s waits, parallel against a perfect pool of --threads workers.',

  measure: measureWorkload((context) => ioBoundWorkload(context.quick, context.seed), MODES),

  analyse: analyseIoBound,
});
