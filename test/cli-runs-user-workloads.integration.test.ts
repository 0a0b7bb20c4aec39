import { existsSync } from 'node:fs';
import { mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { repoRoot } from './helpers/cli.ts';
import { lab } from './helpers/lab-in-process.ts';

let dir: string;
async function file(name: string, content: string): Promise<string> {
  const path = join(dir, name);
  await writeFile(path, content);
  return path;
}
const workload = (tasks: unknown): string => JSON.stringify({ name: 'w', tasks });

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'lab-workloads-'));
});

describe('run --workload', () => {
  it('runs the example workload in the chosen modes with identical checksums', async () => {
    const example = join(repoRoot, 'experiments/example-workload.json');
    const { code, stdout, stderr } = await lab('run', '--workload', example, '--modes', 'sequential,interleaved', '--repeats', '1', '--warmups', '0', '--no-save', '--json');
    expect(stderr).toBe('');
    expect(code).toBe(0);
    const doc = JSON.parse(stdout) as { experiment: string; rows: { mode: string; checksumOk: boolean }[]; notes: string[] };
    expect(doc.experiment).toBe('workload-thumbnails');
    expect(doc.rows.map((r) => [r.mode, r.checksumOk])).toEqual([['sequential', true], ['interleaved', true]]);
    expect(doc.notes).toContain('Every mode reported the same checksum for every task.');
  });

  it('rejects each bad workload file with one line naming the file, the place and what is accepted (exit 2)', async () => {
    const cases: [string, string, RegExp][] = [
      ['syntax.json', '{\n  "name": "w",\n  "tasks": [\n    { "name": "a" "parts": [] }\n  ]\n}', /^lab: .*syntax\.json:4:19: JSON syntax error: a comma was expected\n$/],
      ['truncated.json', '{"name": "w", "tasks": [', /^lab: .*truncated\.json:1:25: JSON syntax error: the file ends too early\n$/],
      ['types.json', JSON.stringify({ name: 'w', tasks: [{ name: 'a', parts: [{ kind: 'cpu', units: 'ten' }] }] }), /^lab: .*types\.json: workload\.tasks\[0\]\.parts\[0\]\.units must be an integer from 1 to 100000000; got "ten"\n$/],
      ['negative.json', workload([{ name: 'a', parts: [{ kind: 'wait', ms: -5 }] }]), /^lab: .*negative\.json: workload\.tasks\[0\]\.parts\[0\]\.ms must be a number of milliseconds from 0 to 600000; got -5\n$/],
      ['absurd.json', workload([{ name: 'a', parts: [{ kind: 'cpu', units: 1e12 }] }]), /units must be an integer from 1 to 100000000; got 1000000000000\n$/],
      ['empty.json', workload([]), /^lab: .*empty\.json: workload\.tasks is empty: a workload needs at least one task\n$/],
      ['duplicate.json', workload([{ name: 'a', parts: [{ kind: 'wait', ms: 1 }] }, { name: 'a', parts: [{ kind: 'wait', ms: 1 }] }]), /workload\.tasks\[1\]\.name "a" is used twice; task names must be unique\n$/],
      ['kind.json', workload([{ name: 'a', parts: [{ kind: 'gpu', units: 1 }] }]), /workload\.tasks\[0\]\.parts\[0\]\.kind must be one of cpu, wait, block, delegate, fault; got "gpu"\n$/],
      ['cycle.json', workload([{ name: 'a', parts: [{ kind: 'delegate', task: 'b' }] }, { name: 'b', parts: [{ kind: 'delegate', task: 'a' }] }]), /workload tasks delegate in a cycle: a -> b -> a\n$/],
      ['dangling.json', workload([{ name: 'a', parts: [{ kind: 'delegate', task: 'ghost' }] }]), /workload\.tasks\[0\]\.parts\[0\]\.task "ghost" names no task of this workload\n$/],
      ['noparts.json', workload([{ name: 'a', parts: [] }]), /workload\.tasks\[0\]\.parts must be a non-empty array of parts\n$/],
      ['array.json', '[1, 2]', /^lab: .*array\.json: workload must be an object\n$/],
      ['fault.json', workload([{ name: 'a', parts: [{ kind: 'fault', fault: 'explode' }] }]), /workload\.tasks\[0\]\.parts\[0\]\.fault must be one of throw, hang, exit, exhaust-memory; got "explode"\n$/],
    ];
    // In-process, all at once; the results directory must stay absent.
    const results = await Promise.all(
      cases.map(async ([name, content]) => lab('run', '--workload', await file(name, content), '--out', join(dir, `out-${name}`))),
    );
    cases.forEach(([name, , message], i) => {
      const result = results[i]!;
      expect(result.stderr, name).toMatch(message);
      expect(result.code, name).toBe(2);
      expect(result.stdout, name).toBe('');
      expect(existsSync(join(dir, `out-${name}`)), name).toBe(false);
    });
  });

  it('rejects an unreadable path, a directory, and a missing --workload', async () => {
    expect((await lab('run', '--workload', join(dir, 'missing.json'))).stderr).toBe(`lab: ${join(dir, 'missing.json')}: cannot be read (no such file)\n`);
    expect((await lab('run', '--workload', dir)).stderr).toBe(`lab: ${dir}: cannot be read (it is a directory; give a regular JSON file)\n`);
    const none = await lab('run');
    expect(none.code).toBe(2);
    expect(none.stderr).toMatch(/^lab: run needs --workload FILE/);
  });

  it('rejects bad --modes values and --workload without run', async () => {
    const example = join(repoRoot, 'experiments/example-workload.json');
    expect((await lab('run', '--workload', example, '--modes', 'fast')).stderr).toBe('lab: --modes: unknown mode "fast"; accepted: sequential, interleaved, parallel, hybrid, piscina, processes, distributed\n');
    expect((await lab('run', '--workload', example, '--modes', 'sequential,,parallel')).stderr).toMatch(/^lab: --modes has an empty entry/);
    expect((await lab('run', '--workload', example, '--modes', 'parallel,parallel')).stderr).toMatch(/^lab: --modes names a mode twice/);
    expect((await lab('headline', '--workload', example)).stderr).toMatch(/^lab: --workload does not apply to an experiment \(headline\); it takes --quick/);
  });
});
