import { mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';
import { repoRoot } from './helpers/cli.ts';
import { tempDirForTests } from './helpers/files.ts';
import { lab } from './helpers/lab-in-process.ts';
import { moduleIdentity } from '../src/runtime/user-function/module-identity.ts';

const temp = tempDirForTests('lab-try-identity-');
const SOURCE = 'export default (x) => x + 1;\nexport const inputs = [1, 2, 3];\n';
const tiny = ['--quick', '--max-threads', '1', '--batches', '1', '--repeats', '1', '--warmups', '0'];

/** The one results JSON under each experiment folder of `out`, by folder. */
function savedUnder(out: string): Map<string, { experiment: string; settings: Record<string, unknown> }> {
  return new Map(
    readdirSync(out).map((folder) => {
      const json = readdirSync(join(out, folder)).filter((f) => f.endsWith('.json'));
      expect(json).toHaveLength(1);
      return [folder, JSON.parse(readFileSync(join(out, folder, json[0]!), 'utf8')) as { experiment: string; settings: Record<string, unknown> }];
    }),
  );
}

describe('a try result is filed under the module path relative to the project root, or --name, with the content hash', () => {
  it('d1/fn.mjs and d2/fn.mjs (same bytes) are two experiments with one moduleHash; --name files under the name', async () => {
    const out = join(temp.dir, 'results');
    for (const d of ['d1', 'd2']) {
      mkdirSync(join(temp.dir, d));
      writeFileSync(join(temp.dir, d, 'fn.mjs'), SOURCE);
      const { code, stderr } = await lab('try', join(temp.dir, d, 'fn.mjs'), ...tiny, '--out', out);
      expect(stderr).toBe('');
      expect(code).toBe(0);
    }
    expect(readdirSync(out)).toHaveLength(2); // not one folder for both
    const named = await lab('try', join(temp.dir, 'd1', 'fn.mjs'), ...tiny, '--out', out, '--name', 'add-one');
    expect(named.code).toBe(0);
    const saved = savedUnder(out);
    expect(saved.size).toBe(3);
    const modules = [...saved.values()].map((s) => s.settings.module).sort();
    const rel = (d: string): string => relative(repoRoot, join(temp.dir, d, 'fn.mjs'));
    expect(modules).toEqual(['add-one', rel('d1'), rel('d2')].sort());
    expect(saved.get('try-add-one')?.experiment).toBe('try-add-one');
    const hashes = new Set([...saved.values()].map((s) => s.settings.moduleHash));
    expect(hashes.size).toBe(1);
    expect([...hashes][0]).toMatch(/^[0-9a-f]{16}$/);
  }, 180_000);
});

describe('identities that differ only in letters a slug would drop stay apart', () => {
  it.each([
    ['ä.mjs', 'ö.mjs'],
    ['Fn.mjs', 'fn.mjs'],
    ['a-b.mjs', 'a/b.mjs'],
    ['d1/fn.mjs', 'd2/fn.mjs'],
  ])('%s vs %s', (a, b) => {
    const ia = moduleIdentity(join('/p', a), SOURCE, undefined, '/p');
    const ib = moduleIdentity(join('/p', b), SOURCE, undefined, '/p');
    expect(ia.identity).toBe(a);
    expect(ib.identity).toBe(b);
    expect(ia.experiment).not.toBe(ib.experiment);
    expect(ia.moduleHash).toBe(ib.moduleHash);
  });

  it('keeps non-ASCII letters readable, and a changed module keeps its identity with another hash', () => {
    expect(moduleIdentity('/p/ä.mjs', SOURCE, undefined, '/p').experiment).toMatch(/^try-ä-mjs-[0-9a-f]{8}$/);
    const before = moduleIdentity('/p/fn.mjs', SOURCE, undefined, '/p');
    const after = moduleIdentity('/p/fn.mjs', `${SOURCE}// changed\n`, undefined, '/p');
    expect(after.experiment).toBe(before.experiment);
    expect(after.moduleHash).not.toBe(before.moduleHash);
  });
});
