import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { repoRoot } from './helpers/cli.ts';

const readme = (): string => readFileSync(join(repoRoot, 'README.md'), 'utf8');

describe('the README', () => {
  it('starts with the install-and-run command and the test command', () => {
    const head = readme().split('\n').slice(0, 6).join('\n');
    expect(head).toContain('npm install && npm run lab');
    expect(head).toContain('npm test');
  });

  it('stays a page, not a wall: at most 250 lines, the rest on the pages it links', () => {
    expect(readme().trimEnd().split('\n').length).toBeLessThanOrEqual(250);
  });
});
