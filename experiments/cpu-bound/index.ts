import { defineExperiment } from '../../src/experiment/define.ts';
import { measureWorkload, type OneWorkload } from '../../src/experiment/kit.ts';
import { cpuBoundWorkload } from '../../src/workload/presets.ts';
import type { WorkloadSpec } from '../../src/workload/spec.ts';
import { idealCpuSpeedup } from '../../src/experiment/dispatch-fit.ts';
import { analyseCpuBound, type CpuBoundSettings, CPU_BOUND_MODES, type CpuBoundFacts, type CpuBoundRow } from './analysis.ts';

export { analyseCpuBound, interpretCpuBound, type CpuBoundFacts, type CpuBoundFigures, type CpuBoundRow, type StepCounts } from './analysis.ts';

/** Equal CPU tasks, at least two per thread; the total work is the same whatever the thread count. */
export function cpuBoundExperimentWorkload(quick: boolean, threads: number): WorkloadSpec {
  const tasks = Math.max(8, 2 * threads);
  const totalUnits = quick ? 16_000 : 96_000;
  return cpuBoundWorkload({ tasks, unitsPerTask: Math.round(totalUnits / tasks) });
}

/** The ideal speedup of equal tasks, shared with scaling and the dispatch fits (src/experiment/dispatch-fit.ts). */
export { idealCpuSpeedup };

export const cpuBound = defineExperiment<OneWorkload, CpuBoundRow, CpuBoundFacts, CpuBoundSettings>('cpu-bound', {
  // The workload's task count follows the cores, so it is not compared: a 2-core and a 16-core run still compare.
  comparable: ['quick', 'seed'],
  question: 'On pure CPU work, what does interleaving on one thread cost, and how close do worker threads come to min(threads, cores) times faster?',
  about: 'Equal CPU tasks in sequential, interleaved, parallel and piscina: what interleaving costs per task switch, and the share of min(threads, cores)x that threads reach.',

  measure: measureWorkload((context) => cpuBoundExperimentWorkload(context.quick, context.threads), CPU_BOUND_MODES),

  analyse: analyseCpuBound,
});
