// The physical floor of a hand-off, written for this experiment and kept small: postMessage to bare
// workers, and a SharedArrayBuffer ring whose workers sleep in Atomics.wait or spin.
import { once } from 'node:events';
import { Worker } from 'node:worker_threads';
import { entryBeside } from '../../src/runtime/entry-points.ts';
import type { KernelTask } from '../../src/runtime/plain-worker.ts';
import { DONE, DONE_TASK, EPOCH, lineOf, MODE, RESULT, ringBuffer, SEED, SLEEP, SPIN, STOP, TASK, UNITS } from './ring-layout.ts';
import type { RawWorkerData } from './raw-worker.ts';
import { timed } from './timed.ts';
import { workerStart } from './worker-start.ts';
import type { Way, WayName } from './way.ts';

const workerFile = entryBeside(import.meta.url, 'raw-worker');
/** Kernel units of the task each thread runs when woken. */
const WAKE_UNITS = 1;
/** How long a ring worker may take to end when told to stop, before it is terminated. */
const STOP_GRACE_MS = 2_000;

function startWorker(data: RawWorkerData): Worker {
  const start = workerStart(workerFile, data);
  return new Worker(start.script, { workerData: start.workerData, execArgv: start.execArgv });
}

/** Ends a worker: waits up to the grace for it to end by itself (when told to stop), then terminates it. */
async function endWorker(worker: Worker, graceMs: number): Promise<void> {
  if (worker.threadId === -1) return;
  if (graceMs === 0) {
    await worker.terminate();
    return;
  }
  const exited = once(worker, 'exit').catch(() => undefined);
  const timer = setTimeout(() => void worker.terminate(), graceMs);
  await exited;
  clearTimeout(timer);
}

/** The kernel tasks a way runs to wake every one of its threads. */
function wakeTasks(threads: number): KernelTask[] {
  return Array.from({ length: threads }, (_, i) => ({ units: WAKE_UNITS, seed: i }));
}

/**
 * postMessage to bare workers and back. With `inFlight: 'one'`, one worker and a round trip per task
 * (the next task is sent when the last reply is in); with `'many'`, every task is sent at once, spread
 * over the workers, whose ports queue them.
 */
export function openPortWay(name: WayName, threads: number, inFlight: 'one' | 'many'): Way {
  const workers = Array.from({ length: inFlight === 'one' ? 1 : threads }, () => startWorker({ kind: 'port' }));
  let onReply: ((reply: readonly [number, number]) => void) | undefined;
  let onFault: ((error: Error) => void) | undefined;
  // A worker lost between runs fails the next run at once, rather than leaving it waiting for replies that never come.
  let lost: Error | undefined;
  let closing = false;
  const fault = (error: Error): void => {
    if (closing) return;
    lost ??= error;
    onFault?.(error);
  };
  for (const worker of workers) {
    worker.on('message', (reply: readonly [number, number]) => onReply?.(reply));
    worker.on('error', fault);
    worker.on('exit', (code) => fault(new Error(`a raw worker of ${name} exited (code ${code})`)));
  }
  const send = (tasks: readonly KernelTask[]): Promise<number[]> =>
    new Promise<number[]>((resolve, reject) => {
      if (lost !== undefined) {
        reject(lost);
        return;
      }
      const checksums = new Array<number>(tasks.length);
      let done = 0;
      const post = (i: number): void => workers[i % workers.length]!.postMessage([i, tasks[i]!.units, tasks[i]!.seed]);
      onFault = reject;
      onReply = (reply) => {
        checksums[reply[0]] = reply[1];
        done++;
        if (done === tasks.length) {
          onReply = onFault = undefined;
          resolve(checksums);
        } else if (inFlight === 'one') post(done);
      };
      if (inFlight === 'one') post(0);
      else for (let i = 0; i < tasks.length; i++) post(i);
    });
  return {
    name,
    threads: workers.length,
    wake: async () => {
      await send(wakeTasks(workers.length));
    },
    run: ({ tasks }) => timed(() => send(tasks)),
    close: async () => {
      closing = true;
      lost ??= new Error(`${name} is closed`);
      await Promise.all(workers.map((w) => endWorker(w, 0)));
    },
  };
}

