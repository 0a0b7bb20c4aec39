// A lab worker thread as its pool starts one: it loads the lab's worker code (named in workerData),
// then says it is up. The TypeScript sources load through tsx's require hook (its import hooks do
// not reach a worker's first imports on Node 20; see src/runtime/worker-bootstrap.cjs).
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';
import { parentPort, workerData } from 'node:worker_threads';

if (workerData.entry.endsWith('.ts')) createRequire(import.meta.url)(fileURLToPath(workerData.entry));
else await import(workerData.entry);
parentPort.postMessage(0);
