import { describe, expect, it } from 'vitest';
import { tsxLoader } from '../src/runtime/entry-points.ts';
import { userExecArgv } from '../src/runtime/user-function/user-exec-argv.ts';

const compiledEntry = new URL('file:///lab/dist/src/runtime/user-function/runner-child.js');
const sourceEntry = new URL('file:///lab/src/runtime/user-function/runner-child.ts');
const loaders = (flags: string[]): string[] => flags.filter((_, i) => flags[i - 1] === '--import');

describe("the flags of try's process and threads", () => {
  it('leave tsx out for a JavaScript module under the compiled lab, and keep the loader hooks', () => {
    for (const file of ['f.mjs', 'f.js', 'f.cjs', '/home/me/ts/f.mjs']) {
      const imported = loaders(userExecArgv(compiledEntry, file));
      expect(imported).not.toContain(tsxLoader);
      expect(imported).toHaveLength(1);
      expect(imported[0]).toMatch(/register-hooks\.mjs$/);
    }
  });

  it('load tsx first, once, for a TypeScript module or for the lab run from its sources', () => {
    for (const [entry, file] of [[compiledEntry, 'f.ts'], [compiledEntry, 'F.MTS'], [compiledEntry, 'f.cts'], [compiledEntry, 'f.tsx'], [sourceEntry, 'f.mjs'], [sourceEntry, 'f.ts']] as const) {
      const imported = loaders(userExecArgv(entry, file));
      expect(imported[0]).toBe(tsxLoader);
      expect(imported.filter((flag) => flag === tsxLoader)).toHaveLength(1);
      expect(imported[1]).toMatch(/register-hooks\.mjs$/);
    }
  });
});
