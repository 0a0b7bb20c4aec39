import { catalogueLines } from '../../experiments/catalogue-lines.ts';
import { runLab } from '../../src/cli/main.ts';
import { steadyCpu } from './cpu-readings.ts';
import { Capture } from './streams.ts';

/**
 * The lab's command line run in this process (fast; no exit plumbing): its exit code and what it
 * wrote. It runs on a machine no other program uses, as far as it can tell: test files running at
 * once are other programs to each other.
 */
export async function lab(...argv: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  const stdout = new Capture();
  const stderr = new Capture();
  const code = await runLab(argv, catalogueLines, { stdout, stderr, readCpu: steadyCpu() });
  return { code, stdout: stdout.text, stderr: stderr.text };
}
