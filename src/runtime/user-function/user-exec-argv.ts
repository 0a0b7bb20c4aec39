import { labExecArgv, tsxLoader } from '../entry-points.ts';

const hooks = new URL('./register-hooks.mjs', import.meta.url).href;

/** A user's module that is TypeScript, which tsx's loader resolves and compiles. */
const typeScriptModule = /\.(?:[cm]?ts|tsx)$/i;

/**
 * Node flags for the process and the threads that load a user's module: the lab's loader hooks (the
 * effects specifier) always; tsx's loader only where something TypeScript is loaded, the lab's own
 * `entry` run from its sources or a user's `.ts` module. A plain JavaScript module under the compiled
 * lab loads without it: tsx took a quarter of a second of CPU in each thread and process it entered.
 */
export function userExecArgv(entry: URL, userFile: string): string[] {
  const flags = labExecArgv(entry, '--import', hooks);
  return typeScriptModule.test(userFile) && !flags.includes(tsxLoader) ? ['--import', tsxLoader, ...flags] : flags;
}
