import { mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { validateWorkload, WorkloadError } from '../src/workload/validate.ts';
import { defaultWorkLimits, workLimits } from '../src/workload/work-totals.ts';
import { lab } from './helpers/lab-in-process.ts';

const tasks = (n: number, parts: unknown[] = [{ kind: 'cpu', units: 1 }]): unknown => ({ name: 'many', tasks: Array.from({ length: n }, (_, i) => ({ name: `t${i}`, parts })) });

describe('the number of tasks is one of the work limits', () => {
  it('is 1,000,000 by default and scales with --max-work like parts and units', () => {
    expect(defaultWorkLimits.maxTasks).toBe(1_000_000);
    expect(workLimits(4)).toEqual({ maxTasks: 4_000_000, maxTotalParts: 40_000_000, maxTotalUnits: 4_000_000_000 });
  });

  it('refuses one task more than the limit, naming the count, the limit and the flag; accepts the limit itself', () => {
    const limits = { ...workLimits(), maxTasks: 3 };
    expect(validateWorkload(tasks(3), limits).tasks).toHaveLength(3);
    expect(() => validateWorkload(tasks(4), limits)).toThrow(new WorkloadError('workload.tasks has 4 tasks; at most 3 are accepted; raise the work limits with --max-work N (N times the defaults)'));
  });
});

describe('a workload of more tasks than the old 10,000 limit', () => {
  it('runs in every mode of the lab with identical checksums', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'lab-many-'));
    const file = join(dir, 'many.json');
    await writeFile(file, JSON.stringify(tasks(12_000, [{ kind: 'wait', ms: 0 }, { kind: 'cpu', units: 1 }])));
    const { code, stdout, stderr } = await lab('run', '--workload', file, '--modes', 'sequential,interleaved,parallel,hybrid', '--repeats', '1', '--warmups', '0', '--no-save', '--no-timeline', '--json');
    expect(stderr).toBe('');
    expect(code).toBe(0);
    const result = JSON.parse(stdout) as { rows: { mode: string; checksumOk: boolean; checksum: number }[] };
    expect(result.rows.map((r) => r.mode)).toEqual(['sequential', 'interleaved', 'parallel', 'hybrid']);
    expect(result.rows.map((r) => r.checksumOk)).toEqual([true, true, true, true]);
    expect(new Set(result.rows.map((r) => r.checksum)).size).toBe(1);
  }, 180_000);
});
