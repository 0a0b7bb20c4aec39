/**
 * Entry of a local worker process the lab forks for the `distributed` mode: one BullMQ worker on
 * the run's queue, options as JSON in argv[2]. It reports `{ ready }` over IPC, and ends when told
 * (SIGTERM) or when the lab goes away (the IPC channel closes), so no worker outlives its lab.
 */
import { startQueueWorker, type QueueWorkerOptions } from './queue-worker.ts';

const options = JSON.parse(process.argv[2] ?? '{}') as QueueWorkerOptions;
const worker = await startQueueWorker(options);
let ending = false;
async function end(): Promise<void> {
  if (ending) return;
  ending = true;
  // A worker that cannot close cleanly (Redis gone) must still end.
  setTimeout(() => process.exit(0), 2000).unref();
  await worker.close().catch(() => undefined);
  process.exit(0);
}
process.on('SIGTERM', () => void end());
process.on('SIGINT', () => void end());
process.on('disconnect', () => void end());
process.send?.({ ready: true, pid: process.pid });
