import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import { fileURLToPath, pathToFileURL } from 'node:url';

/**
 * Where the compiled lab sits when the TypeScript sources run under a test runner that built it
 * (LAB_COMPILED_ROOT, set by the test runner's global setup after a fresh build): the threads and
 * processes the sources start then run the compiled entries, without a loader.
 */
const compiledRoot = process.env.LAB_COMPILED_ROOT;
const sourceRoot = fileURLToPath(new URL('../..', import.meta.url));

/**
 * The entry `name` (a file name without extension) beside the module at `callerUrl`, as the thread or
 * process it starts should load it: compiled JavaScript when the caller is compiled (or when a test
 * run built the lab), else the TypeScript source, which needs tsx's loader.
 */
export function entryBeside(callerUrl: string, name: string): URL {
  if (callerUrl.endsWith('.js')) return new URL(`./${name}.js`, callerUrl);
  const source = new URL(`./${name}.ts`, callerUrl);
  if (compiledRoot === undefined) return source;
  const compiled = pathToFileURL(`${compiledRoot}/${fileURLToPath(source).slice(sourceRoot.length).replace(/\.ts$/, '.js')}`);
  return existsSync(compiled) ? compiled : source;
}

/** The tsx loader: for an entry that is TypeScript (the lab run from its sources, or a user's own .ts module). */
export const tsxLoader = pathToFileURL(createRequire(import.meta.url).resolve('tsx')).href;

/** A module tsx compiles: TypeScript by its ending. */
const typeScriptModule = /\.(?:[cm]?ts|tsx)$/i;

/**
 * Node flags for a thread or process that loads `loads` (its entry, and for `try` the user's module):
 * tsx's loader when any of them is TypeScript, then `extra`, then the parent's `--cpu-prof` flags, so
 * that `node --cpu-prof` profiles every thread and process the lab starts.
 */
export function labExecArgv(loads: URL | string | readonly (URL | string)[], ...extra: string[]): string[] {
  const typeScript = (Array.isArray(loads) ? loads : [loads]).some((file) => typeScriptModule.test(String(file)));
  return [...(typeScript ? ['--import', tsxLoader] : []), ...extra, ...process.execArgv.filter((a) => a.startsWith('--cpu-prof'))];
}
