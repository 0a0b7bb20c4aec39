import { chmod, mkdir, readdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCommand, type Finished } from './helpers/cli.ts';
import { isRoot, tempDirForTests } from './helpers/files.ts';

const temp = tempDirForTests('lab-bad-tmpdir-');
/** An unprivileged user (nobody), for the permission that root would override. */
const NOBODY = 65534;

/** The compiled lab, as `lab list` runs it, with this TMPDIR, as this user (the test's own by default). */
function listWith(tmpdir: string, asUser?: number): Promise<Finished> {
  return runCommand(process.execPath, ['dist/experiments/lab.js', 'list'], { TMPDIR: tmpdir }, undefined, { asUser });
}

// Before: a stack trace from inside the launcher. Now the one line, exit 2, and nothing run.
describe('a TMPDIR the lab cannot use is refused at the door', () => {
  it('a file: one line that names it, exit 2', async () => {
    const file = join(temp.dir, 'a-file');
    await writeFile(file, 'not a directory\n');
    const { code, stdout, stderr } = await listWith(file);
    expect(stderr).toBe(`lab: the temporary directory ${file} (TMPDIR) is not a directory; set TMPDIR to a directory you can write, or unset it to use /tmp\n`);
    expect({ code, stdout }).toEqual({ code: 2, stdout: '' });
  });

  it('a directory the user cannot write: one line that says so, exit 2', async () => {
    // The way to it open to all, so that only the writing is refused.
    await chmod(temp.dir, 0o755);
    const locked = join(temp.dir, 'locked');
    await mkdir(locked, { mode: 0o555 });
    const { code, stdout, stderr } = await listWith(locked, isRoot ? NOBODY : undefined);
    expect(stderr).toBe(`lab: the temporary directory ${locked} (TMPDIR) cannot be used: permission denied; set TMPDIR to a directory you can write, or unset it to use /tmp\n`);
    expect({ code, stdout }).toEqual({ code: 2, stdout: '' });
  });

  it('a good one is left as it was: the directory the command made for itself in it is gone', async () => {
    const good = join(temp.dir, 'good');
    await mkdir(good);
    const { code, stdout } = await listWith(good);
    expect(code).toBe(0);
    expect(stdout).toMatch(/^headline {2}/);
    expect(await readdir(good)).toEqual([]);
  });
});
