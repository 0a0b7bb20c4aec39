import type { Socket } from 'node:net';
import { spawn, waitFor, type Task, type Yielded } from '../../src/scheduler/index.ts';
import type { AcceptQueue } from './accept-queue.ts';
import { SocketReader } from './socket-reader.ts';

/** Bytes echoed, shared by every connection task of one server. */
export interface EchoCounter {
  bytes: number;
}

/** Resolves when the socket can take more writes again. */
function drained(socket: Socket): Promise<void> {
  return new Promise((resolve) => {
    const done = (): void => {
      socket.off('drain', done);
      socket.off('close', done);
      resolve();
    };
    socket.once('drain', done);
    socket.once('close', done);
  });
}

/**
 * One connection: read what is there (or park until the socket has something), write it back,
 * until the client ends. The socket is closed in `finally`, so a cancelled task leaves nothing open.
 */
export function* serveConnection(socket: Socket, counter: EchoCounter): Task<void> {
  const reader = new SocketReader(socket);
  try {
    for (;;) {
      let chunk = reader.read();
      if (chunk instanceof Promise) chunk = yield* waitFor(chunk);
      if (chunk === null) break;
      counter.bytes += chunk.length;
      if (!socket.write(chunk)) yield* waitFor(drained(socket));
    }
    socket.end();
  } finally {
    if (!socket.writableEnded) socket.destroy();
  }
}

function* nextConnection(queue: AcceptQueue): Generator<Yielded, Socket | null, unknown> {
  const next = queue.accept();
  return next instanceof Promise ? yield* waitFor(next) : next;
}

/** The iterative server: accept one client, serve it to the end (`yield*`, like a call), then accept the next. */
export function* acceptOneAtATime(queue: AcceptQueue, connections: number, counter: EchoCounter): Task<void> {
  for (let i = 0; i < connections; i++) {
    const socket = yield* nextConnection(queue);
    if (socket === null) return;
    yield* serveConnection(socket, counter);
  }
}

/** The concurrent server: a task per connection, so that every client is served while the others wait for bytes. */
export function* acceptConcurrently(queue: AcceptQueue, connections: number, counter: EchoCounter): Task<void> {
  for (let i = 0; i < connections; i++) {
    const socket = yield* nextConnection(queue);
    if (socket === null) return;
    yield* spawn(`connection ${i + 1}`, serveConnection(socket, counter));
  }
}
