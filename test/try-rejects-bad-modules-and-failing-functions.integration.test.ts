import { existsSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { lab } from './helpers/lab-in-process.ts';

const dir = mkdtempSync(join(tmpdir(), 'lab-try-bad-'));
const out = join(dir, 'results');

function module(name: string, source: string): string {
  const file = join(dir, name);
  writeFileSync(file, source);
  return file;
}

async function expectOneLine(file: string, code: number, pattern: RegExp, ...more: string[]): Promise<void> {
  const result = await lab('try', file, '--quick', '--max-threads', '1', '--batches', '1', '--out', out, ...more);
  expect(result.code, result.stderr).toBe(code);
  const lines = result.stderr.trim().split('\n');
  expect(lines, result.stderr).toHaveLength(1);
  expect(lines[0]).toMatch(pattern);
  expect(result.stderr).not.toMatch(/\n\s+at /);
  expect(existsSync(out)).toBe(false);
}

describe('try: bad input exits 2 with one line and saves nothing', () => {
  it('a missing file', () => expectOneLine(join(dir, 'nowhere.mjs'), 2, /nowhere\.mjs: cannot be read \(no such file\)/));
  it('a syntax error, with line and column', () => expectOneLine(module('broken.mjs', 'export default function (x) {\n  return x +* ;\n}\n'), 2, /broken\.mjs:2:\d+: syntax error/));
  it('no default export', () => expectOneLine(module('nodefault.mjs', 'export const inputs = [1];\n'), 2, /has no default export/));
  it('a default export that is not a function', () => expectOneLine(module('number.mjs', 'export default 42;\nexport const inputs = [1];\n'), 2, /default export is 42, not a function/));
  it('inputs() that throws', () => expectOneLine(module('throws.mjs', "export default (x) => x;\nexport function inputs() { throw new Error('no data'); }\n"), 2, /inputs\(\) threw Error: no data/));
  it('inputs() that returns nothing', () => expectOneLine(module('nothing.mjs', 'export default (x) => x;\nexport function inputs() {}\n'), 2, /inputs returned nothing/));
  it('inputs() that returns an empty array', () => expectOneLine(module('empty.mjs', 'export default (x) => x;\nexport function inputs() { return []; }\n'), 2, /the inputs are empty/));
  it('an input that cannot be cloned, by index and type', () =>
    expectOneLine(module('uncloneable.mjs', 'export default (x) => x;\nexport function inputs() { return [1, 2, { f: () => 1 }]; }\n'), 2, /input 2 cannot be sent to a worker thread: it holds a function at \.f/));
  it('--inputs that is not JSON, with line and column', () => {
    writeFileSync(join(dir, 'bad.json'), '[1,\n 2,]');
    return expectOneLine(module('fine.mjs', 'export default (x) => x;\n'), 2, /--inputs .*bad\.json:2:\d+: JSON syntax error/, '--inputs', join(dir, 'bad.json'));
  });
  it('a module that is not .js, .mjs or .ts', () => expectOneLine(module('data.json', '[]'), 2, /data\.json: not a \.js, \.mjs or \.ts module/));
});

describe('try: a failing function exits 1, names the input and the mode, and saves nothing', () => {
  it('a function that throws on one input', () =>
    expectOneLine(module('boom.mjs', "export default (x) => { if (x === 3) throw new Error('boom'); return x; };\nexport const inputs = [1, 2, 3, 4];\n"), 1, /input 2 threw Error: boom in baseline/));
  it('a function that never returns, past --timeout: the phase is named', () =>
    expectOneLine(module('forever.mjs', 'export default (x) => { if (x === 2) for (;;); return x; };\nexport const inputs = [1, 2];\n'), 1, /^lab: the reference calls \(every input once, in baseline\) did not all end within 0.5 s \(--timeout\)$/, '--timeout', '500'));
  it('a function that calls process.exit', () =>
    expectOneLine(module('exits.mjs', 'export default (x) => { if (x === 1) process.exit(3); return x; };\nexport const inputs = [0, 1];\n'), 1, /input 1 ended the process in baseline \(.*exit code 3/));
  it('a function that calls process.exit only on a worker thread: its input and the pool setting', () =>
    expectOneLine(
      module('exits-in-worker.mjs', "import { isMainThread } from 'node:worker_threads';\nexport default (x) => { if (!isMainThread && x === 2) process.exit(4); return x; };\nexport const inputs = [0, 1, 2, 3];\n"),
      1,
      /input 2 ended its worker thread in pool \(1 thread, batch 1\) \(.*code: 4/,
    ));
  it('a function that never returns only on a worker thread: its input and the pool setting', () =>
    expectOneLine(
      module('hangs-in-worker.mjs', "import { isMainThread } from 'node:worker_threads';\nexport default (x) => { if (!isMainThread && x === 1) for (;;); return x; };\nexport const inputs = [0, 1, 2];\n"),
      1,
      /input 1 did not return within 0.5 s \(--timeout\) in pool \(1 thread, batch 1\)/,
      '--timeout',
      '500',
    ));
});
