import { createServer, type Server, type ServerOpts } from 'node:net';

/** A TCP server listening on 127.0.0.1 on a port the system picks; never on another interface. */
export async function listenOnLoopback(options: ServerOpts = {}): Promise<{ server: Server; port: number }> {
  const server = createServer(options);
  return { server, port: await listenOnLoopbackPort(server) };
}

/** Makes `server` (a TCP or HTTP server) listen on 127.0.0.1 on a port the system picks; resolves with that port. */
export async function listenOnLoopbackPort(server: Server): Promise<number> {
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      server.off('error', reject);
      resolve();
    });
  });
  const address = server.address();
  if (address === null || typeof address === 'string') throw new Error('server has no TCP address');
  return address.port;
}

/** Closes the listening socket (if still open) and resolves when the server has fully closed. */
export function closeServer(server: Server): Promise<void> {
  return new Promise((resolve) => {
    if (!server.listening) return resolve();
    server.close(() => resolve());
  });
}
