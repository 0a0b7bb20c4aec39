import { join } from 'node:path';
import { expect } from 'vitest';
import { repoRoot } from './cli.ts';

/** A quick run of the example workload that saves a .md, several SVG pictures and the .json. */
export const quickRun: readonly string[] = ['run', '--workload', join(repoRoot, 'experiments/example-workload.json'), '--modes', 'sequential,interleaved', '--repeats', '1', '--warmups', '0'];

/** The saved results under `out`, grouped: every .json must have its .md and its pictures. */
export function completeResults(files: readonly string[]): string[] {
  const jsons = files.filter((f) => f.endsWith('.json'));
  for (const f of files) expect(jsons.some((j) => f.startsWith(j.replace(/\.json$/, '.')))).toBe(true);
  return jsons;
}
