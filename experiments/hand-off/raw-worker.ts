// A bare worker_threads worker for the raw channels: no pool, no scheduler, only the kernel. Over its
// port it answers [index, units, seed] with [index, checksum]; on a ring it serves its own line until
// told to stop.
import { parentPort, workerData } from 'node:worker_threads';
import { cpuKernel } from '../../src/workload/cpu-kernel.ts';
import { DONE, DONE_TASK, EPOCH, lineOf, MODE, RESULT, SEED, SLEEP, SPIN, STOP, TASK, UNITS } from './ring-layout.ts';

/** What a raw worker is started with: a port to answer, or a ring and its line. */
export type RawWorkerData = { readonly kind: 'port' } | { readonly kind: 'ring'; readonly buffer: SharedArrayBuffer; readonly index: number };

/**
 * Serves one line of the ring: runs each new task, writes its checksum, bumps the done counter (and
 * wakes the main thread when sleeping is the mode); between tasks sleeps on the line's epoch, spins
 * on it, or returns when told to stop. Every change of task or mode bumps the epoch, so a wait
 * started on a stale epoch returns at once.
 */
function serveRing(ring: Int32Array, index: number): void {
  const base = lineOf(index);
  let lastTask = 0;
  for (;;) {
    const epoch = Atomics.load(ring, base + EPOCH);
    const task = Atomics.load(ring, base + TASK);
    if (task !== lastTask) {
      lastTask = task;
      ring[base + RESULT] = cpuKernel(ring[base + UNITS]!, ring[base + SEED]!) | 0;
      Atomics.store(ring, base + DONE_TASK, task);
      Atomics.add(ring, DONE, 1);
      if (Atomics.load(ring, base + MODE) === SLEEP) Atomics.notify(ring, DONE);
      continue;
    }
    const mode = Atomics.load(ring, base + MODE);
    if (mode === STOP) return;
    if (mode === SPIN) continue;
    Atomics.wait(ring, base + EPOCH, epoch);
  }
}

const data = workerData as RawWorkerData;
if (data.kind === 'ring') serveRing(new Int32Array(data.buffer), data.index);
else {
  const port = parentPort!;
  port.on('message', (m: readonly [number, number, number]) => port.postMessage([m[0], cpuKernel(m[1], m[2])]));
}
