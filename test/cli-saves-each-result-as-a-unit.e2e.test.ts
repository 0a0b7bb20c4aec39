import type { ChildProcess } from 'node:child_process';
import { watch } from 'node:fs';
import { mkdir, mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCommand, runLabCli, type Finished } from './helpers/cli.ts';
import { completeResults, quickRun } from './helpers/cli-inproc-saved-results.ts';
import { filesUnder } from './helpers/files.ts';

// Spawned: a signal is sent to the lab's own process (or to npm, as `npm run lab` runs it), and
// its exit status is the promise. Saving as a unit without signals, and a full
// disk, are checked in-process in cli-saves-each-result-as-a-unit.integration.test.ts.

/** How each launcher is started and signalled, and the exit status a shell would see. */
interface Launcher {
  run(args: readonly string[], onStart: (child: ChildProcess) => void): Promise<Finished>;
  signal(child: ChildProcess, signal: NodeJS.Signals): void;
}

const launchers: Record<string, Launcher> = {
  node: { run: runLabCli, signal: (child, signal) => child.kill(signal) },
  // As a user starts it from a terminal, `npm run -s lab -- args`, which sends a signal to the whole
  // foreground process group: npm and the lab, which npm's script execs (no shell left between them).
  // npm passes the signal on, waits for the lab, and ends as it did: the shell sees 128 + the signal's number.
  'npm run lab (the signal to its process group, as a terminal sends it)': {
    run: (args, onStart) => runCommand('npm', ['run', '-s', 'lab', '--', ...args], {}, onStart, { detached: true }),
    signal: (child, signal) => {
      try {
        process.kill(-child.pid!, signal);
      } catch (error) {
        // The second signal may find the group already gone, as a terminal's would.
        if ((error as NodeJS.ErrnoException).code !== 'ESRCH') throw error;
      }
    },
  },
};

describe('SIGTERM, like Ctrl-C', () => {
  for (const [launcher, { run, signal: send }] of Object.entries(launchers)) for (const signal of ['SIGTERM', 'SIGINT'] as const) {
    it(`${signal} to ${launcher} as the first file of a result appears: the result is whole or absent, never half`, async () => {
      const out = await mkdtemp(join(tmpdir(), 'lab-term-save-'));
      await mkdir(join(out, 'workload-thumbnails'));
      const { code, stderr } = await run([...quickRun, '--out', out], (child) => {
        const watcher = watch(join(out, 'workload-thumbnails'), () => {
          watcher.close();
          send(child, signal);
          setTimeout(() => send(child, signal), 2); // a second signal must not cut the save short either
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
