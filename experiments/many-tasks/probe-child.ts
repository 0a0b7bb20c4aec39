/**
 * Entry of a probe child process (started with --expose-gc): measures one request and writes one
 * JSON line to stdout. A fresh process per measurement keeps one size's garbage and resident pages
 * out of the next one's baseline.
 */
import { LabPool, runParallel } from '../../src/modes/index.ts';
import { sharedNow } from '../../src/scheduler/index.ts';
import { runSpecAsync, runWorkloadAsync } from './async-reference.ts';
import type { ParkedMemory, ProbeRequest, ThreadsProbe } from './probe-protocol.ts';
import { runWorkloadOnScheduler, spawnWorkload } from './scheduler-way.ts';
import { foldChecksums, manyTasksWorkload } from './workload.ts';

const collect = (globalThis as { gc?: () => void }).gc;
if (collect === undefined) throw new Error('the probe child needs --expose-gc');

function settle(): void {
  collect!();
  collect!();
}

/** What a run keeps (handles, promises), held here until the process exits so that it counts as it would in a real run. */
const held: unknown[] = [];

let markParked: () => void = () => {};
const allParked = new Promise<void>((resolve) => (markParked = resolve));

/** Spawned after every task: under round-robin it first runs once every task has run its first step and parked. */
function* lastly(): Generator<undefined, void, unknown> {
  markParked();
}

/** A few tasks run to the end first, so that compiling the code paths is not counted against the measured tasks. */
async function warmUp(way: 'scheduler' | 'async', units: number): Promise<void> {
  const workload = manyTasksWorkload({ tasks: 16, waitMs: 0, units });
  if (way === 'scheduler') await runWorkloadOnScheduler(workload);
  else await runWorkloadAsync(workload);
}

async function parked(request: ProbeRequest & { way: 'scheduler' | 'async' }): Promise<ParkedMemory> {
  await warmUp(request.way, request.units);
  settle();
  const before = process.memoryUsage();
  const started = sharedNow();
  const workload = manyTasksWorkload(request);
  if (request.way === 'scheduler') {
    const { scheduler, handles } = spawnWorkload(workload, undefined, lastly());
    held.push(handles, scheduler.run());
    await allParked;
  } else {
    held.push(workload.tasks.map(runSpecAsync));
    // Async functions run to their first await when called: after one turn, every task is parked.
    await new Promise((resolve) => setImmediate(resolve));
  }
  const parkedMs = sharedNow() - started;
  settle();
  const after = process.memoryUsage();
  return { way: request.way, tasks: request.tasks, heapBytes: after.heapUsed - before.heapUsed, rssBytes: after.rss - before.rss, parkedMs };
}

async function threads(request: ProbeRequest & { way: 'threads' }): Promise<ThreadsProbe> {
  settle();
  const before = process.memoryUsage().rss;
  const started = sharedNow();
  const pool = await LabPool.start({ threads: request.tasks, warmUpTimeoutMs: 600_000, warmUpUnits: 1 });
  try {
    const startMs = sharedNow() - started;
    settle();
    const rssBytes = process.memoryUsage().rss - before;
    const workload = manyTasksWorkload(request);
    const runStarted = sharedNow();
    const run = await runParallel(workload, { pool, steps: false });
    const runMs = sharedNow() - runStarted;
    const byName = new Map(run.tasks.map((t) => [t.name, t.checksum]));
    const checksum = foldChecksums(workload.tasks.map((t) => byName.get(t.name) ?? 0));
    return { way: 'threads', tasks: request.tasks, rssBytes, startMs, runMs, checksum };
  } finally {
    await pool.close();
  }
}

const request = JSON.parse(process.argv[2] ?? '{}') as ProbeRequest;
const result = request.way === 'threads' ? await threads(request) : await parked(request);
process.stdout.write(`${JSON.stringify(result)}\n`);
process.exit(0);
