import { fileURLToPath } from 'node:url';
import { labExecArgv } from '../../src/runtime/entry-points.ts';

// Node 20 loads a worker's entry before tsx's ESM hooks apply to it: a TypeScript entry goes through
// the lab's CommonJS bootstrap, which requires it with tsx's require hook (as the lab's own workers do).
const bootstrap = new URL('../../src/runtime/worker-bootstrap.cjs', import.meta.url);

/** How to start a thread on `entry` with `data`: the entry itself when compiled, the bootstrap when TypeScript. */
export interface WorkerStart {
  readonly script: URL;
  readonly workerData: Readonly<Record<string, unknown>>;
  readonly execArgv: string[];
}

/** The script, worker data and Node flags that start `entry` (see `entryBeside`) in a worker thread that gets `data` as its `workerData`. */
export function workerStart(entry: URL, data: Readonly<Record<string, unknown>> = {}): WorkerStart {
  const typeScript = entry.href.endsWith('.ts');
  return { script: typeScript ? bootstrap : entry, workerData: typeScript ? { ...data, entry: fileURLToPath(entry) } : data, execArgv: labExecArgv(entry) };
}
