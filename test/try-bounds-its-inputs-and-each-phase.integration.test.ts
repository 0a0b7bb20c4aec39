import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { tempDirForTests } from './helpers/files.ts';
import { lab } from './helpers/lab-in-process.ts';
import { runnersLeft } from './helpers/user-function-processes.ts';

const temp = tempDirForTests('lab-try-bounds-');
const few = ['--quick', '--no-save', '--max-threads', '1', '--batches', '1', '--repeats', '1', '--warmups', '0'];

function module(name: string, source: string): string {
  const file = join(temp.dir, name);
  writeFileSync(file, source);
  return file;
}

/** The one line of a refused or failed try, after checking the exit code, that it is one line, and that no runner is left. */
async function oneLine(code: number, ...argv: string[]): Promise<string> {
  const result = await lab('try', ...argv);
  expect(result.code, result.stderr).toBe(code);
  expect(result.stdout).toBe('');
  const lines = result.stderr.trim().split('\n');
  expect(lines, result.stderr).toHaveLength(1);
  expect(await runnersLeft()).toEqual([]);
  return lines[0]!;
}

describe('try: inputs are bounded (100,000 and 256 MiB by default; --max-work N raises both)', () => {
  it('an endless inputs generator is refused with exit 2 naming inputs and the limit', async () => {
    const file = module('endless.mjs', 'export default (x) => x;\nexport function* inputs() { for (let i = 0; ; i++) yield i; }\n');
    const line = await oneLine(2, file, ...few);
    expect(line).toBe(`lab: ${file}: inputs: more than the limit of 100,000 inputs (--max-work N accepts N times as much)`);
    expect(await oneLine(2, file, ...few, '--max-work', '2')).toMatch(/inputs: more than the limit of 200,000 inputs/);
  }, 120_000);

  it('inputs past 256 MiB of clone bytes are refused the same way', async () => {
    const file = module('heavy.mjs', "export default (x) => x.length;\nexport function* inputs() { for (;;) yield 'x'.repeat(2 ** 25); }\n");
    expect(await oneLine(2, file, ...few)).toMatch(/: inputs: the first \d+ take more than the limit of 256 MiB of structured-clone bytes/);
  }, 120_000);

  it('--inputs past the limit is refused before anything starts', async () => {
    const inputs = join(temp.dir, 'many.json');
    writeFileSync(inputs, JSON.stringify(Array.from({ length: 100_001 }, (_, i) => i)));
    const file = module('plain.mjs', 'export default (x) => x;\n');
    expect(await oneLine(2, file, '--inputs', inputs, ...few)).toBe(`lab: --inputs ${inputs}: inputs: 100,001, more than the limit of 100,000 inputs (--max-work N accepts N times as much)`);
  });
});

describe('try: the reference calls are one request, not a round trip per input', () => {
  it('500 inputs reach the child as one request for their reference calls', async () => {
    const log = join(temp.dir, 'requests.log');
    const file = module(
      'counts.mjs',
      `import { appendFileSync } from 'node:fs';\nimport { isMainThread } from 'node:worker_threads';\n` +
        `if (isMainThread) process.on('message', (m) => appendFileSync(${JSON.stringify(log)}, String(m?.type) + '\\n'));\n` +
        `export default (x) => x + 1;\nexport const inputs = Array.from({ length: 500 }, (_, i) => i);\n`,
    );
    const { code, stderr } = await lab('try', file, ...few);
    expect(stderr).toBe('');
    expect(code).toBe(0);
    const types = readFileSync(log, 'utf8').trim().split('\n');
    expect(types.filter((t) => t.startsWith('check'))).toEqual(['checks']);
  }, 120_000);
});

describe('try: what the function does wrong is told as its fault, with input and mode', () => {
  it('a thrown object whose message getter throws', async () => {
    const file = module('getter.mjs', "export default (x) => { throw { get message() { throw new Error('getter boom'); } }; };\nexport const inputs = [1];\n");
    expect(await oneLine(1, file, ...few)).toBe('lab: input 0 threw an object whose message cannot be read (its message getter threw) in baseline');
  });

  it('a result whose getter throws: the input named, and what cannot be read', async () => {
    const file = module('result-getter.mjs', "export default (x) => ({ get value() { throw new Error('nope'); } });\nexport const inputs = [1];\n");
    expect(await oneLine(1, file, ...few)).toBe('lab: input 0: the result cannot be sent back from a worker thread: it holds a property that throws when read (a getter or a Proxy)');
  });

  it('a stray promise rejection is named as one, not as process.exit', async () => {
    const file = module('stray.mjs', "export default (x) => { if (x === 2) Promise.reject(new Error('stray')); return x; };\nexport const inputs = [1, 2, 3];\n");
    expect(await oneLine(1, file, ...few)).toBe(
      'lab: input 1 in baseline: the function left a promise rejected that nothing caught (an unhandled rejection, not a throw from the call): Error: stray',
    );
  });

  it('a function that closes the IPC channel is told so, not taken for the lab going away', async () => {
    const file = module('disconnects.mjs', 'export default (x) => { if (x === 2) process.disconnect(); return x; };\nexport const inputs = [1, 2, 3];\n');
    expect(await oneLine(1, file, ...few)).toBe("lab: input 1 ended the process in baseline (the function's process ended: the function closed the lab's IPC channel (process.disconnect in the function?))");
  });

  it("a module's own process.send does not reach the lab: forged replies are ignored", async () => {
    const file = module(
      'forger.mjs',
      "export default (x) => {\n  process.send?.({ type: 'fault', fault: 'module', message: 'FORGED' });\n  process.send?.({ type: 'checked', hashes: [], returnedPromise: false, resultBytes: [], callMs: [] });\n  return x * 2;\n};\nexport const inputs = [1, 2, 3];\n",
    );
    const { code, stdout, stderr } = await lab('try', file, ...few, '--json');
    expect(stderr).toBe('');
    expect(code).toBe(0);
    const result = JSON.parse(stdout) as { rows: { checksumOk: boolean }[] };
    expect(result.rows.length).toBeGreaterThan(1);
    expect(result.rows.every((r) => r.checksumOk)).toBe(true);
    expect(await runnersLeft()).toEqual([]);
  }, 120_000);
});
