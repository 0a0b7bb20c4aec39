import { parentPort } from 'node:worker_threads';
import { runClientLoad } from './client-load.ts';
import type { ClientRequest, ClientReply } from './client-protocol.ts';
import { failedMessage } from '../../src/runtime/worker-channel.ts';

/** Worker entry: runs client loads on its own thread, one at a time, and sends back what they measured. */
const port = parentPort!;
let running: AbortController | undefined;

port.on('message', (request: ClientRequest) => {
  if (request.kind === 'abort') return running?.abort(new Error(request.reason));
  running = new AbortController();
  runClientLoad(request.load, running.signal).then(
    (result) => port.postMessage({ kind: 'loaded', result } satisfies ClientReply, [result.rttMs.buffer as ArrayBuffer]),
    (error: unknown) => port.postMessage(failedMessage(error)),
  );
});
port.postMessage({ kind: 'ready' } satisfies ClientReply);
