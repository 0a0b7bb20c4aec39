import { mkdir, mkdtemp, readdir, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { experiments } from '../experiments/catalogue.ts';
import { InterruptedError } from '../src/cli/interrupt.ts';
import { runLab } from '../src/cli/main.ts';
import type { Experiment } from '../src/experiment/context.ts';
import { lab } from './helpers/lab-in-process.ts';
import { Capture } from './helpers/streams.ts';

let dir: string;
let out: string;

async function workloadFile(name: string, faultyPart: object): Promise<string> {
  const path = join(dir, `${name}.json`);
  const healthy = (task: string): object => ({ name: task, parts: [{ kind: 'cpu', units: 20 }, { kind: 'wait', ms: 2 }] });
  await writeFile(path, JSON.stringify({ name, tasks: [healthy('ok1'), { name: 'bad', parts: [{ kind: 'cpu', units: 5 }, faultyPart] }, healthy('ok2')] }));
  return path;
}

async function filesUnder(path: string): Promise<string[]> {
  try {
    return (await readdir(path, { recursive: true })).sort();
  } catch {
    return [];
  }
}

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'lab-robust-'));
  out = join(dir, 'results');
});

describe('failures, as a user meets them on the command line', () => {
  it('a task that throws: exit 1, one line naming the mode, workload, task and part; no results file', async () => {
    const file = await workloadFile('throws', { kind: 'fault', fault: 'throw', message: 'bad header', label: 'parse' });
    const { code, stdout, stderr } = await lab('run', '--workload', file, '--modes', 'parallel', '--repeats', '1', '--warmups', '0', '--out', out);
    expect(stderr).toBe('lab: parallel run of workload "throws" failed: task "bad" failed in part "parse": bad header\n');
    expect(code).toBe(1);
    expect(stdout).toBe('');
    expect(await filesUnder(out)).toEqual([]);
  });

  it('a worker that calls process.exit: exit 1 with a clear line, no hang', async () => {
    const file = await workloadFile('exits', { kind: 'fault', fault: 'exit' });
    const { code, stderr } = await lab('run', '--workload', file, '--modes', 'parallel', '--repeats', '1', '--warmups', '0', '--out', out);
    expect(stderr).toBe('lab: parallel run of workload "exits" failed: task "bad" ended its worker thread: worker exited with code: 3 (process.exit in a worker ends that thread)\n');
    expect(code).toBe(1);
  });

  it('a task that never finishes: --timeout aborts the run and names the tasks still running', async () => {
    const file = await workloadFile('hangs', { kind: 'fault', fault: 'hang' });
    const { code, stderr } = await lab('run', '--workload', file, '--modes', 'interleaved', '--repeats', '1', '--warmups', '0', '--timeout', '400', '--out', out);
    expect(stderr).toBe('lab: interleaved run of workload "hangs" failed: run exceeded its timeout of 400 ms; still running: bad\n');
    expect(code).toBe(1);
    expect(await filesUnder(out)).toEqual([]);
  });
});

/**
 * The catalogue with `headline` interrupted as Ctrl-C interrupts the lab: its signal aborted with the
 * `InterruptedError` the lab's SIGINT handler gives it, during the first run of the parallel mode,
 * when the pool is up and busy. `--quick` only shrinks the work that runs before that point (the one-thread
 * modes' first round): the interruption, the exit code and what is saved do not depend on it. (That a real
 * SIGINT reaches that handler and sets exit code 130 is proven on a spawned lab, in
 * processes-mode-leaves-no-orphaned-process.e2e.test.ts.)
 */
function headlineInterruptedInParallel(controller: AbortController, signal: 'SIGINT' | 'SIGTERM' = 'SIGINT'): Experiment[] {
  return experiments.map((e) =>
    e.name !== 'headline'
      ? e
      : {
          ...e,
          run: (context) =>
            e.run({
              ...context,
              onProgress: (progress) => {
                context.onProgress(progress);
                // Said just before the run starts: the abort lands once it is under way, its tasks on the pool.
                if (progress.label.endsWith(' parallel') && !controller.signal.aborted) setImmediate(() => controller.abort(new InterruptedError(signal)));
              },
            }),
        },
  );
}

describe('Ctrl-C (SIGINT) during a run', () => {
  it('tears the pool down, exits 130, saves nothing for the interrupted run and leaves earlier results untouched', async () => {
    const earlier = join(out, 'headline', 'earlier-run.json');
    await mkdir(join(out, 'headline'), { recursive: true });
    await writeFile(earlier, '{"an": "earlier result"}');
    const controller = new AbortController();
    const stdout = new Capture();
    const stderr = new Capture();
    const code = await runLab(['headline', '--quick', '--out', out], headlineInterruptedInParallel(controller), { stdout, stderr }, controller.signal);
    expect(stderr.text).toBe('lab: interrupted: the run was stopped and nothing was saved for it\n');
    expect(code).toBe(130);
    expect(stdout.text).toBe('');
    expect(await filesUnder(join(out, 'headline'))).toEqual(['earlier-run.json']);
    expect(await readFile(earlier, 'utf8')).toBe('{"an": "earlier result"}');
  });
});

// The signal as the shell sends it, and a save it must not cut in half, are tested on a spawned lab in
// cli-saves-each-result-as-a-unit.e2e.test.ts; here the lab's own mapping of SIGTERM mid-measuring.
describe('SIGTERM, like Ctrl-C', () => {
  it('during measuring: exit 143, one line, nothing saved', async () => {
    const fresh = await mkdtemp(join(tmpdir(), 'lab-term-'));
    const controller = new AbortController();
    const stdout = new Capture();
    const stderr = new Capture();
    const code = await runLab(['headline', '--quick', '--out', fresh], headlineInterruptedInParallel(controller, 'SIGTERM'), { stdout, stderr }, controller.signal);
    expect(stderr.text).toBe('lab: terminated (SIGTERM): the run was stopped and nothing was saved for it\n');
    expect(code).toBe(143);
    expect(stdout.text).toBe('');
    expect(await filesUnder(fresh)).toEqual([]);
  });
});
