import { mkdir, symlink, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { tempDirForTests } from './helpers/files.ts';
import { lab } from './helpers/lab-in-process.ts';

const temp = tempDirForTests('lab-hostile-');

/** Exit 2 with exactly one line on stderr, nothing on stdout, no errno code, no stack. */
async function refusedWithOneLine(...argv: string[]): Promise<string> {
  const { code, stdout, stderr } = await lab(...argv);
  expect(stdout).toBe('');
  expect(stderr.split('\n').filter(Boolean)).toHaveLength(1);
  expect(stderr).not.toMatch(/\b(ELOOP|ENOENT|EACCES|E[A-Z]{3,})\b|\bat .*:\d+:\d+|position \d+/);
  expect(code).toBe(2);
  return stderr;
}

async function fn(): Promise<string> {
  const path = join(temp.dir, 'fn.mjs');
  await writeFile(path, 'export default (x) => x;\nexport const inputs = [1, 2];\n');
  return path;
}

describe('a symbolic link loop is one line in words, wherever a file is named', () => {
  it.each([
    ['the try module', (loop: string) => ['try', `${loop}.mjs`]],
    ['--inputs', (loop: string) => ['try', 'FN', '--inputs', loop]],
    ['--workload', (loop: string) => ['run', '--workload', loop]],
    ['a results file', (loop: string) => ['compare', loop]],
  ])('%s', async (_, argv) => {
    const loop = join(temp.dir, `loop-${Math.random().toString(36).slice(2)}`);
    await symlink(loop, loop);
    await symlink(`${loop}.mjs`, `${loop}.mjs`);
    const args = argv(loop).map((a) => a);
    const file = await fn();
    const stderr = await refusedWithOneLine(...args.map((a) => (a === 'FN' ? file : a)));
    expect(stderr).toMatch(/cannot be read \(a symbolic link loop: too many levels of symbolic links\)\n$/);
  });
});

describe('JSON the user gives: every fault named with its line and column', () => {
  it('a UTF-8 byte-order mark in --inputs is named', async () => {
    const inputs = join(temp.dir, 'bom.json');
    await writeFile(inputs, '\uFEFF[1, 2]');
    expect(await refusedWithOneLine('try', await fn(), '--inputs', inputs, '--no-save')).toBe(
      `lab: --inputs ${inputs}:1:1: JSON syntax error: the file starts with a UTF-8 byte-order mark (bytes EF BB BF); save it as UTF-8 without a BOM\n`,
    );
  });

  it('an invisible character is named by its code point', async () => {
    const inputs = join(temp.dir, 'zwsp.json');
    await writeFile(inputs, '[1,\n \u200B2]');
    expect(await refusedWithOneLine('try', await fn(), '--inputs', inputs, '--no-save')).toMatch(/:2:2: JSON syntax error: .*\(U\+200B\)\n$/);
  });

  it('1e999 is echoed as written, with its place, not as null or Infinity', async () => {
    const inputs = join(temp.dir, 'huge.json');
    await writeFile(inputs, '[1,\n  {"n": -1e999}]');
    expect(await refusedWithOneLine('try', await fn(), '--inputs', inputs, '--no-save')).toBe(
      `lab: --inputs ${inputs}:2:9: [1].n is -1e999, beyond the largest number a double holds (about 1.8e308)\n`,
    );
    const workload = join(temp.dir, 'huge-workload.json');
    await writeFile(workload, '{"name": "w", "tasks": [{"name": "a", "parts": [{"kind": "wait", "ms": 1e999}]}]}');
    expect(await refusedWithOneLine('run', '--workload', workload)).toMatch(/:1:72: tasks\[0\]\.parts\[0\]\.ms is 1e999, beyond/);
    const result = join(temp.dir, 'schema-huge', 'r.json');
    await mkdir(join(temp.dir, 'schema-huge'));
    await writeFile(result, '{"schema": 1e999}');
    expect(await refusedWithOneLine('compare', result)).toBe(`lab: ${result}:1:12: schema is 1e999, beyond the largest number a double holds (about 1.8e308)\n`);
  });

  it("a results file that is not JSON gets line:column and none of the file's bytes", async () => {
    const dir = join(temp.dir, 'not-json');
    await mkdir(dir);
    await writeFile(join(dir, 'r.json'), '{\n  "schema": SECRET-WORD\n}');
    const stderr = await refusedWithOneLine('compare', dir);
    expect(stderr).toBe(`lab: ${join(dir, 'r.json')}:2:13: JSON syntax error: a character JSON does not allow here (NaN, Infinity, a bare word, a stray character?)\n`);
  });

  it('a symbolic link loop among the results of a directory is one line in words', async () => {
    const dir = join(temp.dir, 'looped');
    await mkdir(dir);
    await symlink(join(dir, 'r.json'), join(dir, 'r.json'));
    expect(await refusedWithOneLine('compare', dir)).toBe(`lab: ${join(dir, 'r.json')}: cannot be read (a symbolic link loop: too many levels of symbolic links)\n`);
  });

  it('a results file that links out of the directory named is refused without reading it', async () => {
    const outside = join(temp.dir, 'secret.txt');
    await writeFile(outside, 'SECRET-BYTES');
    const dir = join(temp.dir, 'planted');
    await mkdir(dir);
    await symlink(outside, join(dir, 'r.json'));
    const stderr = await refusedWithOneLine('compare', dir);
    expect(stderr).toBe(`lab: ${join(dir, 'r.json')}: is a symbolic link that leads out of ${dir}; results files are read only inside the directory named\n`);
  });
});

describe('flags: the fault is the flag that is wrong, said as it is', () => {
  it('--batches -1 is out of range, not missing', async () => {
    const stderr = await refusedWithOneLine('try', await fn(), '--batches', '-1');
    expect(stderr).toBe('lab: --batches: "-1" is not a whole number from 1 to 100000; give a list such as 1,4,16,64\n');
  });

  it('a path that starts with a dash is told how to give it', async () => {
    expect(await refusedWithOneLine('try', await fn(), '--inputs', '-in.json')).toBe('lab: --inputs "-in.json": a value that starts with "-" is taken for a flag; give --inputs=-in.json (or ./-in.json for a path)\n');
  });

  it('try --no-save --html blames --html, which try never takes', async () => {
    const stderr = await refusedWithOneLine('try', await fn(), '--no-save', '--html', join(temp.dir, 'x.html'));
    expect(stderr).toMatch(/^lab: --html does not apply to the try command; it takes /);
  });
});