/**
 * A SharedArrayBuffer ring of `threads` workers, one task in flight per worker as in a pool: the main
 * thread writes a task into a worker's line and bumps its epoch; the worker runs it, writes the
 * checksum and bumps the done counter. `spin: false`: both sides sleep in Atomics.wait and are woken by
 * Atomics.notify (the OS wakes them, as a pool's threads are woken). `spin: true`: both sides spin on
 * the shared memory, no wake-up at all, a core burnt while idle; the workers spin only from `wake` to
 * `rest`, so that they burn nothing under the other ways' runs. The main thread blocks during a run
 * (in Atomics.wait or its spin): the least a hand-off can cost, with no event loop in the way.
 */
export function openRingWay(name: WayName, threads: number, spin: boolean, timeoutMs: number): Way {
  const buffer = ringBuffer(threads);
  const ring = new Int32Array(buffer);
  const workers = Array.from({ length: threads }, (_, index) => startWorker({ kind: 'ring', buffer, index }));
  const faults: string[] = [];
  for (const worker of workers) {
    worker.on('error', (error: Error) => faults.push(error.message));
  }
  const sent = new Array<number>(threads).fill(0);
  const setMode = (mode: number): void => {
    for (let w = 0; w < threads; w++) {
      Atomics.store(ring, lineOf(w) + MODE, mode);
      Atomics.add(ring, lineOf(w) + EPOCH, 1);
      Atomics.notify(ring, lineOf(w) + EPOCH);
    }
  };
  // A worker's error reaches the event loop, which a run blocks: it is read between runs, and a run that waits for a lost worker ends at the deadline.
  const late = (left: number, of: number): Error => new Error(`${name}: ${left} of ${of} tasks were not done within ${timeoutMs} ms${faults.length > 0 ? ` (a worker failed: ${faults[0]})` : ''}`);
  const runAll = (tasks: readonly KernelTask[]): number[] => {
    if (faults.length > 0) throw new Error(`a ring worker of ${name} failed: ${faults[0]}`);
    const checksums = new Array<number>(tasks.length);
    const holding = new Array<number>(threads).fill(-1);
    const deadline = performance.now() + timeoutMs;
    let next = 0;
    let finished = 0;
    const post = (w: number): void => {
      const base = lineOf(w);
      const task = tasks[next]!;
      ring[base + UNITS] = task.units;
      ring[base + SEED] = task.seed | 0;
      holding[w] = next++;
      Atomics.store(ring, base + TASK, ++sent[w]!);
      Atomics.add(ring, base + EPOCH, 1);
      if (!spin) Atomics.notify(ring, base + EPOCH);
    };
    for (let w = 0; w < threads && next < tasks.length; w++) post(w);
    let seen = Atomics.load(ring, DONE);
    while (finished < tasks.length) {
      for (let w = 0; w < threads; w++) {
        if (holding[w] === -1 || Atomics.load(ring, lineOf(w) + DONE_TASK) !== sent[w]) continue;
        checksums[holding[w]!] = ring[lineOf(w) + RESULT]! >>> 0;
        holding[w] = -1;
        finished++;
        if (next < tasks.length) post(w);
      }
      if (finished === tasks.length) break;
      // The deadline is read only once a wait has lasted: a clock read per task would be a tenth of the spinning floor.
      if (spin) {
        for (let i = 1; Atomics.load(ring, DONE) === seen; i++) if ((i & 0xffff) === 0 && performance.now() > deadline) throw late(tasks.length - finished, tasks.length);
      } else if (Atomics.wait(ring, DONE, seen, 100) === 'timed-out' && performance.now() > deadline) throw late(tasks.length - finished, tasks.length);
      seen = Atomics.load(ring, DONE);
    }
    return checksums;
  };
  return {
    name,
    threads,
    wake: async () => {
      setMode(spin ? SPIN : SLEEP);
      runAll(wakeTasks(threads));
    },
    run: ({ tasks }) => timed(() => runAll(tasks)),
    rest: () => setMode(SLEEP),
    close: async () => {
      setMode(STOP);
      await Promise.all(workers.map((w) => endWorker(w, STOP_GRACE_MS)));
    },
  };
}
