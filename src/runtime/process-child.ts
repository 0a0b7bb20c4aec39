import { FAULT_EXIT_CODE } from '../workload/fault.ts';
import type { WorkloadSpec } from '../workload/spec.ts';
import { cpuMsSince, cpuNow } from './cpu-time.ts';
import { takeGc, watchGc } from './gc-marks.ts';
import { kernelUsPerUnit } from './kernel-calibration.ts';
import type { ProcessMessage, ProcessRequest, ProcessTaskRequest } from './process-protocol.ts';
import { runTasksHere } from './run-here.ts';

/**
 * Entry of a forked process of the `processes` mode: rebuilds each requested task from the run's
 * spec and runs it under its own scheduler on the shared clock, one task at a time, exactly as a
 * worker thread of the `parallel` mode does.
 */

const send = (message: ProcessMessage): void => {
  process.send?.(message);
};

// Ctrl-C reaches every process of the terminal's group: the lab decides, and ends this process
// when it closes its pool. If the lab itself is gone, the IPC channel closes: leave with it.
process.on('SIGINT', () => undefined);
process.on('disconnect', () => process.exit(0));

/** The runs this process serves, newest last; a few, for runs that share the pool at the same time. */
const runs = new Map<number, WorkloadSpec>();
const RUNS_KEPT = 4;

function workloadOf(request: ProcessTaskRequest): WorkloadSpec {
  if (request.workload !== undefined) {
    runs.set(request.run, request.workload);
    if (runs.size > RUNS_KEPT) runs.delete(runs.keys().next().value!);
    return request.workload;
  }
  const known = runs.get(request.run);
  if (known === undefined) throw new Error(`run ${request.run} came to process ${process.pid} without its workload`);
  return known;
}

/** The `exit` fault ends this process (one of the pool's), the way it ends a worker thread; `exhaust-memory` allocates until the heap limit does. */
function endProcess(how: 'exit' | 'exhaust-memory'): never {
  if (how === 'exit') process.exit(FAULT_EXIT_CODE);
  const kept: number[][] = [];
  for (;;) kept.push(new Array<number>(1 << 20).fill(kept.length + 0.5));
}

async function serve(request: ProcessRequest): Promise<void> {
  try {
    if (request.kind === 'calibrate') {
      send({ kind: 'calibrated', id: request.id, usPerUnit: kernelUsPerUnit(request.units) });
      return;
    }
    const workload = workloadOf(request);
    const spec = workload.tasks[request.task];
    if (spec === undefined) throw new RangeError(`workload "${workload.name}" has no task number ${request.task}`);
    const cpu = cpuNow();
    const { checksums, trace } = await runTasksHere(workload, [spec], 'fifo', request.steps, endProcess);
    const gc = takeGc();
    send({ kind: 'task', id: request.id, pid: process.pid, checksum: checksums[0]!, cpuMs: cpuMsSince(cpu), ...(trace !== undefined && { trace }), ...(gc.length > 0 && { gc }) });
  } catch (error) {
    send({ kind: 'failed', id: request.id, error });
  }
}

watchGc();
process.on('message', (request: ProcessRequest) => void serve(request));
send({ kind: 'ready', pid: process.pid });
