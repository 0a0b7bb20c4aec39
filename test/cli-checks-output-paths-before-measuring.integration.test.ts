import { execFileSync } from 'node:child_process';
import { lstatSync, readFileSync, readlinkSync } from 'node:fs';
import { mkdir, mkdtemp, symlink, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { filesUnder, isRoot, mountTmpfs } from './helpers/files.ts';
import { needsRoot } from './helpers/services.ts';

const readOnlyMount = needsRoot('to mount a read-only tmpfs');
const deviceNode = needsRoot('for mknod');
import { lab } from './helpers/lab-in-process.ts';

let dir: string;
const unmount: (() => void)[] = [];

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'lab-paths-'));
  await writeFile(join(dir, 'a-file'), 'keep me');
  await mkdir(join(dir, 'a-dir'));
  await symlink(join(dir, 'a-file'), join(dir, 'a-link'));
  execFileSync('mkfifo', [join(dir, 'a-fifo')]);
  if (isRoot) {
    execFileSync('mknod', [join(dir, 'a-device'), 'c', '1', '7']); // what /dev/full is
    await mkdir(join(dir, 'read-only'));
    unmount.push(mountTmpfs(join(dir, 'read-only'), '64k', true));
  }
});
afterAll(() => unmount.forEach((u) => u()));

/** Runs an experiment that would take seconds; a refused path must end it at once, before measuring. */
async function refused(args: string[]): Promise<string> {
  const started = Date.now();
  const { code, stdout, stderr } = await lab('scheduler-overhead', '--quick', ...args);
  expect(stdout).toBe('');
  expect(stderr.split('\n').filter(Boolean)).toHaveLength(1);
  expect(stderr).not.toMatch(/\bat .*\.ts:\d+|ENOENT|ENOTDIR|EISDIR|EROFS/);
  expect(code).toBe(2);
  expect(Date.now() - started).toBeLessThan(15_000);
  return stderr;
}

describe('output paths are checked before anything is measured: one line, exit 2', () => {
  it('--out under /proc (Node 20 recursive mkdir would loop there)', async () => {
    expect(await refused(['--out', '/proc/lab-results'])).toBe(
      'lab: --out /proc/lab-results: cannot create anything in /proc (it accepts no new entries); give a writable directory (it is created if missing)\n',
    );
    expect(await refused(['--out', '/proc/self'])).toMatch(/^lab: --out \/proc\/self: cannot create anything in \/proc\/self/);
  });

  it('report --out under /proc', async () => {
    const { code, stderr } = await lab('report', '--out', '/proc/lab-report');
    expect(stderr).toMatch(/^lab: --out \/proc\/lab-report: cannot create anything in \/proc \(it accepts no new entries\)/);
    expect(code).toBe(2);
  });

  it('--trace under /proc', async () => {
    expect(await refused(['--no-save', '--trace', '/proc/lab-trace.json'])).toMatch(/^lab: --trace \/proc\/lab-trace\.json: cannot create anything in \/proc/);
  });

  it('--out that is an existing file, or passes through one', async () => {
    const file = join(dir, 'a-file');
    expect(await refused(['--out', file])).toBe(`lab: --out ${file}: ${file} is a regular file, not a directory; give a writable directory (it is created if missing)\n`);
    expect(await refused(['--out', join(file, 'deeper', 'still')])).toBe(`lab: --out ${join(file, 'deeper', 'still')}: ${file} is a file, not a directory; give a writable directory (it is created if missing)\n`);
    expect(readFileSync(file, 'utf8')).toBe('keep me');
  });

  it('--out whose experiment directory is taken by a file', async () => {
    const out = join(dir, 'taken');
    await mkdir(out);
    await writeFile(join(out, 'scheduler-overhead'), 'not a directory');
    expect(await refused(['--out', out])).toMatch(/^lab: --out .*taken\/scheduler-overhead: .*taken\/scheduler-overhead is a regular file, not a directory/);
  });

  it('--out whose experiment directory is a symbolic link to nothing', async () => {
    const out = join(dir, 'dangling');
    await mkdir(out);
    await symlink(join(dir, 'nowhere'), join(out, 'scheduler-overhead'));
    expect(await refused(['--out', out])).toMatch(/dangling\/scheduler-overhead is a symbolic link to nothing; give a writable directory/);
  });

  it('--trace that is a directory', async () => {
    expect(await refused(['--no-save', '--trace', join(dir, 'a-dir')])).toBe(`lab: --trace ${join(dir, 'a-dir')}: is a directory; the lab only creates a new file or replaces a regular file\n`);
  });

  it.skipIf(readOnlyMount.skip)(readOnlyMount.title('a read-only file system, for --out and --trace (needs root to mount a read-only tmpfs)'), async () => {
    const ro = join(dir, 'read-only');
    expect(await refused(['--out', join(ro, 'results')])).toBe(`lab: --out ${join(ro, 'results')}: cannot create anything in ${ro} (read-only file system); give a writable directory (it is created if missing)\n`);
    expect(await refused(['--no-save', '--trace', join(ro, 'trace.json')])).toMatch(/\(read-only file system\); give a file in a writable directory\n$/);
    expect(await filesUnder(ro)).toEqual([]);
  });

  it('leaves nothing behind: no directories made, no probe left', async () => {
    expect(await filesUnder(dir)).toEqual(['a-fifo', 'a-file', 'a-link', ...(isRoot ? ['a-device'] : []), 'dangling/scheduler-overhead', 'taken/scheduler-overhead'].sort());
  });
});

describe('--trace refuses special files rather than replacing them', () => {
  it('a named pipe (FIFO) stays a FIFO', async () => {
    const fifo = join(dir, 'a-fifo');
    expect(await refused(['--no-save', '--trace', fifo])).toBe(`lab: --trace ${fifo}: is a named pipe (FIFO); the lab only creates a new file or replaces a regular file\n`);
    expect(lstatSync(fifo).isFIFO()).toBe(true);
  });

  it('a symbolic link stays a link, its target untouched', async () => {
    const link = join(dir, 'a-link');
    expect(await refused(['--no-save', '--trace', link])).toBe(`lab: --trace ${link}: is a symbolic link; the lab only creates a new file or replaces a regular file\n`);
    expect(readlinkSync(link)).toBe(join(dir, 'a-file'));
    expect(readFileSync(join(dir, 'a-file'), 'utf8')).toBe('keep me');
  });

  it.skipIf(deviceNode.skip)(deviceNode.title('a device node stays a device (needs root for mknod)'), async () => {
    const device = join(dir, 'a-device');
    expect(await refused(['--no-save', '--trace', device])).toBe(`lab: --trace ${device}: is a character device; the lab only creates a new file or replaces a regular file\n`);
    expect(lstatSync(device).isCharacterDevice()).toBe(true);
  });
});
