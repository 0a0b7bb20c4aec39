import { createRequire } from 'node:module';
import { pathToFileURL } from 'node:url';

/** The tsx loader, for `--import` in every thread and process the lab starts: they run the lab's TypeScript as it is. */
export const tsxLoader = pathToFileURL(createRequire(import.meta.url).resolve('tsx')).href;

/**
 * Node flags for a thread or process that runs the lab's TypeScript: the tsx loader, then `extra`, then
 * the parent's `--cpu-prof` flags, so that `node --cpu-prof` profiles every thread and process the lab starts.
 */
export function labExecArgv(...extra: string[]): string[] {
  return ['--import', tsxLoader, ...extra, ...process.execArgv.filter((a) => a.startsWith('--cpu-prof'))];
}
