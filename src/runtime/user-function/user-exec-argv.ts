import { labExecArgv } from '../entry-points.ts';

const hooks = new URL('./register-hooks.mjs', import.meta.url).href;

/**
 * Node flags for the process and the threads that load a user's module: the lab's loader hooks (the
 * effects specifier) always; tsx's loader only where something TypeScript is loaded, the lab's own
 * `entry` run from its sources or a user's `.ts` module. A plain JavaScript module under the compiled
 * lab loads without it: tsx took a quarter of a second of CPU in each thread and process it entered.
 */
export function userExecArgv(entry: URL, userFile: string): string[] {
  return labExecArgv([entry, userFile], '--import', hooks);
}
