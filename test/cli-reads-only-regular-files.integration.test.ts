import { execFileSync } from 'node:child_process';
import { mkdir, mkdtemp, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { repoRoot } from './helpers/cli.ts';
import { filesUnder } from './helpers/files.ts';
import { lab } from './helpers/lab-in-process.ts';

let dir: string;
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'lab-special-in-'));
  execFileSync('mkfifo', [join(dir, 'workload.json')]);
  await mkdir(join(dir, 'results'));
  execFileSync('mkfifo', [join(dir, 'results', 'result.json')]);
});

/** A FIFO or a device as input would block forever or never end: one line, exit 2, at once. */
describe('inputs must be regular files', () => {
  it('run --workload FIFO or device', async () => {
    for (const [path, kind] of [[join(dir, 'workload.json'), 'a named pipe (FIFO)'], ['/dev/zero', 'a character device']] as const) {
      const { code, stdout, stderr } = await lab('run', '--workload', path, '--no-save');
      expect(stderr).toBe(`lab: ${path}: cannot be read (it is ${kind}; give a regular JSON file)\n`);
      expect(stdout).toBe('');
      expect(code).toBe(2);
    }
  });

  it('compare or report on a FIFO named .json', async () => {
    const out = join(dir, 'page');
    for (const command of ['compare', 'report']) {
      const { code, stderr } = await lab(command, join(dir, 'results'), ...(command === 'report' ? ['--out', out] : []));
      expect(stderr).toBe(`lab: ${join(dir, 'results', 'result.json')}: cannot be read (it is a named pipe (FIFO); a results file is a regular file)\n`);
      expect(code).toBe(2);
    }
    expect(await filesUnder(out)).toEqual([]);
  });

  it('report refuses a picture name that leaves the result\'s directory', async () => {
    const results = join(dir, 'traversal');
    await mkdir(results);
    const saved = JSON.parse(await readFile(join(repoRoot, 'test/fixtures/results/small-2c.json'), 'utf8')) as { pictures: { file: string; title: string }[] };
    saved.pictures = [{ file: '../../../etc/hostname', title: 'sneaky' }];
    await writeFile(join(results, 'r.json'), JSON.stringify(saved));
    const { code, stderr } = await lab('report', results, '--out', join(dir, 'page2'));
    expect(stderr).toMatch(new RegExp(`^lab: ${join(results, 'r.json')}: .*picture.*\n$`));
    expect(code).toBe(2);
    expect(await filesUnder(join(dir, 'page2'))).toEqual([]);
  });
});
