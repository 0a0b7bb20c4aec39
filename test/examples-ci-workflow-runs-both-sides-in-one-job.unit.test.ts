import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseLabArgs } from '../src/cli/args.ts';
import { repoRoot } from './helpers/cli.ts';

const workflow = readFileSync(join(repoRoot, 'examples/ci/benchmark-gate.yml'), 'utf8');
const env = (name: string): string => [...workflow.matchAll(/^\s+([A-Z_]+): (.+)$/gm)].find((m) => m[1] === name)![2]!.trim();

describe('examples/ci/benchmark-gate.yml, the workflow a user copies', () => {
  it('measures the base and the head in two checkouts of one job, on one runner, interleaved', () => {
    expect(workflow.match(/runs-on:/g)).toHaveLength(1);
    expect(workflow).toContain('path: head');
    expect(workflow).toContain('ref: ${{ github.event.pull_request.base.sha }}');
    expect(workflow).toContain('path: base');
    expect(workflow).toMatch(/for round in .*\n.*\n\s+if \[ \$\(\(round % 2\)\) -eq 1 \]; then order="base head"; else order="head base"; fi/);
  });

  it('runs the lab and compare with flags the lab accepts, and keeps compare\'s exit code', () => {
    const bench = env('BENCH').split(' ');
    expect(() => parseLabArgs([...bench, '--out', 'results/base'])).not.toThrow();
    expect(() => parseLabArgs(['try', 'bench/hot-path.mjs', '--repeats', '10', '--out', 'results/base'])).not.toThrow();
    const args = parseLabArgs(['compare', 'results/base', 'results/head', '--fail-on-slower', env('FAIL_ON_SLOWER'), '--format', 'markdown']);
    expect(args.compare).toMatchObject({ failOnSlower: 5, format: 'markdown' });
    expect(workflow).toMatch(/--fail-on-slower "\$FAIL_ON_SLOWER" --format markdown\) > gate\.md\n\s+code=\$\?\n.*\n\s+exit \$code/);
  });
});
