import { parentPort, threadId } from 'node:worker_threads';
import { startSchedulerServer } from './scheduler-server.ts';
import type { RunningServer } from './server-report.ts';
import type { ServerReply, ServerRequest } from './server-protocol.ts';
import { failedMessage } from '../../src/runtime/worker-channel.ts';

/**
 * Worker entry: on each request, an echo server of its own on its own port, driven by the
 * lab's scheduler exactly as the one-thread interleaved server is. Node cannot hand an accepted
 * socket to a worker thread, so each worker listens itself and the clients are spread over the ports.
 */
const port = parentPort!;
let running: RunningServer | undefined;

port.on('message', (request: ServerRequest) => {
  if (request.kind === 'abort') return running?.abort(new Error(request.reason));
  startSchedulerServer('interleaved', request)
    .then((server) => {
      running = server;
      port.postMessage({ kind: 'listening', port: server.ports[0]! } satisfies ServerReply);
      return server.done;
    })
    .then(
      (reports) => port.postMessage({ kind: 'served', reports } satisfies ServerReply),
      (error: unknown) => port.postMessage(failedMessage(error)),
    );
});
port.postMessage({ kind: 'ready', threadId } satisfies ServerReply);
