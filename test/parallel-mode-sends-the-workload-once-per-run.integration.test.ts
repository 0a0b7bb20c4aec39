import { describe, expect, it } from 'vitest';
import { runMode } from '../src/modes/index.ts';
import { createMailbox, fromTaskNumber, runIdReader, sharedWorkload, shareRun, taskNumber } from '../src/runtime/run-share.ts';
import { splitWorkWorkload } from '../src/workload/presets.ts';
import { warmPoolForTests } from './helpers/pool.ts';

const workload = splitWorkWorkload({ totalUnits: 96, unitsPerTask: 4 });

describe('the workload, shared once per run', () => {
  it('goes into the pool mailbox when it fits, under a new run id, and into a buffer of its own when not', () => {
    const mailbox = createMailbox(1 << 16);
    const first = shareRun(workload, mailbox);
    const second = shareRun(workload, mailbox);
    expect(first.inMailbox && second.inMailbox).toBe(true);
    expect(second.id).toBeGreaterThan(first.id);
    expect(runIdReader(mailbox)()).toBe(second.id);
    expect(sharedWorkload(mailbox)).toEqual(workload);
    const tooSmall = shareRun(workload, createMailbox(16));
    expect(tooSmall.inMailbox).toBe(false);
    expect(sharedWorkload(tooSmall.buffer)).toEqual(workload);
  });

  it('names a task by one number: its index and whether to record steps', () => {
    expect(fromTaskNumber(taskNumber(1234, true))).toEqual({ task: 1234, steps: true });
    expect(fromTaskNumber(taskNumber(0, false))).toEqual({ task: 0, steps: false });
  });

  describe('on a pool', () => {
    const warm = warmPoolForTests();

    it('runs two parallel runs at once on one pool (one through the mailbox, one through its own buffer) with the same checksums', async () => {
      const reference = (await runMode('sequential', workload)).tasks.map((t) => t.checksum);
      const [a, b] = await Promise.all([runMode('parallel', workload, { pool: warm.pool }), runMode('parallel', workload, { pool: warm.pool })]);
      expect(a.tasks.map((t) => t.checksum)).toEqual(reference);
      expect(b.tasks.map((t) => t.checksum)).toEqual(reference);
      expect(a.trace.length).toBe(b.trace.length);
      const next = await runMode('parallel', workload, { pool: warm.pool });
      expect(next.tasks.map((t) => t.checksum)).toEqual(reference);
    });
  });
});
