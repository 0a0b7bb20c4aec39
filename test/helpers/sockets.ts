import { connect } from 'node:net';

/** Tries to connect to `port` on the loopback: resolves 'connected', or the error code (e.g. ECONNREFUSED) once refused. */
export function refused(port: number): Promise<string> {
  return new Promise((resolve) => {
    const socket = connect({ port, host: '127.0.0.1' });
    socket.on('connect', () => {
      socket.destroy();
      resolve('connected');
    });
    socket.on('error', (error: NodeJS.ErrnoException) => resolve(error.code ?? error.message));
  });
}
