import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { repoRoot, runLabCli } from './helpers/cli.ts';

const tools = join(repoRoot, 'test/fixtures/tools');

// Spawned: the exit codes of the gate as a CI job sees them (every other case is checked in-process).
describe('compare --fail-on-slower as a CI job runs it', () => {
  it('exits 1 on a regression with the verdict on stderr under a machine format, 0 without the gate, 2 on bad input, never a stack trace', async () => {
    const pair = [join(tools, 'tinybench-old.json'), join(tools, 'tinybench-new.json')];
    const tripped = await runLabCli(['compare', ...pair, '--fail-on-slower', '5', '--format', 'csv']);
    expect(tripped.code).toBe(1);
    expect(tripped.stderr).toMatch(/^gate FAILED \(--fail-on-slower 5: .*\): 1 row\(s\) slower: tinybench parse .*\.\n$/);
    expect(tripped.stdout.split('\r\n')[0]).toBe('identity,tool,row,state,old_median_ms,old_samples,new_median_ms,new_samples,ratio,ratio_low,ratio_high,verdict,p,raw_p,why');
    expect((await runLabCli(['compare', ...pair])).code).toBe(0);
    const bad = await runLabCli(['compare', pair[0]!, join(tools, 'hyperfine-new.json'), '--fail-on-slower', '5']);
    expect(bad).toEqual({ code: 2, stdout: '', stderr: 'lab: OLD holds tinybench and NEW holds hyperfine: nothing to compare; give both sides results of the same experiment, module or tool\n' });
  });
});
