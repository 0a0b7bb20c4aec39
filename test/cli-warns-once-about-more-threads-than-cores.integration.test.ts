import { availableParallelism } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { repoRoot } from './helpers/cli.ts';
import { lab } from './helpers/lab-in-process.ts';

const cores = availableParallelism();
const run = (threads: number): string[] => ['run', '--workload', join(repoRoot, 'experiments/example-workload.json'), '--modes', 'sequential,parallel', '--repeats', '1', '--warmups', '0', '--no-save', '--threads', String(threads)];

describe('asking for more threads than cores', () => {
  it.skipIf(cores >= 256)('--threads cores+1: one note on stderr, and the run goes ahead', async () => {
    const { code, stdout, stderr } = await lab(...run(cores + 1));
    expect(stderr).toBe(`lab: note: --threads ${cores + 1} is more than the ${cores} core${cores === 1 ? '' : 's'} this machine offers: the threads will take turns on them, and each costs start-up time and memory\n`);
    // The pool ran with every thread asked for: its row says so, whichever mode was faster on a busy machine.
    expect(stdout).toMatch(new RegExp(`│ parallel +│ +${cores + 1} \\(warm\\) │`));
    expect(code).toBe(0);
  });

  it('--threads equal to the cores: no note', async () => {
    const { code, stderr } = await lab(...run(cores));
    // Not "empty": off a terminal, a run past ten seconds (a loaded machine) also prints a progress line.
    expect(stderr).not.toContain('lab:');
    expect(code).toBe(0);
  });

  it('an experiment whose own sweep goes past the cores on purpose (scaling): no note', async () => {
    // What must stay silent is a sweep that starts pools past the cores. One count past them (--max-threads cores+1) does that
    // as the default sweep to twice the cores does, at a fraction of its cost (--max-threads goes up to 256: beyond, the default).
    const pastTheCores = cores < 256 ? ['--max-threads', String(cores + 1)] : [];
    const { code, stderr } = await lab('scaling', '--quick', '--repeats', '1', '--warmups', '0', '--no-save', '--no-timeline', ...pastTheCores);
    expect(stderr).not.toContain('lab:');
    expect(code).toBe(0);
  }, 120_000);
});
