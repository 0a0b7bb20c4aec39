import { parentPort } from 'node:worker_threads';
import type { TransferAck, TransferReply, TransferRequest } from './transfer-protocol.ts';

/** Worker entry: acknowledges every payload with what it saw, reading nothing but the lengths and the last element. */
const port = parentPort!;
let shared: Uint8Array | undefined;

function ack(request: TransferRequest): TransferAck | undefined {
  switch (request.kind) {
    case 'object':
      return { kind: 'ack', length: request.payload.length, bufferBytes: 0, last: request.payload[request.payload.length - 1]?.id ?? -1 };
    case 'clone':
      return { kind: 'ack', length: request.payload.byteLength, bufferBytes: request.payload.buffer.byteLength, last: request.payload[request.payload.length - 1] ?? -1 };
    case 'transfer': {
      const bytes = new Uint8Array(request.payload);
      return { kind: 'ack', length: bytes.byteLength, bufferBytes: request.payload.byteLength, last: bytes[bytes.length - 1] ?? -1, returned: request.payload };
    }
    case 'share':
      shared = new Uint8Array(request.buffer);
      return undefined;
    case 'shared':
      return { kind: 'ack', length: request.bytes, bufferBytes: shared?.byteLength ?? 0, last: shared?.[request.bytes - 1] ?? -1 };
  }
}

port.on('message', (request: TransferRequest) => {
  const reply = ack(request);
  if (reply !== undefined) port.postMessage(reply satisfies TransferReply, reply.returned === undefined ? [] : [reply.returned]);
});
port.postMessage({ kind: 'ready' } satisfies TransferReply);
