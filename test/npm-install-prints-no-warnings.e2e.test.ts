import { execFile } from 'node:child_process';
import { copyFile } from 'node:fs/promises';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';
import { repoRoot } from './helpers/cli.ts';
import { installDir } from './helpers/files.ts';

const run = promisify(execFile);

describe('the first command on a fresh machine, npm install, prints no warnings', () => {
  it('every dependency install script is reviewed in package.json (esbuild\'s is denied: tsx works without it)', async () => {
    const { stdout, stderr } = await run('npm', ['install-scripts', 'ls'], { cwd: repoRoot });
    expect(stdout.trim()).toBe('No packages with unreviewed install scripts.');
    expect(stderr).toBe('');
  });

  it('npm ci into an empty directory writes nothing to stderr', async () => {
    const dir = await installDir('lab-npm-');
    await copyFile(join(repoRoot, 'package.json'), join(dir, 'package.json'));
    await copyFile(join(repoRoot, 'package-lock.json'), join(dir, 'package-lock.json'));
    const { stderr } = await run('npm', ['ci', '--prefer-offline', '--no-audit', '--no-fund'], { cwd: dir });
    expect(stderr).toBe('');
  }, 180_000);
});
