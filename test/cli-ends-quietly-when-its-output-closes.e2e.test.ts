import { spawn } from 'node:child_process';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { repoRoot } from './helpers/cli.ts';
import { completeResults, quickRun } from './helpers/cli-inproc-saved-results.ts';
import { filesUnder, tempDirForTests } from './helpers/files.ts';

const temp = tempDirForTests('lab-closed-output-');

/** Runs the compiled lab with its stdout a pipe that this side closes after the first line, as `lab … | head -1` does. */
function readFirstLineOnly(args: readonly string[]): Promise<{ readonly code: number | null; readonly signal: NodeJS.Signals | null; readonly firstLine: string; readonly stderr: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['dist/experiments/lab.js', ...args], { cwd: repoRoot, stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk: Buffer) => {
      stdout += chunk.toString();
      if (stdout.includes('\n')) child.stdout.destroy();
    });
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    child.on('error', reject);
    child.on('close', (code, signal) => resolve({ code, signal, firstLine: stdout.split('\n')[0]!, stderr }));
  });
}

// Unhandled, the first write after the reader left threw EPIPE: a stack of 15 frames and exit 1.
describe('a closed stdout (lab … | head -1) ends the lab quietly, exit 0', () => {
  it('seed-runner --explain --quick: the first line, then the replay stops', async () => {
    const { code, signal, firstLine, stderr } = await readFirstLineOnly(['seed-runner', '--explain', '--quick']);
    expect(firstLine).toMatch(/^seed-runner: /);
    expect({ code, signal, stderr }).toEqual({ code: 0, signal: null, stderr: '' });
  });

  it('run: the result being saved is whole or absent', async () => {
    const out = join(temp.dir, 'run');
    const { code, signal, firstLine, stderr } = await readFirstLineOnly([...quickRun, '--out', out]);
    expect(firstLine).toMatch(/^workload-thumbnails: /);
    expect({ code, signal, stderr }).toEqual({ code: 0, signal: null, stderr: '' });
    expect(completeResults(await filesUnder(out)).length).toBeLessThanOrEqual(1);
  });

  it('try: the first line, then the run stops', async () => {
    const { code, signal, firstLine, stderr } = await readFirstLineOnly(['try', join(repoRoot, 'examples/try/tiny-sum.mjs'), '--quick', '--no-save']);
    expect(firstLine).toMatch(/^try-examples-try-tiny-sum-mjs-[0-9a-f]{8}: /);
    expect({ code, signal, stderr }).toEqual({ code: 0, signal: null, stderr: '' });
  });
});
