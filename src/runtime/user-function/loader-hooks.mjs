import { readFile } from 'node:fs/promises';
import { transform } from 'esbuild';

/** The one specifier a user's module imports the lab's effects by, wherever the module lives. */
export const EFFECTS_SPECIFIER = 'concurrency-parallelism-lab/effects';

const labRoot = new URL('../../../', import.meta.url).href;

// Plain JavaScript: module hooks load before tsx can compile anything, in the child and in every worker.
/** Module resolution hook: the effects specifier names the lab's effects entry; everything else resolves as usual. */
export async function resolve(specifier, context, next) {
  return specifier === EFFECTS_SPECIFIER ? next('./effects-entry.mjs', { ...context, parentURL: import.meta.url }) : next(specifier, context);
}

/**
 * Module load hook: a `.ts` file outside the lab is compiled as an ES module whatever package it
 * sits in (tsx would take a file without a `"type": "module"` package for CommonJS and fail on its
 * `export`s); everything else loads as usual.
 */
export async function load(url, context, next) {
  if (!url.startsWith('file:') || url.startsWith(labRoot) || !/\.m?ts$/.test(new URL(url).pathname)) return next(url, context);
  const source = await readFile(new URL(url), 'utf8');
  const compiled = await transform(source, { loader: 'ts', format: 'esm', sourcefile: url, sourcemap: 'inline' });
  return { format: 'module', source: compiled.code, shortCircuit: true };
}
