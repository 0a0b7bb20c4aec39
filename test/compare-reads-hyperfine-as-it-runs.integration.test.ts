import { execFile } from 'node:child_process';
import { mkdtemp, readFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';
import { readBenchFile } from '../src/report/read-bench-file.ts';
import { lab } from './helpers/lab-in-process.ts';
import { needsService } from './helpers/services.ts';

const hyperfine = needsService('hyperfine');

describe('compare reads what the installed hyperfine writes', () => {
  it.skipIf(hyperfine.skip)(hyperfine.title('two runs of hyperfine --export-json compare row by row, its medians read as it wrote them'), async () => {
    const dir = await mkdtemp(join(tmpdir(), 'lab-hyperfine-'));
    const run = async (name: string): Promise<string> => {
      const file = join(dir, name);
      // Only the shape is relied on: no figure of these runs is asserted.
      await promisify(execFile)(hyperfine.path!, ['-N', '--runs', '5', '--warmup', '1', '--style', 'none', '-n', 'nap', 'sleep 0.001', '-n', 'true', 'true', '--export-json', file]);
      return file;
    };
    const [old, now] = [await run('old.json'), await run('new.json')];
    const written = JSON.parse(await readFile(now, 'utf8')) as { results: { command: string; median: number; times: number[] }[] };
    const read = await readBenchFile(now);
    expect(read.tool).toBe('hyperfine');
    expect(read.rows.map((r) => [r.fields, r.medianMs, r.samplesMs])).toEqual(written.results.map((r) => [[['name', r.command]], r.median * 1000, r.times.map((t) => t * 1000)]));
    const { code, stdout, stderr } = await lab('compare', old, now, '--format', 'csv');
    expect(stderr).toBe('');
    expect(code).toBe(0);
    expect(stdout.split('\r\n').slice(1, 3).map((line) => line.split(',').slice(0, 4).join(','))).toEqual(['hyperfine,hyperfine,nap,compared', 'hyperfine,hyperfine,true,compared']);
  });
});
