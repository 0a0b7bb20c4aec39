import { afterAll, beforeAll } from 'vitest';
import { LabPool, runInterleaved, runParallel, runSequential, withStartedPool, type PoolOptions, type RunResult } from '../../src/modes/index.ts';
import type { WorkloadSpec } from '../../src/workload/spec.ts';

/** A warm pool for the tests of the enclosing `describe` (or file): started before them, closed after them. Read `.pool` inside a test. */
export function warmPoolForTests(settings: PoolOptions = { threads: 2 }): { readonly pool: LabPool } {
  let started: LabPool | undefined;
  beforeAll(async () => {
    started = await LabPool.start(settings);
  });
  afterAll(() => started?.close());
  return {
    get pool(): LabPool {
      if (started === undefined) throw new Error('the pool starts in beforeAll: read it inside a test');
      return started;
    },
  };
}

/** One real run of the workload in each of the three first modes (parallel on two threads), made before the tests; filled in place. */
export function runsOfThreeModes(workload: WorkloadSpec): readonly RunResult[] {
  const runs: RunResult[] = [];
  beforeAll(() =>
    withStartedPool({ threads: 2 }, async (pool) => {
      runs.push(await runSequential(workload), await runInterleaved(workload), await runParallel(workload, { pool }));
    }),
  );
  return runs;
}
