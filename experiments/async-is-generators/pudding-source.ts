/**
 * The seed article's "proof is in the pudding", transposed to JavaScript: a generator that
 * delegates with `yield*` (Python's `yield from`) and an async function that `await`s.
 * Plain JavaScript, so that node runs it as is and tsc compiles it as TypeScript.
 */
export const puddingFunctions = [
  'function* gtask2() { yield 10; }',
  'function* gtask1() { yield* gtask2(); }',
  'async function atask2() {}',
  'async function atask1() { await atask2(); }',
] as const;

/** The generator and the async function compared; their sources are lines of `puddingFunctions`. */
export const comparedFunctions = {
  generator: { name: 'gtask1', source: puddingFunctions[1] },
  async: { name: 'atask1', source: puddingFunctions[3] },
} as const;

/** V8 compiles a function lazily, on its first call: call both so that their bytecode is printed. */
export const puddingScript = `${puddingFunctions.join('\n')}\n[...gtask1()];\natask1();\n`;

/** What tsc compiles: the functions alone. */
export const puddingTypeScript = `${puddingFunctions.join('\n')}\n`;
