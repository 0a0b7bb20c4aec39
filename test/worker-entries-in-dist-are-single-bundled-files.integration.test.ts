import { build } from 'esbuild';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { workerEntries } from '../scripts/bundle-entries.mjs';
import { repoRoot } from './helpers/cli.ts';

// The test run's global setup has built dist/ (test/setup/build-the-lab.ts).
const dist = join(repoRoot, 'dist');
const entries = workerEntries(repoRoot, ['src', 'experiments']);

/** The files esbuild would read to bundle `file` again, packages left out: the file alone when it is one bundle already. */
async function modulesBehind(file: string): Promise<string[]> {
  const { metafile } = await build({ entryPoints: [file], bundle: true, write: false, metafile: true, format: 'esm', platform: 'node', packages: 'external', logLevel: 'silent' });
  return Object.keys(metafile.inputs);
}

describe('each entry a thread or process of the lab loads is one bundled file in dist/ (issue 27: start-up is module loading)', () => {
  it('finds the entries of every kind of thread and process the lab starts', () => {
    expect(entries).toEqual(
      expect.arrayContaining([
        'src/runtime/parallel-worker.js',
        'src/runtime/plain-worker.js',
        'src/runtime/process-child.js',
        'src/runtime/post-message-floor-worker.js',
        'src/runtime/queue/worker-process.js',
        'src/runtime/user-function/runner-child.js',
        'src/runtime/user-function/pool-worker.js',
        'experiments/hand-off/raw-worker.js',
        'experiments/echo-server/server-worker.js',
      ]),
    );
  });

  it('every entry imports no module of the lab: only Node built-ins and packages are left as imports', async () => {
    for (const entry of entries) expect(await modulesBehind(join(dist, entry)), entry).toEqual([`dist/${entry}`]);
  });

  it('a module bundled away from its folder still finds the files beside its own compiled file', () => {
    // e.g. worker-channel's ./worker-bootstrap.cjs, from the echo server's worker in experiments/.
    for (const entry of entries) {
      const code = readFileSync(join(dist, entry), 'utf8');
      for (const [, own] of code.matchAll(/new URL\("([^"]+)", import\.meta\.url\)/g)) {
        expect(existsSync(fileURLToPath(new URL(own!, `file://${join(dist, entry)}`))), `${entry}: ${own}`).toBe(true);
      }
    }
  });

  it('refuses a source that names an entry in a way the build cannot find, naming the file', () => {
    const root = mkdtempSync(join(tmpdir(), 'lab-entries-'));
    mkdirSync(join(root, 'src'));
    writeFileSync(join(root, 'src', 'found.ts'), "entryBeside(import.meta.url, 'found-worker');\n");
    expect(workerEntries(root, ['src'])).toEqual(['src/found-worker.js']);
    writeFileSync(join(root, 'src', 'hidden.ts'), 'const name = "w";\nentryBeside(import.meta.url, name);\n');
    expect(() => workerEntries(root, ['src'])).toThrow(/^src\/hidden\.ts calls entryBeside without import\.meta\.url and a quoted entry name/);
  });
});
