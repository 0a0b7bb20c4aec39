import { runMode, type LabPool, type ModeRunOptions } from '../../src/modes/index.ts';
import { cpuKernel } from '../../src/workload/cpu-kernel.ts';
import { kernelTasks } from '../../src/modes/index.ts';
import type { WorkloadSpec } from '../../src/workload/spec.ts';
import { timed } from './timed.ts';
import type { SizeWork, Way, WayName } from './way.ts';

/** A size's work: `tasks` tasks of `unitsPerTask` kernel units each (0: the hand-off alone), named as every mode names them, so that the checksums compare. */
export function sizeWork(unitsPerTask: number, tasks: number): SizeWork {
  const workload: WorkloadSpec = {
    name: `hand-off-${unitsPerTask}`,
    description: `${tasks} tasks of ${unitsPerTask} cpu units`,
    tasks: Array.from({ length: tasks }, (_, i) => ({ name: `task${i + 1}`, parts: [{ kind: 'cpu' as const, units: unitsPerTask }] })),
  };
  return { workload, tasks: kernelTasks(workload) };
}

/** The baseline: the same tasks in a plain loop on the main thread. */
export const oneThreadWay: Way = {
  name: 'one-thread',
  threads: 1,
  wake: async () => undefined,
  run: ({ tasks }) =>
    timed(() => {
      const checksums = new Array<number>(tasks.length);
      for (let i = 0; i < tasks.length; i++) checksums[i] = cpuKernel(tasks[i]!.units, tasks[i]!.seed);
      return checksums;
    }),
  close: async () => undefined,
};

/**
 * One of the lab's own paths, as its mode runs it on the experiment's warm pool: `parallel` (a task
 * per message, rebuilt and run under a scheduler in the worker, its steps recorded unless `steps` is
 * false) or `hybrid` (one message per worker with its whole share). The mode times itself; the main
 * thread's CPU is not told apart, as the mode does more than the hand-off around its timing.
 */
export function labWay(name: WayName, mode: 'parallel' | 'hybrid', pool: LabPool, options: ModeRunOptions): Way {
  return {
    name,
    threads: pool.threads,
    wake: async () => void (await pool.wake()),
    run: async ({ workload }) => {
      const run = await runMode(mode, workload, { ...options, pool });
      return { wallMs: run.wallMs, cpuMs: run.cpuMs ?? Number.NaN, mainCpuMs: Number.NaN, checksums: run.tasks.map((t) => t.checksum) };
    },
    close: async () => undefined,
  };
}
