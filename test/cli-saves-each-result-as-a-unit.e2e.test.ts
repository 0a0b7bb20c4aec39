import type { ChildProcess } from 'node:child_process';
import { watch } from 'node:fs';
import { mkdir, mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { repoRoot, runCommand, runLabCli, type Finished } from './helpers/cli.ts';
import { completeResults, quickRun } from './helpers/cli-inproc-saved-results.ts';
import { filesUnder } from './helpers/files.ts';

// Spawned: a signal is sent to the lab's own process (or to the tsx parent that npm run lab
// starts), and its exit status is the promise. Saving as a unit without signals, and a full
// disk, are checked in-process in cli-saves-each-result-as-a-unit.integration.test.ts.

/** The lab as `npm run lab` starts it: the tsx command, which relays signals to its Node child with a short grace period. */
function runViaTsx(args: readonly string[], onStart: (child: ChildProcess) => void): Promise<Finished> {
  return runCommand(join(repoRoot, 'node_modules/.bin/tsx'), ['experiments/lab.ts', ...args], {}, onStart);
}

describe('SIGTERM, like Ctrl-C', () => {
  const launchers = { node: runLabCli, 'the tsx parent (npm run lab)': runViaTsx };
  for (const [launcher, run] of Object.entries(launchers)) for (const signal of ['SIGTERM', 'SIGINT'] as const) {
    it(`${signal} to ${launcher} as the first file of a result appears: the result is whole or absent, never half`, async () => {
      const out = await mkdtemp(join(tmpdir(), 'lab-term-save-'));
      await mkdir(join(out, 'workload-thumbnails'));
      const { code, stderr } = await run([...quickRun, '--out', out], (child) => {
        const watcher = watch(join(out, 'workload-thumbnails'), () => {
          watcher.close();
          child.kill(signal);
          setTimeout(() => child.kill(signal), 2); // a second signal must not cut the save short either
        });
      });
      const files = await filesUnder(out);
      if (code === 0) {
        expect(completeResults(files)).toHaveLength(1);
      } else {
        expect(stderr).toMatch(/^lab: (interrupted|terminated \(SIGTERM\)): the run was stopped and nothing was saved for it\n$/);
        expect(code).toBe(signal === 'SIGTERM' ? 143 : 130);
        expect(files).toEqual([]);
      }
    });
  }
});
