import { describe, expect, it } from 'vitest';
import { UNTRACED_NOTE } from '../src/cli/commands/run-experiments.ts';
import { allModeNames, runMode } from '../src/modes/index.ts';
import { splitWorkWorkload } from '../src/workload/presets.ts';
import { granularity } from '../experiments/granularity.ts';
import { repoRoot } from './helpers/cli.ts';
import { tinyContext } from './helpers/context.ts';
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

  it('lets granularity say what recording steps costs per task', async () => {
    const result = await granularity.run(tinyContext());
    expect(Number.isFinite(result.facts.stepRecordingUsPerTask)).toBe(true);
    // Each figure with its 95% bootstrap interval when the rounds give one; the step cost also says when it is not measurably different from zero.
    const cost = String.raw`-?[\d.]+ (?:µs|ms)`;
    const withInterval = String.raw`${cost}(?: \(95% interval ${cost} to ${cost}\))?`;
    expect(result.notes.join('\n')).toMatch(
      new RegExp(String.raw`Recording every step cost ${withInterval} per task(?:, no cost measurably different from zero)?: parallel paid ${withInterval} per task with --no-steps \(fitted alike\)\.`),
    );
    expect(result.rows.filter((r) => r.mode === 'parallel').every((r) => (r.untracedMedianMs ?? 0) > 0)).toBe(true);
  });
});
