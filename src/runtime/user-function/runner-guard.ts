import { writeSync } from 'node:fs';
import { Worker } from 'node:worker_threads';
import { describeThrown } from './call-user.ts';
import type { RunnerReply, RunnerRequest } from './runner-protocol.ts';

// The child side of the runner's channel, set up before any of the user's code loads: the user's
// module shares this process, so the lab's replies carry a token the user's code never sees, the
// child ends when the lab does, and faults that no call owns are still told as the function's.

/** What the child is doing, for the note it leaves when the process ends: "input 3" in "baseline". */
export const whereabouts = { what: '', mode: '', cause: '' };

/** The file descriptor of the extra pipe the lab opens beside the IPC channel (stdio[4]). */
const NOTE_FD = 4;
const sendToLab = process.send?.bind(process);

/** Serves the lab's requests with `handle`, each reply tagged with the lab's token. */
export function serveLab(handle: (request: RunnerRequest) => Promise<RunnerReply>): void {
  if (sendToLab === undefined) throw new Error('the runner child needs an IPC channel');
  let token: string | undefined;
  // Once the channel is closed there is nobody to tell; a throw here would come back through the handlers below.
  const send = (reply: RunnerReply): void => {
    if (process.connected) sendToLab({ ...reply, token }, undefined, undefined, () => undefined);
  };
  process.on('message', (message: RunnerRequest | { type: 'hello'; token: string }) => {
    if (token === undefined) {
      // The first message, sent before the user's module is loaded: nobody else is listening yet.
      if (message.type === 'hello') token = message.token;
      return;
    }
    if (message.type === 'hello') return;
    handle(message).then(send, (error: unknown) => send(faultReply(error)));
  });
  process.on('unhandledRejection', (reason) => send(strayFault('the function left a promise rejected that nothing caught (an unhandled rejection, not a throw from the call)', reason)));
  process.on('uncaughtException', (error) => send(strayFault('code the function left running threw and nothing caught it (an uncaught exception, e.g. in a timer)', error)));
  process.on('exit', () => {
    try {
      writeSync(NOTE_FD, `${JSON.stringify({ token, ...whereabouts })}\n`);
    } catch {
      // the lab is gone: nobody to tell
    }
  });
  endWithTheLab();
}

/** A fault reply for an error a request's handler threw. */
let faultReply: (error: unknown) => RunnerReply = (error) => ({ type: 'fault', fault: 'run', message: error instanceof Error ? error.message : String(error) });

/** Sets how a handler's error becomes a fault reply (the child decides what is a module fault). */
export function describeFaultsWith(describe: (error: unknown) => RunnerReply): void {
  faultReply = describe;
}

function strayFault(what: string, error: unknown): RunnerReply {
  const during = whereabouts.what === '' ? 'the function' : `${whereabouts.what}${whereabouts.mode === '' ? '' : ` in ${whereabouts.mode}`}`;
  return { type: 'fault', fault: 'run', stray: true, message: `${during}: ${what}: ${describeThrown(error).replace(/^threw /, '')}` };
}

/**
 * The child and everything it started end when the lab ends: at once when the IPC channel closes
 * (the lab exited, or was killed), and, while the user's code keeps this thread busy, from a small
 * watchdog thread that sees the parent change (the lab killed with SIGKILL: the child is re-parented).
 */
function endWithTheLab(): void {
  const parent = process.ppid;
  const endGroup = (): void => {
    try {
      process.kill(-process.pid, 'SIGKILL');
    } catch {
      process.exit(0);
    }
  };
  // The channel closes when the lab dies (the child is then re-parented at once) or when the user's
  // code calls process.disconnect (the lab is still the parent, and will end the group itself).
  const onDisconnect = (): void => {
    if (process.ppid !== parent) return endGroup();
    const { what, mode } = whereabouts;
    setTimeout(() => {
      if (process.ppid !== parent) return endGroup();
      Object.assign(whereabouts, { what, mode });
      whereabouts.cause = "the function closed the lab's IPC channel (process.disconnect in the function?)";
      process.exit(1);
    }, 100);
  };
  process.on('disconnect', onDisconnect);
  const watchdog = new Worker(
    `const { workerData } = require('node:worker_threads');
     setInterval(() => { if (process.ppid !== workerData.parent) { try { process.kill(-workerData.pid, 'SIGKILL'); } catch { process.kill(workerData.pid, 'SIGKILL'); } } }, 500);`,
    { eval: true, execArgv: [], workerData: { parent, pid: process.pid } },
  );
  watchdog.unref();
}
