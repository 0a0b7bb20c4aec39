import { describe, expect, it } from 'vitest';
import { runTs } from './helpers/cli.ts';

// The other tests of the parallel mode (parallel-mode-runs-on-several-threads.integration.test.ts) start
// its workers from vitest's process; only a process started with `node --import tsx`, as the lab's users
// start it, shows that the workers load from there too.
describe('parallel mode', () => {
  it('loads the TypeScript worker under tsx as well as under vitest', async () => {
    const { code, stdout, stderr } = await runTs('test/fixtures/parallel-under-tsx.ts');
    expect(stderr).toBe('');
    expect(code).toBe(0);
    const output = JSON.parse(stdout) as { lanes: string[]; checksums: number[]; warm: boolean };
    expect(output.warm).toBe(true);
    expect(output.checksums).toHaveLength(4);
  });
});
