import { cpuMsSince, cpuNow } from '../../src/runtime/cpu-time.ts';
import { threadCpuMs } from '../../src/runtime/thread-cpu.ts';
import { sharedNow } from '../../src/scheduler/index.ts';
import type { WayRun } from './way.ts';

/** Times `run` on the shared clock, with the CPU of the whole process and of the main thread over it. */
export async function timed(run: () => Promise<readonly number[]> | readonly number[]): Promise<WayRun> {
  const cpu = cpuNow();
  const mainCpu = threadCpuMs();
  const started = sharedNow();
  const checksums = await run();
  const wallMs = sharedNow() - started;
  const mainCpuAfter = threadCpuMs();
  return { wallMs, cpuMs: cpuMsSince(cpu), mainCpuMs: mainCpu === undefined || mainCpuAfter === undefined ? Number.NaN : mainCpuAfter - mainCpu, checksums };
}
