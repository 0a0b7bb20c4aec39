// The bare worker of the postMessage floor: no pool, no scheduler, no work; it answers each message with itself.
import { parentPort } from 'node:worker_threads';

const port = parentPort!;
port.on('message', (message: number) => port.postMessage(message));
