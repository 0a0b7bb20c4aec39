import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { repoRoot, runCommand, runLabCli, runLabFromSource } from './helpers/cli.ts';

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

  it('prints its version as the lab command, as the compiled entry and from its TypeScript sources', async () => {
    const { version } = JSON.parse(readFileSync(join(repoRoot, 'package.json'), 'utf8')) as { version: string };
    for (const run of [() => runCommand(process.execPath, ['bin/lab.mjs', '--version']), () => runLabCli(['--version']), () => runLabFromSource(['--version'])]) {
      const { code, stdout, stderr } = await run();
      expect([code, stdout, stderr]).toEqual([0, `${version}\n`, '']);
    }
  });
});
