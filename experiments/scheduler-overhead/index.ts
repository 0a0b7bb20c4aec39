import { defineExperiment } from '../../src/experiment/define.ts';
import { alternate } from '../../src/measure/alternate.ts';
import { idleCpu, type IdleCpu } from '../../src/measure/idle-cpu.ts';
import { nsPerSwitch, switchKinds } from '../../src/measure/switch-cost.ts';
import { analyseSchedulerOverhead, type SchedulerOverheadSettings, IDLE_MS, IDLE_RUNS, switchNames, TASKS, type OverheadFacts, type OverheadMeasured, type OverheadRow } from './analysis.ts';

export {
  analyseSchedulerOverhead,
  interpretOverhead,
  overheadFacts,
  targets,
  type OverheadFacts,
  type OverheadFigures,
  type OverheadMeasured,
  type OverheadRow,
} from './analysis.ts';

export const schedulerOverhead = defineExperiment<OverheadMeasured, OverheadRow, OverheadFacts, SchedulerOverheadSettings>('scheduler-overhead', {
  comparable: ['quick', 'tasks', 'switches'],
  question: "What does one task switch in the lab's scheduler cost, next to a native await hop and a setImmediate hop?",
  about: 'Tasks switching on the lab\'s scheduler, traced and untraced, against await hops and setImmediate hops; then the CPU the process burns while every task sleeps.',
  // Its rounds are its own (not the kit's): --repeats auto does not apply, so the repeats it ran are stated as a number.
  commonSettings: ['quick'],

  async measure({ context }) {
    const switches = context.quick ? 200_000 : 1_000_000;
    const warmups = Math.max(context.warmups, 1);
    // Idle first, before the switch benchmarks leave megabytes of trace columns for the garbage
    // collector to free inside the idle window; the median of three, like every other figure.
    const idleRuns: IdleCpu[] = [];
    for (let i = 0; i < IDLE_RUNS; i++) idleRuns.push(await idleCpu(TASKS, IDLE_MS));
    const idle = [...idleRuns].sort((a, b) => a.share - b.share)[IDLE_RUNS >> 1]!;
    const samples = await alternate(switchKinds, (kind) => nsPerSwitch(kind, TASKS, kind === 'setImmediate' ? switches / 10 : switches), {
      repeats: context.repeats,
      warmups,
      onRound: (kind, phase, repeat, of) => context.onProgress({ label: switchNames[kind], phase, repeat, of }),
    });
    return { switches, warmups, samples, idle };
  },

  analyse: analyseSchedulerOverhead,
});
