import { spawn, type ChildProcess } from 'node:child_process';
import { rmSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { findOnPath } from '../find-on-path.ts';
import { RedisServerMissingError, RedisUnavailableError } from './errors.ts';
import type { RedisTarget } from './redis-target.ts';

/** The `redis-server` on PATH, or undefined when it is not installed (Debian package `redis-server`). */
export function findRedisServer(path = process.env.PATH ?? ''): string | undefined {
  return findOnPath(['redis-server'], path);
}

/** A Redis of the lab's own, for one run: no persistence, a unix socket in a temporary directory, no TCP. */
export interface PrivateRedis {
  readonly target: RedisTarget;
  readonly pid: number;
  /** Resolves if the server exits before `stop` is called: the run that uses it has lost its queue. */
  readonly exited: Promise<string>;
  /** Stops the server and removes its directory; safe to call twice. */
  stop(): Promise<void>;
}

const READY = 'ready to accept connections';
const START_TIMEOUT_MS = 10_000;
/** Servers still running, killed synchronously if the lab's process exits before stopping them. */
const running = new Map<ChildProcess, string>();
let exitHookInstalled = false;

/** Starts `redis-server --port 0 --unixsocket DIR/redis.sock --save '' --appendonly no`; throws `RedisServerMissingError` without one. */
export async function startPrivateRedis(): Promise<PrivateRedis> {
  const server = findRedisServer();
  if (server === undefined) throw new RedisServerMissingError();
  const dir = await mkdtemp(join(tmpdir(), 'lab-redis-'));
  const socket = join(dir, 'redis.sock');
  // --port 0 turns TCP off, so two labs never race for a port; the socket is private to this user.
  const args = ['--port', '0', '--unixsocket', socket, '--unixsocketperm', '700', '--save', '', '--appendonly', 'no', '--dir', dir, '--logfile', ''];
  const child = spawn(server, args, { stdio: ['ignore', 'pipe', 'pipe'] });
  running.set(child, dir);
  installExitHook();
  const target: RedisTarget = { kind: 'socket', path: socket, url: socket };
  let stopping = false;
  const exited = new Promise<string>((resolve) => child.once('exit', (code, signal) => resolve(signal === null ? `exit code ${code}` : signal)));
  void exited.then(() => running.delete(child));
  const stop = async (): Promise<void> => {
    if (!stopping) {
      stopping = true;
      if (child.exitCode === null && child.signalCode === null) child.kill('SIGTERM');
      await Promise.race([exited, new Promise((resolve) => setTimeout(resolve, 3000).unref())]);
      if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
    }
    await rm(dir, { recursive: true, force: true });
  };
  try {
    await ready(child, exited, target.url);
  } catch (error) {
    await stop();
    throw error;
  }
  return { target, pid: child.pid!, exited: exited.then((how) => (stopping ? new Promise<never>(() => {}) : how)), stop };
}

/** Waits for the server's "ready to accept connections" line on its stdout, or its early exit. */
function ready(child: ChildProcess, exited: Promise<string>, url: string): Promise<void> {
  return new Promise((resolve, reject) => {
    let output = '';
    const timer = setTimeout(() => reject(new RedisUnavailableError(url, `did not start within ${START_TIMEOUT_MS / 1000} s: ${lastLine(output)}`)), START_TIMEOUT_MS);
    const onData = (chunk: Buffer): void => {
      output += chunk.toString();
      if (output.includes(READY)) {
        clearTimeout(timer);
        child.stdout?.removeListener('data', onData);
        child.stdout?.resume();
        child.stderr?.resume();
        resolve();
      }
    };
    child.stdout?.on('data', onData);
    child.stderr?.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.once('error', (error) => {
      clearTimeout(timer);
      reject(new RedisUnavailableError(url, `could not be started: ${error.message}`));
    });
    void exited.then((how) => {
      clearTimeout(timer);
      reject(new RedisUnavailableError(url, `exited while starting (${how}): ${lastLine(output)}`));
    });
  });
}

function lastLine(output: string): string {
  return output.trim().split('\n').pop()?.slice(0, 200) ?? '';
}

function installExitHook(): void {
  if (exitHookInstalled) return;
  exitHookInstalled = true;
  process.once('exit', () => {
    for (const [child, dir] of running) {
      child.kill('SIGKILL');
      rmSync(dir, { recursive: true, force: true });
    }
  });
}
