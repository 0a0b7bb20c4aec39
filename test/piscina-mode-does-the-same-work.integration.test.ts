import { mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { kernelTasks, runMode, type RunResult } from '../src/modes/index.ts';
import { cpuBoundWorkload, splitWorkWorkload } from '../src/workload/presets.ts';
import type { WorkloadSpec } from '../src/workload/spec.ts';
import { lab } from './helpers/lab-in-process.ts';
import { warmPoolForTests } from './helpers/pool.ts';

/** Cpu parts cut into uneven slices and spread over several parts, so the plain pool's one kernel call must chain them exactly. */
const sliced: WorkloadSpec = {
  name: 'sliced',
  tasks: [
    { name: 'a', parts: [{ kind: 'cpu', units: 37, sliceUnits: 5 }, { kind: 'cpu', units: 11 }] },
    { name: 'b', parts: [{ kind: 'cpu', units: 3 }] },
    { name: 'c', parts: [{ kind: 'cpu', units: 64, sliceUnits: 64 }, { kind: 'cpu', units: 1, sliceUnits: 1 }] },
  ],
};

describe('the piscina mode', () => {
  const warm = warmPoolForTests();

  for (const workload of [sliced, splitWorkWorkload({ totalUnits: 200, unitsPerTask: 16 }), cpuBoundWorkload({ tasks: 4, unitsPerTask: 50 })]) {
    it(`reports the same per-task checksums as every scheduler mode (${workload.name})`, async () => {
      const results: RunResult[] = [];
      for (const mode of ['sequential', 'interleaved', 'parallel', 'hybrid', 'piscina'] as const) results.push(await runMode(mode, workload, { pool: warm.pool }));
      const [reference, ...others] = results.map((r) => r.tasks.map((t) => [t.name, t.checksum]));
      expect(reference).toHaveLength(workload.tasks.length);
      expect(new Set(reference!.map(([, c]) => c)).size).toBe(workload.tasks.length);
      for (const other of others) expect(other).toEqual(reference);
    });
  }

  it('runs on the plain pool with the same thread count, warm, and records no steps', async () => {
    const result = await runMode('piscina', sliced, { pool: warm.pool });
    expect(result.mode).toBe('piscina');
    expect(result.threads).toBe(2);
    expect(result.pool?.warm).toBe(true);
    expect(result.trace).toEqual([]);
  });

  it('sends each task only its units and seed', () => {
    const messages = kernelTasks(sliced);
    expect(messages.map((m) => m.units)).toEqual([48, 3, 65]);
    for (const m of messages) expect(Object.keys(m).sort()).toEqual(['seed', 'units']);
  });

  it('refuses a workload with anything but cpu parts, naming the part', () => {
    const waits: WorkloadSpec = { name: 'w', tasks: [{ name: 'x', parts: [{ kind: 'cpu', units: 1 }, { kind: 'wait', ms: 1 }] }] };
    expect(() => kernelTasks(waits)).toThrow(/task "x" part 2 is a wait part/);
  });
});

describe('run --modes piscina', () => {
  let dir: string;
  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'lab-piscina-'));
  });

  it('exits 2 naming the part when the workload has wait, block or delegate parts', async () => {
    for (const [kind, part] of [
      ['wait', { kind: 'wait', ms: 1 }],
      ['block', { kind: 'block', ms: 1 }],
      ['delegate', { kind: 'delegate', task: 'a' }],
    ] as const) {
      const file = join(dir, `${kind}.json`);
      await writeFile(file, JSON.stringify({ name: 'w', tasks: [{ name: 'a', parts: [{ kind: 'cpu', units: 1 }] }, { name: 'b', parts: [part] }] }));
      const { code, stdout, stderr } = await lab('run', '--workload', file, '--modes', 'sequential,piscina', '--no-save');
      expect(code).toBe(2);
      expect(stdout).toBe('');
      expect(stderr).toBe(`lab: --modes piscina runs only cpu parts; task "b" part 1 is a ${kind} part (drop piscina from --modes, or use a cpu-only workload)\n`);
    }
  });

  it('runs a cpu-only workload beside the scheduler modes with identical checksums', async () => {
    const file = join(dir, 'cpu.json');
    await writeFile(file, JSON.stringify({ name: 'c', tasks: [{ name: 'a', parts: [{ kind: 'cpu', units: 20 }] }, { name: 'b', parts: [{ kind: 'cpu', units: 30, sliceUnits: 7 }] }] }));
    const { code, stdout } = await lab('run', '--workload', file, '--modes', 'sequential,piscina', '--repeats', '1', '--warmups', '0', '--no-save', '--json');
    expect(code).toBe(0);
    const doc = JSON.parse(stdout) as { rows: { mode: string; checksumOk: boolean }[] };
    expect(doc.rows.map((r) => [r.mode, r.checksumOk])).toEqual([['sequential', true], ['piscina', true]]);
  });
});
