import { describe, expect, it } from 'vitest';
import { UNTRACED_NOTE } from '../src/cli/commands/run-experiments.ts';
import { allModeNames, runMode } from '../src/modes/index.ts';
import { splitWorkWorkload } from '../src/workload/presets.ts';
import { repoRoot } from './helpers/cli.ts';
import { lab } from './helpers/lab-in-process.ts';
import { join } from 'node:path';
import { warmPoolForTests } from './helpers/pool.ts';
import { needsService } from './helpers/services.ts';

const workload = splitWorkWorkload({ totalUnits: 64, unitsPerTask: 8 });
/** `distributed` starts a private redis-server. */
const redisServer = needsService('redis-server');

describe('--no-steps', () => {
  const warm = warmPoolForTests();

  for (const mode of allModeNames) {
    const skip = mode === 'distributed' && redisServer.skip;
    const title = `records no steps in ${mode} mode, and does the same work`;
    it.skipIf(skip)(mode === 'distributed' ? redisServer.title(title) : title, async () => {
      const traced = await runMode(mode, workload, { pool: warm.pool });
      const untraced = await runMode(mode, workload, { pool: warm.pool, steps: false });
      expect(untraced.trace).toEqual([]);
      expect(untraced.tasks.map((t) => t.checksum)).toEqual(traced.tasks.map((t) => t.checksum));
      if (mode !== 'piscina') expect(traced.trace.length).toBeGreaterThanOrEqual(workload.tasks.length);
    });
  }

  // What recording steps costs per task is said by granularity: tested on its one real run in
  // experiment-granularity.integration.test.ts, not on a second one here.
  it('draws no timelines, and the notes say the runs are untraced', async () => {
    const example = join(repoRoot, 'experiments/example-workload.json');
    const { code, stdout } = await lab('run', '--workload', example, '--modes', 'sequential,parallel', '--repeats', '1', '--warmups', '0', '--no-save', '--no-steps', '--timeline');
    expect(code).toBe(0);
    expect(stdout).toContain(UNTRACED_NOTE);
    expect(stdout).not.toMatch(/worker 1/);
  });

  it('is refused together with --trace FILE (exit 2, one line)', async () => {
    const { code, stdout, stderr } = await lab('cpu-bound', '--quick', '--no-save', '--no-steps', '--trace', join(repoRoot, 'never-written.json'));
    expect(code).toBe(2);
    expect(stdout).toBe('');
    expect(stderr).toBe('lab: --no-steps and --trace FILE contradict each other: a trace file needs the recorded steps; give one\n');
  });
});
