import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { repoRoot } from './helpers/cli.ts';
import { sourceFiles } from './helpers/import-graph.ts';

// CPU seconds per second of wall time is a number of cores, and the lab has one word for it:
// `...CpuCores` (`foreignCpuCores`, the hand-off experiment's spinning CPU as `spinCpuCores`). A
// `cpu...PerSecond` or `cpu...PerIdleSecond` beside it would be the same unit under another name.
const OTHER_NAMES = /\b[a-z]\w*Cpu\w*Per\w*Sec(?:ond)?s?\b|\bcpu\w*Per\w*Sec(?:ond)?s?\b/g;

/** Names of the other kind in `text`. */
const otherNames = (text: string): string[] => [...new Set(text.match(OTHER_NAMES) ?? [])];

describe('one name for one unit: CPU per wall second is in cores', () => {
  it('finds the other names, and leaves the lab\'s own alone', () => {
    expect(otherNames('const spinCpuPerIdleSecond = 1; cpuMsPerSecond; spinCpuCores; foreignCpuCores; cpuMs; usPerUnit')).toEqual(['spinCpuPerIdleSecond', 'cpuMsPerSecond']);
  });

  it('no source or experiment names it another way', () => {
    const found = sourceFiles(repoRoot, ['src', 'experiments']).flatMap((file) => otherNames(readFileSync(join(repoRoot, file), 'utf8')).map((name) => `${file}: ${name}`));
    expect(found).toEqual([]);
  });
});
