// The least a hand-off through postMessage costs here: one bare worker, one message of nothing in
// flight at a time. `try` measures it beside the user's pools, and the hand-off experiment uses it.
import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';
import { entryBeside, labExecArgv } from './entry-points.ts';

const workerFile = entryBeside(import.meta.url, 'post-message-floor-worker');
// A compiled entry loads as it is; a TypeScript one through the CommonJS bootstrap, with tsx's loader.
const bootstrap = new URL('./worker-bootstrap.cjs', import.meta.url);

/** Round trips timed in one batch: a batch's time over its round trips is one sample. */
export const FLOOR_BATCH = 200;

/**
 * Times round trips of an empty message to a bare worker thread (there and back, one in flight) in
 * batches of `FLOOR_BATCH` until `budgetMs` has passed or `signal` aborts (then it rejects with the
 * reason); at least three batches, after one round trip that waits for the worker to load. Returns
 * each batch's µs per round trip. The worker is ended before this returns, whatever happens.
 */
export async function timePostMessageRoundTrips(signal: AbortSignal, budgetMs: number): Promise<number[]> {
  if (!(budgetMs > 0)) throw new RangeError(`budgetMs must be a positive number, got ${budgetMs}`);
  signal.throwIfAborted();
  const typeScript = workerFile.href.endsWith('.ts');
  const worker = new Worker(typeScript ? bootstrap : workerFile, { ...(typeScript && { workerData: { entry: fileURLToPath(workerFile) } }), execArgv: labExecArgv(workerFile) });
  let onReply: (() => void) | undefined;
  let lost: Error | undefined;
  let onLost: ((error: Error) => void) | undefined;
  let closing = false;
  const fail = (error: Error): void => {
    if (closing) return;
    lost ??= error;
    onLost?.(lost);
  };
  worker.on('message', () => onReply?.());
  worker.on('error', fail);
  worker.on('exit', (code) => fail(new Error(`the postMessage floor's worker exited (code ${code})`)));
  const roundTrips = (count: number): Promise<void> =>
    new Promise<void>((resolve, reject) => {
      if (lost !== undefined) return reject(lost);
      let done = 0;
      onLost = reject;
      onReply = () => {
        if (++done === count) {
          onReply = onLost = undefined;
          resolve();
        } else worker.postMessage(done);
      };
      worker.postMessage(0);
    });
  try {
    await roundTrips(1);
    const perRoundTripUs: number[] = [];
    const until = performance.now() + budgetMs;
    while (perRoundTripUs.length < 3 || performance.now() < until) {
      signal.throwIfAborted();
      const start = performance.now();
      await roundTrips(FLOOR_BATCH);
      perRoundTripUs.push(((performance.now() - start) * 1000) / FLOOR_BATCH);
    }
    return perRoundTripUs;
  } finally {
    closing = true;
    await worker.terminate();
  }
}
