import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { repoRoot } from './helpers/cli.ts';

describe('the README', () => {
  it('starts with the install-and-run command and the test command', () => {
    const head = readFileSync(join(repoRoot, 'README.md'), 'utf8').split('\n').slice(0, 6).join('\n');
    expect(head).toContain('npm install && npm run lab');
    expect(head).toContain('npm test');
  });
});
