import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { workLimits, workTotals } from '../src/workload/work-totals.ts';
import type { TaskSpec } from '../src/workload/spec.ts';
import { filesUnder, tempDirForTests } from './helpers/files.ts';
import { lab } from './helpers/lab-in-process.ts';

const temp = tempDirForTests('lab-work-');

async function workloadFile(name: string, content: unknown): Promise<string> {
  const file = join(temp.dir, name);
  await writeFile(file, typeof content === 'string' ? content : JSON.stringify(content));
  return file;
}

/** Task i does one cpu unit, then delegates `times` times to task i+1; the last does one unit. */
function chain(depth: number, times: number): { name: string; tasks: TaskSpec[] } {
  const tasks: TaskSpec[] = Array.from({ length: depth }, (_, i) => ({
    name: `t${i}`,
    parts: [{ kind: 'cpu', units: 1 }, ...Array.from({ length: i + 1 < depth ? times : 0 }, () => ({ kind: 'delegate' as const, task: `t${i + 1}` }))],
  }));
  return { name: 'chain', tasks };
}

async function refused(file: string, ...flags: string[]): Promise<string> {
  const { code, stdout, stderr } = await lab('run', '--workload', file, '--modes', 'sequential', '--out', temp.out, ...flags);
  expect(stdout).toBe('');
  expect(stderr.split('\n').filter(Boolean)).toHaveLength(1);
  expect(stderr).not.toMatch(/Maximum call stack|\bat .*\.ts:\d+/);
  expect(code).toBe(2);
  expect(await filesUnder(temp.out)).toEqual([]);
  return stderr;
}

describe('the total work after delegation is limited, and --max-work raises the limits', () => {
  it('40 tasks, each delegating twice to the next (a 3 KB file, about 2^40 parts), is refused with the total and the limit', async () => {
    const file = await workloadFile('bomb.json', chain(40, 2));
    expect(await refused(file)).toBe(
      `lab: ${file}: workload has 2,199,023,255,510 parts in all after delegation; at most 10,000,000 are accepted; raise the work limits with --max-work N (N times the defaults)\n`,
    );
  });

  it('cpu units have a limit of their own', async () => {
    const file = await workloadFile('units.json', { name: 'units', tasks: [{ name: 'a', parts: Array.from({ length: 11 }, () => ({ kind: 'cpu', units: 100_000_000 })) }] });
    expect(await refused(file)).toBe(`lab: ${file}: workload has 1,100,000,000 cpu units in all after delegation; at most 1,000,000,000 are accepted; raise the work limits with --max-work N (N times the defaults)\n`);
  });

  it('a 10,000-deep delegation chain: refused by the limit, and with --max-work it runs without overflowing the stack', async () => {
    const file = await workloadFile('chain.json', chain(10_000, 1));
    expect(await refused(file)).toMatch(/workload has 50,005,000 parts in all after delegation; at most 10,000,000 are accepted/);
    // Raised, it passes validation and runs: the first task walks all 10,000 levels; the timeout then ends the run.
    const { code, stderr } = await lab('run', '--workload', file, '--modes', 'sequential', '--warmups', '0', '--repeats', '1', '--max-work', '6', '--timeout', '3000', '--out', temp.out);
    expect(stderr).toMatch(/^lab: sequential run of workload "chain" failed: run exceeded its timeout of 3000 ms/);
    expect(stderr).not.toMatch(/Maximum call stack/);
    expect(code).toBe(1);
  }, 120_000);

  it('the defaults let a 1,000,000-task workload of a few parts each through', () => {
    // Every task holds the same five parts (workTotals counts them per task): five million part objects would test the garbage collector, not the limit.
    const parts = Array.from({ length: 5 }, () => ({ kind: 'cpu' as const, units: 100 }));
    const tasks: TaskSpec[] = Array.from({ length: 1_000_000 }, (_, i) => ({ name: `t${i}`, parts }));
    const totals = workTotals(tasks, new Map(tasks.map((t) => [t.name, t])));
    expect(totals).toEqual({ parts: 5_000_000, units: 500_000_000 });
    expect(5_000_000).toBeLessThanOrEqual(workLimits().maxTotalParts);
    expect(500_000_000).toBeLessThanOrEqual(workLimits().maxTotalUnits);
    expect(workLimits(3)).toEqual({ maxTasks: 3_000_000, maxTotalParts: 30_000_000, maxTotalUnits: 3_000_000_000 });
  });
});

describe('deep or huge values get one line, not a stack overflow or a megabyte', () => {
  it('a value nested 100,000 deep', async () => {
    const file = await workloadFile('deep.json', `{"name": "deep", "tasks": [{"name": "a", "parts": [{"kind": "cpu", "units": ${'['.repeat(100_000)}${']'.repeat(100_000)}}]}]}`);
    expect(await refused(file)).toBe(`lab: ${file}: workload.tasks[0].parts[0].units must be an integer from 1 to 100000000; got an array of 1 item\n`);
  });

  it('JSON nested 100,000 deep and broken: no place rather than a wrong one', async () => {
    const file = await workloadFile('deep-broken.json', `{"name": "deep", "tasks": ${'['.repeat(100_000)}`);
    expect(await refused(file)).toBe(`lab: ${file}: JSON syntax error (place unknown)\n`);
  });

  it('a 5.5 MB bad value is echoed cut short', async () => {
    const file = await workloadFile('huge.json', { name: 'huge', tasks: [{ name: 'a', parts: [{ kind: 'fault', fault: 'x'.repeat(5_500_000) }] }] });
    const line = await refused(file);
    expect(line).toMatch(/fault must be one of throw, hang, exit, exhaust-memory; got "x{60}\.\.\. \(5499940 more characters\)"\n$/);
    expect(line.length).toBeLessThan(400);
  });

  it('a delegation cycle through long names is named, cut short', async () => {
    const names = Array.from({ length: 50 }, (_, i) => `${'n'.repeat(150)}${i}`);
    const tasks = names.map((name, i) => ({ name, parts: [{ kind: 'delegate', task: names[(i + 1) % names.length] }] }));
    const line = await refused(await workloadFile('cycle.json', { name: 'cycle', tasks }));
    expect(line).toMatch(/workload tasks delegate in a cycle: n{40}\.\.\. \(111 more characters\) -> .* -> \.\.\. 45 more \.\.\. -> /);
    expect(line.length).toBeLessThan(1100);
  });
});

describe('JSON syntax errors give the true line and column', () => {
  const cases: [string, string, RegExp][] = [
    ['trailing-comma.json', '{"name": "w", "tasks": [{"name": "a", "parts": [{"kind": "cpu", "units": 5},]}]}', /:1:77: JSON syntax error: a value was expected \(a trailing comma\?\)\n$/],
    ['nan.json', '{"name": "w", "tasks": [{"name": "a", "parts": [{"kind": "cpu", "units": NaN}]}]}', /:1:74: JSON syntax error: a character JSON does not allow here/],
    ['multi-line.json', '{\n  "name": "w",\n  "tasks": [\n    {"name": "a", "parts": [],}\n  ]\n}', /:4:31: JSON syntax error: a property name was expected \(a trailing comma\?\)\n$/],
    ['truncated.json', '{"name": "w", "tasks": [', /:1:25: JSON syntax error: the file ends too early\n$/],
  ];
  for (const [name, text, message] of cases) {
    it(name, async () => {
      expect(await refused(await workloadFile(name, text))).toMatch(message);
    });
  }
});
