import { chmodSync, chownSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { runCommand, type Finished } from './helpers/cli.ts';
import { writeFileAtomic } from '../src/report/atomic-write.ts';
import { filesUnder } from './helpers/files.ts';
import { needsRoot } from './helpers/services.ts';

// Root writes through any mode, so the lab is run as `nobody`, as a user meets it, with a HOME and a
// TMPDIR that nobody can write (the runner's TMPDIR may be root's own).
const asNobody = needsRoot('to run the lab as the unprivileged user nobody');
const NOBODY = 65_534;

let dir: string;
beforeAll(async () => {
  if (asNobody.skip) return;
  dir = await mkdtemp(join(tmpdir(), 'lab-read-only-'));
  chownSync(dir, NOBODY, NOBODY);
  writeFileSync(join(dir, 'tiny.json'), JSON.stringify({ name: 'tiny', tasks: [{ name: 'a', parts: [{ kind: 'cpu', units: 10 }] }] }));
});

/** A file owned by nobody, with `mode`, holding "keep me". */
function fileOf(name: string, mode: number): string {
  const path = join(dir, name);
  writeFileSync(path, 'keep me');
  chownSync(path, NOBODY, NOBODY);
  chmodSync(path, mode);
  return path;
}

function labAsNobody(args: readonly string[]): Promise<Finished> {
  return runCommand(process.execPath, ['dist/experiments/lab.js', ...args], { HOME: dir, TMPDIR: dir }, undefined, { asUser: NOBODY });
}

describe.skipIf(asNobody.skip)(asNobody.title('an output file the user cannot write is refused, not replaced; a replaced file keeps its mode'), () => {
  it.each([
    ['--html', ['seed-runner']],
    ['--trace', ['run', '--workload', 'WORKLOAD', '--quick', '--no-save', '--modes', 'sequential']],
  ])('%s onto a file of mode 444: exit 2, one line, the file and its mode untouched', async (flag, command) => {
    const target = fileOf(`ro${flag}.out`, 0o444);
    const { code, stdout, stderr } = await labAsNobody([...command.map((a) => (a === 'WORKLOAD' ? join(dir, 'tiny.json') : a)), flag, target]);
    expect(stderr).toBe(`lab: ${flag} ${target}: is read-only (mode 444); the lab does not replace a file that has no write permission: make it writable or give another path\n`);
    expect(code).toBe(2);
    expect(stdout).toBe('');
    expect(readFileSync(target, 'utf8')).toBe('keep me');
    expect(statSync(target).mode & 0o777).toBe(0o444);
    expect((await filesUnder(dir)).filter((f) => f.endsWith('.tmp'))).toEqual([]);
  });

  it('--html onto a writable file of mode 640: replaced, and still 640', async () => {
    const target = fileOf('rw.html', 0o640);
    const { code } = await labAsNobody(['seed-runner', '--html', target]);
    expect(code).toBe(0);
    expect(readFileSync(target, 'utf8')).toMatch(/^<!doctype html>/i);
    expect(statSync(target).mode & 0o777).toBe(0o640);
  });

  it("a file the lab (as root) replaces keeps its owner as well as its mode", async () => {
    const target = fileOf('owned.txt', 0o600);
    await writeFileAtomic(target, 'new');
    expect(readFileSync(target, 'utf8')).toBe('new');
    expect(statSync(target).uid).toBe(NOBODY);
    expect(statSync(target).mode & 0o777).toBe(0o600);
  });
});
