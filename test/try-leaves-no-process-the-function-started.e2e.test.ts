import { spawn } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { repoRoot } from './helpers/cli.ts';
import { tempDirForTests } from './helpers/files.ts';
import { lab } from './helpers/lab-in-process.ts';
import { survivors } from './helpers/processes.ts';
import { childrenOf, leftWithArgument, processesWithArgument, runnersLeft } from './helpers/user-function-processes.ts';

// A process that puts itself in a new session or group on purpose (setsid, detached: true) is out of
// the lab's reach, and out of scope: these are a function's ordinary children and grandchildren.

const temp = tempDirForTests('lab-try-orphans-');
/** A unique duration, so that the sleeps of this run are told apart from any other on the machine. */
const marker = (): string => `${300 + Math.floor(Math.random() * 1e6) / 1e6 + 0.000001}`;

function module(name: string, source: string): string {
  const file = join(temp.dir, name);
  writeFileSync(file, source);
  return file;
}

describe('try ends every process its function started', () => {
  it('execSync(sleep) past --timeout: exit 1 naming the phase, and no sh or sleep left', async () => {
    const mark = marker();
    const file = module('exec-sleep.mjs', `import { execSync } from 'node:child_process';\nexport default (x) => { execSync('sleep ${mark}'); return x; };\nexport const inputs = [1];\n`);
    const { code, stderr } = await lab('try', file, '--quick', '--no-save', '--max-threads', '1', '--batches', '1', '--timeout', '2000');
    expect(stderr).toBe('lab: the reference calls (every input once, in baseline) did not all end within 2 s (--timeout)\n');
    expect(code).toBe(1);
    expect(await leftWithArgument(mark)).toEqual([]);
    expect(await leftWithArgument(`sleep ${mark}`)).toEqual([]);
    expect(await runnersLeft()).toEqual([]);
  }, 60_000);

  it('a sleep spawned and not waited for: the run succeeds, and the sleep ends with it', async () => {
    const mark = marker();
    const file = module('spawn-sleep.mjs', `import { spawn } from 'node:child_process';\nexport default (x) => { if (x === 1) spawn('sleep', ['${mark}'], { stdio: 'ignore' }); return x; };\nexport const inputs = [1, 2];\n`);
    const { code, stderr } = await lab('try', file, '--quick', '--no-save', '--max-threads', '1', '--batches', '1', '--repeats', '1', '--warmups', '0');
    expect(stderr).toBe('');
    expect(code).toBe(0);
    expect(await leftWithArgument(mark)).toEqual([]);
    expect(await runnersLeft()).toEqual([]);
  }, 60_000);

  it.each([
    ['busy in a loop (the watchdog thread ends it)', 'for (;;);'],
    ['waiting on a timer (the IPC channel closing ends it)', 'await new Promise((r) => setTimeout(r, 600_000));'],
  ])('the lab killed with SIGKILL while the function is %s: the runner and its sleep end too', async (_, body) => {
    const mark = marker();
    const file = module(`killed-${Math.random().toString(36).slice(2)}.mjs`, `import { spawn } from 'node:child_process';\nexport default async (x) => { spawn('sleep', ['${mark}'], { stdio: 'ignore' }); ${body} return x; };\nexport const inputs = [1];\n`);
    const child = spawn(process.execPath, ['dist/experiments/lab.js', 'try', file, '--no-save', '--timeout', '600000'], { cwd: repoRoot, stdio: 'ignore' });
    const exited = new Promise<number | null>((resolve) => child.on('exit', (_code, signal) => resolve(signal === 'SIGKILL' ? 137 : _code)));
    const deadline = Date.now() + 30_000;
    while (processesWithArgument(mark).length === 0 && Date.now() < deadline) await new Promise((r) => setTimeout(r, 50));
    expect(processesWithArgument(mark)).toHaveLength(1);
    const runners = childrenOf(child.pid!).filter((p) => p.args.includes('runner-child'));
    expect(runners).toHaveLength(1);
    child.kill('SIGKILL');
    expect(await exited).toBe(137);
    expect(await leftWithArgument(mark, 10_000)).toEqual([]);
    expect(await survivors(runners.map((r) => r.pid), 10_000)).toEqual([]);
  }, 60_000);
});
