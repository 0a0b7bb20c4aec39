import { queueResource, resourcesOf } from '../src/modes/index.ts';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runDistributed } from '../src/modes/distributed.ts';
import { runSequential } from '../src/modes/index.ts';
import { QueueSession } from '../src/runtime/queue/queue-session.ts';
import type { WorkloadSpec } from '../src/workload/spec.ts';
import { mixedWorkload } from './fixtures/mixed-workload.ts';
import { needsService } from './helpers/services.ts';

const redisServer = needsService('redis-server');

/** Four tasks that each hold their worker for 100 ms: two workers must share them. */
const blocking: WorkloadSpec = {
  name: 'blocking',
  tasks: ['a', 'b', 'c', 'd'].map((name) => ({ name, parts: [{ kind: 'cpu', units: 20 }, { kind: 'block', ms: 100 }] })),
};

describe.skipIf(redisServer.skip)(redisServer.title('the distributed mode on a private Redis with two worker processes'), () => {
  let session: QueueSession;
  beforeAll(async () => {
    session = await QueueSession.open({ workers: 2 });
  });
  afterAll(async () => {
    await session?.close();
  });

  it('reports the checksums every other mode reports, task by task (waits, blocks and delegation included)', async () => {
    const queued = await runDistributed(mixedWorkload, { resources: resourcesOf([queueResource, session]) });
    const sequential = await runSequential(mixedWorkload);
    expect(queued.tasks.map((t) => [t.name, t.checksum])).toEqual(sequential.tasks.map((t) => [t.name, t.checksum]));
    expect(queued.tasks.every((t) => t.attempts === 1)).toBe(true);
  });

  it('runs the jobs in more than one worker process, and says which host and pid ran each', async () => {
    const run = await runDistributed(blocking, { resources: resourcesOf([queueResource, session]) });
    const pids = new Set(run.tasks.map((t) => Number(/ pid (\d+)$/.exec(t.ranOn ?? '')?.[1])));
    expect(pids.size).toBe(2);
    for (const pid of pids) expect(session.workerPids).toContain(pid);
    expect(run.lanes).toHaveLength(2);
  });

  it("brings each job's steps back on the lab's clock: inside the run, on the lane of the process that ran it", async () => {
    const run = await runDistributed(blocking, { resources: resourcesOf([queueResource, session]) });
    expect(run.trace.length).toBeGreaterThanOrEqual(blocking.tasks.length * 2);
    for (const e of run.trace) {
      expect(e.start).toBeGreaterThanOrEqual(0);
      expect(e.end).toBeLessThanOrEqual(run.wallMs);
      expect(run.lanes[e.lane]).toBe(run.tasks.find((t) => t.name === e.task)!.ranOn);
    }
  });

  it('records no steps under --no-steps, and still the same checksums', async () => {
    const run = await runDistributed(blocking, { resources: resourcesOf([queueResource, session]), steps: false });
    expect(run.trace).toEqual([]);
    expect(run.tasks.map((t) => t.checksum)).toEqual((await runSequential(blocking)).tasks.map((t) => t.checksum));
  });
});
