import { Queue } from 'bullmq';
import { CONTROL } from '../../src/runtime/queue/job-protocol.ts';
import { closeClient, queueClient } from '../../src/runtime/queue/redis-client.ts';
import { parseRedisTarget } from '../../src/runtime/queue/redis-target.ts';

/** The unix socket a private redis-server listens on, from its command line (which redis-server rewrites to `unixsocket:PATH`). */
export const socketOf = (args: string): string | undefined => /unixsocket:?\s*(\S+)/.exec(args)?.[1] ?? /(\/\S+redis\.sock)/.exec(args)?.[1];

/** Resolves once `count` jobs of the lab's run are active on the Redis at `socket` (the queue the lab names in its control key); throws after `ms`. */
export async function jobsOnWorkers(socket: string, count: number, ms: number): Promise<void> {
  const client = queueClient(parseRedisTarget(socket), 'test-watch');
  const deadline = Date.now() + ms;
  const pause = (): Promise<void> => new Promise((resolve) => setTimeout(resolve, 50));
  try {
    await client.connect();
    let queueName: string | null;
    while ((queueName = await client.get(CONTROL.key)) === null) {
      if (Date.now() > deadline) throw new Error(`the lab named no queue in ${CONTROL.key} within ${ms} ms`);
      await pause();
    }
    const queue = new Queue(queueName, { connection: client });
    try {
      while ((await queue.getActiveCount()) < count) {
        if (Date.now() > deadline) throw new Error(`fewer than ${count} jobs of ${queueName} were active within ${ms} ms`);
        await pause();
      }
    } finally {
      await queue.close();
    }
  } finally {
    closeClient(client);
  }
}
