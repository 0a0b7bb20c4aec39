import { mkdtemp, readdir, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { machineInfo } from '../src/measure/machine.ts';
import { writeFileAtomic } from '../src/report/atomic-write.ts';
import type { ExperimentResult } from '../src/report/experiment-result.ts';
import { findResultFiles, readResult, saveResult } from '../src/report/results-store.ts';
import { ResultFileError } from '../src/report/saved-result.ts';

const result: ExperimentResult = {
  experiment: 'demo',
  question: 'Does saving work?',
  machine: machineInfo(new Date('2026-11-25T10:00:00Z')),
  settings: { repeats: 3 },
  tables: [{ title: 'demo table', head: ['mode', 'median ms'], rows: [['sequential', '12.0']] }],
  rows: [{ workload: 'w', mode: 'sequential', threads: 1, repeats: 1, medianMs: 12, speedup: 1, efficiency: 1, samples: [{ round: 1, wallMs: 12 }] }],
  facts: { answer: 42 },
  notes: ['It does.'],
};

describe('results store', () => {
  it('saves <dir>/<experiment>/<machine>-<time>-<random>.json and .md, and reads the JSON back validated', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'lab-results-'));
    const files = await saveResult(result, dir, ['demo', '--repeats', '3'], new Date('2026-11-25T10:11:12.345Z'));
    expect(files.json).toMatch(new RegExp(`^${join(dir, 'demo', result.machine.id)}-2026-11-25T10-11-12\\.345Z-[0-9a-f]{6}\\.json$`));
    const back = await readResult(files.json);
    expect(back).toMatchObject({ schema: 'concurrency-lab.result/4', experiment: 'demo', facts: { answer: 42 }, argv: ['demo', '--repeats', '3'] });
    expect(back.machine).toEqual(result.machine);
    const markdown = await readFile(files.markdown, 'utf8');
    expect(markdown).toContain('| mode | median ms |');
    expect(markdown).toContain('| sequential | 12.0 |');
    expect(await readdir(join(dir, 'demo'))).toHaveLength(2); // no temporary files left behind
    expect(await findResultFiles([dir])).toEqual([files.json]);
  });

  it('records the context a reader needs to trust the numbers', () => {
    const m = result.machine;
    expect(m.logicalCores).toBeGreaterThan(0);
    expect(m.availableParallelism).toBeGreaterThan(0);
    expect(m.node).toBe(process.version);
    expect(m.piscina).toMatch(/^5\./);
    expect(m.os.length).toBeGreaterThan(0);
    expect(m.loadAverage).toHaveLength(3);
    expect(m.labCommit).toMatch(/^[0-9a-f]{12}(\+dirty)?$/);
    expect(m.date).toBe('2026-11-25T10:00:00.000Z');
  });

  it('names the file and the fault of a bad results file', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'lab-bad-'));
    const write = async (name: string, text: string): Promise<string> => {
      await writeFile(join(dir, name), text);
      return join(dir, name);
    };
    const notJson = await write('a.json', '{ nope');
    await expect(readResult(notJson)).rejects.toThrow(new RegExp(`^${notJson}:1:3: JSON syntax error: `));
    const oldSchema = await write('b.json', '{"schema": "concurrency-lab.result/0"}');
    await expect(readResult(oldSchema)).rejects.toThrow(`${oldSchema}: schema is "concurrency-lab.result/0"; this lab reads concurrency-lab.result/4, concurrency-lab.result/3, concurrency-lab.result/2 and concurrency-lab.result/1`);
    const good = JSON.parse(await readFile((await saveResult(result, dir, [])).json, 'utf8')) as Record<string, unknown>;
    const noCores = await write('c.json', JSON.stringify({ ...good, machine: { ...(good.machine as object), logicalCores: 'two' } }));
    await expect(readResult(noCores)).rejects.toThrow(`${noCores}: machine.logicalCores must be a number`);
    const badRow = await write('d.json', JSON.stringify({ ...good, rows: [1] }));
    await expect(readResult(badRow)).rejects.toThrow(ResultFileError);
    await expect(readResult(join(dir, 'missing.json'))).rejects.toThrow(`${join(dir, 'missing.json')}: cannot be read (no such file or directory)`);
  });

  it('an atomic write that fails leaves neither the file nor a temporary behind', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'lab-atomic-'));
    await writeFile(join(dir, 'taken'), 'a file, not a directory');
    await expect(writeFileAtomic(join(dir, 'taken', 'x.json'), '{}')).rejects.toThrow();
    await writeFileAtomic(join(dir, 'ok.json'), 'first');
    await writeFileAtomic(join(dir, 'ok.json'), 'second');
    expect(await readFile(join(dir, 'ok.json'), 'utf8')).toBe('second');
    expect((await readdir(dir)).sort()).toEqual(['ok.json', 'taken']);
  });
});
