import { defineExperiment } from '../../src/experiment/define.ts';
import { cpuBoundWorkload, waitBoundWorkload } from '../../src/workload/presets.ts';
import type { WorkloadSpec } from '../../src/workload/spec.ts';
import { analyseHeadline, type HeadlineSettings, HEADLINE_TASKS, type HeadlineFacts, type HeadlineMeasured, type HeadlineRow } from './analysis.ts';

export { analyseHeadline, interpretHeadline, type HeadlineFacts, type HeadlineMeasured, type HeadlineRow } from './analysis.ts';

/** The two workloads, sized for a full run or a quick smoke run. Same seed, same waits. */
export function headlineWorkloads(quick: boolean, seed: number): { cpu: WorkloadSpec; wait: WorkloadSpec } {
  return {
    cpu: cpuBoundWorkload({ tasks: HEADLINE_TASKS, unitsPerTask: quick ? 4_000 : 18_000 }),
    wait: waitBoundWorkload({
      tasks: HEADLINE_TASKS,
      waitsPerTask: quick ? 2 : 4,
      minWaitMs: quick ? 10 : 20,
      maxWaitMs: quick ? 40 : 80,
      seed,
    }),
  };
}

export const headline = defineExperiment<HeadlineMeasured, HeadlineRow, HeadlineFacts, HeadlineSettings>('headline', {
  comparable: ['quick', 'seed', 'cpu-bound', 'wait-bound'],
  question: 'What do interleaving (one thread) and worker threads each buy on CPU-bound and on wait-bound work?',
  about: 'Cpu-bound tasks and wait-bound tasks (seeded timers), each in sequential, interleaved and parallel (and the plain piscina pool on the cpu-bound ones); the README opens with it.',
  timelineByDefault: true,

  async measure(kit) {
    const { cpu, wait } = headlineWorkloads(kit.context.quick, kit.context.seed);
    // The plain pool runs only cpu work: it is the cpu-bound table's reference for the lab's own parallel path.
    const cpuRows = (await kit.measure(cpu, ['sequential', 'interleaved', 'parallel', 'piscina'])).rows;
    const waitRows = (await kit.measure(wait, ['sequential', 'interleaved', 'parallel'])).rows;
    return { cpu, wait, cpuRows, waitRows };
  },

  analyse: analyseHeadline,
});
