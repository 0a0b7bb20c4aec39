import { describe, expect, it } from 'vitest';
import { runLabCli } from './helpers/cli.ts';

// Spawned: the exit code and the streams as the shell sees them. Every other refusal is
// checked in-process, in cli-rejects-bad-input.unit.test.ts.
describe('the command line as a user runs it', () => {
  it('exits 2 with one line and no stack trace for a bad value', async () => {
    const { code, stdout, stderr } = await runLabCli(['--threads', 'abc']);
    expect(code).toBe(2);
    expect(stdout).toBe('');
    expect(stderr).toBe('lab: --threads must be an integer from 1 to 256; got "abc"\n');
  });

  it('explains every flag in --help', async () => {
    const { code, stdout } = await runLabCli(['--help']);
    expect(code).toBe(0);
    for (const flag of ['--quick', '--repeats', '--warmups', '--threads', '--seed', '--timeout', '--json', '--help']) expect(stdout).toContain(flag);
    expect(stdout).toContain('headline');
  });
});
