import { experiments } from '../../experiments/catalogue.ts';
import { runLab } from '../../src/cli/main.ts';
import { Capture } from './streams.ts';

/** The lab's command line run in this process (fast; no exit plumbing): its exit code and what it wrote. */
export async function lab(...argv: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  const stdout = new Capture();
  const stderr = new Capture();
  const code = await runLab(argv, experiments, { stdout, stderr });
  return { code, stdout: stdout.text, stderr: stderr.text };
}
