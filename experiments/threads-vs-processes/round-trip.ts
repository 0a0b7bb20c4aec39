import type { LabPool } from '../../src/runtime/pool.ts';
import type { ProcessPool } from '../../src/runtime/process-pool.ts';
import { shareRun, taskNumber } from '../../src/runtime/run-share.ts';
import { sharedNow } from '../../src/scheduler/index.ts';
import type { WorkloadSpec } from '../../src/workload/spec.ts';
import { median } from '../../src/measure/stats.ts';

/** One task of one kernel unit: what a round trip carries when the task itself costs next to nothing. */
export const tinyTaskWorkload: WorkloadSpec = { name: 'round-trip', tasks: [{ name: 'tiny', parts: [{ kind: 'cpu', units: 1 }] }] };

/** Round trips of one task, µs each, in the order they were timed. */
export interface RoundTrips {
  readonly us: readonly number[];
  readonly medianUs: number;
}

async function timeEach(count: number, once: () => Promise<unknown>): Promise<RoundTrips> {
  const us: number[] = [];
  for (let i = 0; i < count; i++) {
    const start = sharedNow();
    await once();
    us.push((sharedNow() - start) * 1000);
  }
  return { us, medianUs: median(us) };
}

/**
 * One task at a time to the lab's warm thread pool and back, `count` times, untraced: the
 * parallel mode's own path (the workload in the pool's mailbox, the message a task number, the
 * worker rebuilding the task on its scheduler, the checksum back).
 */
export async function threadRoundTrips(pool: LabPool, count: number): Promise<RoundTrips> {
  const mailbox = pool.borrowMailbox();
  try {
    const share = shareRun(tinyTaskWorkload, mailbox);
    const request = share.inMailbox ? taskNumber(0, false) : { kind: 'task' as const, run: share.id, share: share.buffer, task: 0, steps: false };
    return await timeEach(count, () => pool.send(request));
  } finally {
    pool.returnMailbox(mailbox);
  }
}

/** The same, to the lab's warm process pool: the processes mode's own path (a message over IPC, the task rebuilt in the process, the reply back). */
export function processRoundTrips(pool: ProcessPool, count: number): Promise<RoundTrips> {
  // Run id -1 belongs to this one constant workload (mode runs count up from 1): each process gets it with its first round trip only.
  return timeEach(count, () => pool.runTask({ run: -1, workload: tinyTaskWorkload, task: 0, steps: false }));
}
