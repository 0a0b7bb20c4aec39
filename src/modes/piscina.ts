import { threadPoolResource } from './resource-kinds.ts';
import { sharedNow } from '../scheduler/index.ts';
import { taskCpuUnits } from '../workload/cpu-bound.ts';
import { checksumOfText } from '../workload/cpu-kernel.ts';
import type { WorkloadSpec } from '../workload/spec.ts';
import { cpuMsSince, cpuNow } from '../runtime/cpu-time.ts';
import { RunFailedError } from './errors.ts';
import { CALIBRATION_UNITS, middleCalibration } from '../runtime/kernel-calibration.ts';
import { gcMarks, gcShareOf, takeGc, watchGc } from '../runtime/gc-marks.ts';
import { defineMode, type ModeRunOptions } from './mode.ts';
import type { KernelTask } from '../runtime/plain-worker.ts';
import { onPool } from '../runtime/pool.ts';
import type { RunResult } from '../runtime/run-result.ts';

/** The first part of a workload that a plain kernel pool cannot run (anything but cpu work), or none. */
export function firstNonCpuPart(workload: WorkloadSpec): { task: string; part: number; kind: string } | undefined {
  for (const task of workload.tasks) {
    const index = task.parts.findIndex((p) => p.kind !== 'cpu');
    if (index >= 0) return { task: task.name, part: index + 1, kind: task.parts[index]!.kind };
  }
  return undefined;
}

/**
 * Each task as the plain pool's message: its cpu units and the seed its checksum starts from.
 * The kernel chains its seed, so one call over all units gives the checksum the scheduler modes
 * reach slice by slice.
 */
export function kernelTasks(workload: WorkloadSpec): KernelTask[] {
  const unfit = firstNonCpuPart(workload);
  if (unfit !== undefined) throw new RangeError(`the piscina mode runs only cpu parts; task "${unfit.task}" part ${unfit.part} is a ${unfit.kind} part`);
  return workload.tasks.map((task) => ({ units: taskCpuUnits(task), seed: checksumOfText(task.name) }));
}

/**
 * The plain-pool reference: the workload's cpu work on a plain warm Piscina pool of the same
 * thread count, one task per message, no scheduler, no trace, no per-task signal. What the lab's
 * `parallel` mode costs beyond this is the cost of its instrumentation. Untraced: its tasks carry
 * no spans, and its pictures say "untraced".
 */
export function runPiscina(workload: WorkloadSpec, options: ModeRunOptions = {}): Promise<RunResult<'piscina'>> {
  const tasks = kernelTasks(workload);
  return onPool(options.pool, async (labPool) => {
    const pool = await labPool.plainPool();
    options.signal?.throwIfAborted();
    watchGc();
    takeGc();
    const cpu = cpuNow();
    const started = sharedNow();
    let checksums: number[];
    try {
      checksums = await Promise.all(tasks.map((task) => pool.run(task)));
    } catch (error) {
      throw new RunFailedError('piscina', workload.name, error);
    }
    const wallMs = sharedNow() - started;
    const cpuMs = cpuMsSince(cpu);
    const gc = gcMarks(takeGc(), 0, started, started + wallMs, started);
    const perThread = await pool.kernelUsPerUnit(CALIBRATION_UNITS);
    const usPerUnit = middleCalibration(perThread);
    options.signal?.throwIfAborted();
    return {
      mode: 'piscina',
      workload: workload.name,
      threads: pool.threads,
      wallMs,
      cpuMs,
      kernelUsPerUnit: usPerUnit,
      gc,
      gcShare: gcShareOf(gc, wallMs),
      // The plain pool records no steps: when each task ran is unknown (NaN, null in JSON), not 0 to the run's wall time.
      tasks: workload.tasks.map((t, i) => ({ name: t.name, checksum: checksums[i]!, startMs: Number.NaN, endMs: Number.NaN })),
      trace: [],
      lanes: gc.length > 0 ? ['main'] : [],
      pool: pool.info,
    };
  });
}

export const piscinaMode = defineMode({
  name: 'piscina',
  needs: threadPoolResource,
  summary: 'a plain Piscina pool for cpu-only workloads: the reference for what the lab\'s own dispatch costs',
  reference: true,
  cannotRun(workload) {
    const unfit = firstNonCpuPart(workload);
    return unfit && { why: `runs only cpu parts; task "${unfit.task}" part ${unfit.part} is a ${unfit.kind} part`, instead: 'use a cpu-only workload' };
  },
  run: runPiscina,
});
