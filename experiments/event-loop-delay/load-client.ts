import { fork, type ChildProcess } from 'node:child_process';
import { entryBeside, labExecArgv } from '../../src/runtime/entry-points.ts';
import { assertLoadGeneratorInstalled } from './load-generator.ts';
import { ownProcessGroup, signalGroup } from '../../src/runtime/child-group.ts';
import type { LoadFailed, LoadPlan, LoadReply } from './load-protocol.ts';

const entry = entryBeside(import.meta.url, 'load-process');

/** The load process failed, went away, or did not answer in time. */
export class LoadClientError extends Error {
  override name = 'LoadClientError';
}

type FromClient = LoadReply | LoadFailed | { readonly kind: 'ready' };

/**
 * The load generator in a process of its own (autocannon, loaded once and kept warm), so that the
 * server's thread and the client's never share a process. It ends when `close()` is called or the
 * lab goes away: the child exits when its channel to the lab closes.
 */
export class LoadClient {
  private waiting: { resolve: (m: FromClient) => void; reject: (e: Error) => void } | undefined;
  private failure: Error | undefined;
  private stderr = '';

  private constructor(private readonly child: ChildProcess) {
    child.on('message', (message: FromClient) => {
      const waiting = this.waiting;
      this.waiting = undefined;
      waiting?.resolve(message);
    });
    child.stderr?.on('data', (chunk: Buffer) => (this.stderr = (this.stderr + chunk.toString()).slice(-500)));
    child.on('exit', (code, signal) => this.fail(new LoadClientError(`the load process exited (${signal ?? `code ${code}`})${this.stderr === '' ? '' : `: ${this.stderr.trim()}`}`)));
    child.on('error', (error) => this.fail(new LoadClientError(`the load process failed: ${error.message}`)));
  }

  /** Forks the load process and waits until autocannon is loaded; throws `LoadGeneratorMissingError` first where it is not installed. */
  static async start(timeoutMs = 30_000): Promise<LoadClient> {
    assertLoadGeneratorInstalled();
    const child = fork(entry, [], { execArgv: labExecArgv(entry), stdio: ['ignore', 'ignore', 'pipe', 'ipc'], ...ownProcessGroup });
    const client = new LoadClient(child);
    try {
      await client.next('ready', timeoutMs);
    } catch (error) {
      client.close();
      throw error;
    }
    return client;
  }

  /** The process id of the load process, so that its own CPU can be told apart from the lab's. */
  get pid(): number | undefined {
    return this.child.pid;
  }

  /** Runs one bounded load; rejects if no answer comes within the plan's bound and a grace second. */
  async run(plan: LoadPlan): Promise<LoadReply> {
    if (plan.cheapMax < plan.cheapConnections || plan.expensiveRequests < plan.expensiveConnections) {
      throw new RangeError('a load needs at least one request per connection on each route');
    }
    this.child.send(plan);
    const reply = await this.next('loaded', plan.maxMs + 5_000);
    return reply as LoadReply;
  }

  /** Ends the load process (it exits on its own when the channel closes; a kill makes sure). */
  close(): void {
    if (this.child.connected) this.child.disconnect();
    signalGroup(this.child, this.child.exitCode === null && this.child.signalCode === null ? 'SIGTERM' : 'SIGKILL');
  }

  private next(kind: FromClient['kind'], timeoutMs: number): Promise<FromClient> {
    if (this.failure !== undefined) return Promise.reject(this.failure);
    return new Promise<FromClient>((resolve, reject) => {
      const timer = setTimeout(() => this.fail(new LoadClientError(`the load process sent no "${kind}" within ${timeoutMs} ms`)), timeoutMs);
      this.waiting = {
        resolve: (message) => {
          clearTimeout(timer);
          if (message.kind === 'failed') reject(new LoadClientError(`the load failed: ${message.message}`));
          else if (message.kind !== kind) reject(new LoadClientError(`the load process sent "${message.kind}" where "${kind}" was expected`));
          else resolve(message);
        },
        reject: (error) => {
          clearTimeout(timer);
          reject(error);
        },
      };
    });
  }

  private fail(error: Error): void {
    this.failure ??= error;
    const waiting = this.waiting;
    this.waiting = undefined;
    waiting?.reject(this.failure);
  }
}
