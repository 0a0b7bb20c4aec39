import { describe, expect, it } from 'vitest';
import { laterCommandLine } from './helpers/processes.ts';

// Tests that check what the lab started read the process table while it runs. A worker process
// that is ending reads as "[node]" (its command line is gone with its memory) and then as
// "<defunct>"; the watch kept that last reading once, lost "worker-process" from both workers of a
// distributed run, and failed a CI run on Node 22.
describe('the process watch keeps the command each process ran', () => {
  const worker = '/usr/bin/node /lab/dist/src/runtime/queue/worker-process.js';

  it('an ending process keeps the command line it ran', () => {
    expect(laterCommandLine(worker, '[node]')).toBe(worker);
    expect(laterCommandLine(worker, '[node] <defunct>')).toBe(worker);
  });

  it('a forked child first reads as its parent, and the command it execs replaces that', () => {
    expect(laterCommandLine('/usr/bin/node /lab/node_modules/vitest/dist/workers/forks.js', worker)).toBe(worker);
  });

  it('a process first seen as it ended is known only by that', () => {
    expect(laterCommandLine(undefined, '[node]')).toBe('[node]');
  });
});
