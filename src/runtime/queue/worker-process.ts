/**
 * Entry of a lab worker process: one BullMQ worker (concurrency 1) on the queue given in the
 * options (JSON in argv[2]), or, without one, on whichever queue the control key names. It reports
 * `{ ready }` and each queue it moves to over IPC, and ends when told (SIGTERM, or `{ stop }` over IPC
 * without waiting for the job in hand) or when its parent goes away (the IPC channel closes), so no
 * worker outlives the lab or the `worker` command.
 */
import { CREDENTIALS_ENV, type StopMessage } from './job-protocol.ts';
import type { WorkerProcessOptions } from './local-workers.ts';
import { followControl, startQueueWorker } from './queue-worker.ts';
import { withCredentials, type RedisCredentials } from './redis-target.ts';

const given = JSON.parse(process.argv[2] ?? '{}') as WorkerProcessOptions;
// The credentials come apart from the command line, which every user of the machine can read.
const credentials = process.env[CREDENTIALS_ENV] === undefined ? undefined : (JSON.parse(process.env[CREDENTIALS_ENV]) as RedisCredentials);
const options: WorkerProcessOptions = { ...given, target: withCredentials(given.target, credentials) };
const { queue } = options;
const worker = queue !== undefined ? await startQueueWorker({ ...options, queue }) : await followControl(options, (serving) => process.send?.({ serving: serving ?? null }));
let ending = false;
async function end(abandonJobs = false): Promise<void> {
  if (ending) return;
  ending = true;
  // A worker that cannot close cleanly (Redis gone, a job that never ends) must still end.
  setTimeout(() => process.exit(0), 2000).unref();
  await worker.close(abandonJobs).catch(() => undefined);
  process.exit(0);
}
process.on('SIGTERM', () => void end());
process.on('SIGINT', () => void end());
process.on('disconnect', () => void end());
process.on('message', (message: StopMessage) => {
  if (message.stop === 'abandon-jobs') void end(true);
});
process.send?.({ ready: true, pid: process.pid });
