import { existsSync } from 'node:fs';
import { mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { catalogueLines } from '../experiments/catalogue-lines.ts';
import { runLab } from '../src/cli/main.ts';
import { ExitCode } from '../src/errors/lab-error.ts';
import { lingering, type ProcessEntry, watchStarted } from './helpers/processes.ts';
import { socketOf } from './helpers/queue-jobs.ts';
import { needsService } from './helpers/services.ts';
import { Capture } from './helpers/streams.ts';

const redisServer = needsService('redis-server');

let dir: string;
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'lab-queue-faults-'));
});

async function workloadFile(name: string, fault: 'exit' | 'hang'): Promise<string> {
  const file = join(dir, `${name}.json`);
  const quick = (task: string): object => ({ name: task, parts: [{ kind: 'wait', ms: 50 }] });
  const faulty = { name: fault === 'exit' ? 'dies' : 'stuck', parts: [{ kind: 'cpu', units: 5 }, { kind: 'fault', fault }] };
  await writeFile(file, JSON.stringify({ name, tasks: [quick('ok1'), faulty, quick('ok2')] }));
  return file;
}

/**
 * Runs the lab in this process on `workload` in `mode`, polling the process table meanwhile, and
 * returns how it ended and every process it started (the private redis-server and the worker processes).
 */
async function labRun(workload: string, mode: string, more: readonly string[] = []): Promise<{ code: number; stderr: string; seen: ProcessEntry[] }> {
  const watch = watchStarted();
  let seen: ProcessEntry[];
  const stdout = new Capture();
  const stderr = new Capture();
  let code: number;
  try {
    code = await runLab(['run', '--workload', workload, '--modes', mode, '--workers', '2', '--processes', '2', '--repeats', '1', '--warmups', '0', '--no-save', ...more], catalogueLines, { stdout, stderr });
  } finally {
    seen = await watch.stop();
  }
  return { code, stderr: stderr.text, seen };
}

/** Nothing the run started is left: no worker process, no redis-server, and the private Redis's socket directory is gone. */
async function expectNothingLeft(seen: readonly ProcessEntry[]): Promise<void> {
  const server = seen.find((p) => p.args.includes('redis-server'));
  expect(server).toBeDefined();
  expect(seen.filter((p) => p.args.includes('worker-process')).length).toBeGreaterThanOrEqual(1);
  expect(await lingering(seen.filter((p) => p.args.includes('redis-server') || p.args.includes('worker-process')))).toEqual([]);
  const socket = socketOf(server!.args);
  expect(socket, server!.args).toBeDefined();
  expect(existsSync(dirname(socket!))).toBe(false);
}

describe.skipIf(redisServer.skip)(redisServer.title('a fault in a distributed run is reported as in the other modes'), () => {
  it('an exit fault: the task is named, with the exit code 3 of the other modes, at once, not as "every worker process exited"', async () => {
    const workload = await workloadFile('exits', 'exit');
    const run = await labRun(workload, 'distributed');
    expect(run.stderr).toMatch(/^lab: distributed run of workload "exits" failed: task "dies" ended its worker process: process \d+ exited with code 3; the other worker processes live on\n$/);
    expect(run.code).toBe(ExitCode.failed);
    await expectNothingLeft(run.seen);
    // The processes mode ends its child with the same code, and says so alike.
    const processes = await labRun(workload, 'processes');
    expect(processes.stderr).toMatch(/^lab: processes run of workload "exits" failed: task "dies" ended its process: process \d+ exited with code 3;/);
  }, 60_000);

  it('an exit fault under --timeout is still the exit fault, not a timeout', async () => {
    const run = await labRun(await workloadFile('exits-timed', 'exit'), 'distributed', ['--timeout', '30000']);
    expect(run.stderr).toMatch(/^lab: distributed run of workload "exits-timed" failed: task "dies" ended its worker process: process \d+ exited with code 3;[^\n]*\n$/);
    expect(run.code).toBe(ExitCode.failed);
    await expectNothingLeft(run.seen);
  }, 60_000);

  it('a hang fault under --timeout names the stuck task, as the other modes do', async () => {
    const run = await labRun(await workloadFile('hangs', 'hang'), 'distributed', ['--timeout', '4000']);
    expect(run.stderr).toBe('lab: distributed run of workload "hangs" failed: run exceeded its timeout of 4000 ms; still running: stuck\n');
    expect(run.code).toBe(ExitCode.failed);
    await expectNothingLeft(run.seen);
  }, 60_000);
});
