import { defineExperiment } from '../../src/experiment/define.ts';
import { measureWorkload, type OneWorkload } from '../../src/experiment/kit.ts';
import { cpuAndWaitWorkload } from '../../src/workload/presets.ts';
import type { WorkloadSpec } from '../../src/workload/spec.ts';
import { analyseMixed, type MixedSettings, MIXED_MODES, type MixedExperimentFacts, type MixedRow } from './analysis.ts';

export { analyseMixed, interpretMixed, mixedBounds, mixedFacts, type MixedBounds, type MixedExperimentFacts, type MixedFacts, type MixedRow } from './analysis.ts';

/**
 * Tasks that compute about as long as they wait (on the lab's 2-core machine a unit is
 * about 7 µs), several per thread so that each hybrid worker has tasks to interleave.
 */
export function mixedWorkload(quick: boolean, threads: number): WorkloadSpec {
  return cpuAndWaitWorkload({
    tasks: Math.max(8, 4 * threads),
    rounds: quick ? 3 : 4,
    unitsPerRound: quick ? 600 : 1_200,
    waitMs: quick ? 4 : 8,
  });
}

export const mixed = defineExperiment<OneWorkload, MixedRow, MixedExperimentFacts, MixedSettings>('mixed', {
  // The workload's task count follows the cores, so it is not compared.
  comparable: ['quick', 'seed'],
  question: 'When tasks both compute and wait, does interleaving inside each worker thread (hybrid) beat interleaving alone and threads alone, and by how much?',
  about: 'Tasks that compute about as long as they wait: hybrid (each worker interleaving its share) against interleaving alone and threads alone, each against the least it could take.',
  // The timelines are the point here: each hybrid worker lane interleaves its tasks, the parallel lanes wait.
  timelineByDefault: true,

  measure: measureWorkload((context) => mixedWorkload(context.quick, context.threads), MIXED_MODES),

  analyse: analyseMixed,
});
