import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { repoRoot, runTs } from './helpers/cli.ts';

// The scheduler's example lives on its page, docs/scheduler.md, which the README links.
describe('the scheduler page, linked from the README', () => {
  it('shows examples/scheduler-tour.ts verbatim, and it prints what its last comment says', async () => {
    const code = readFileSync(join(repoRoot, 'examples/scheduler-tour.ts'), 'utf8');
    expect(readFileSync(join(repoRoot, 'README.md'), 'utf8')).toContain('(docs/scheduler.md)');
    expect(readFileSync(join(repoRoot, 'docs/scheduler.md'), 'utf8')).toContain(code);
    const { code: exit, stdout } = await runTs('examples/scheduler-tour.ts');
    expect(exit).toBe(0);
    expect(stdout).toBe("{ state: 'done', value: 'user1 and user2' } 9 steps\n");
  });
});
