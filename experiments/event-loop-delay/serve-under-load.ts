import type { PlainPool } from '../../src/runtime/plain-pool.ts';
import type { ExpensiveWayName, WorkSettings } from './expensive-way.ts';
import type { LoadClient } from './load-client.ts';
import type { LoadPlan, LoadReply } from './load-protocol.ts';
import { startLoadServer, type LoadServerReport } from './load-server.ts';

/** One way of serving, under one bounded load: what the server saw and what the client saw. */
export interface WayUnderLoad {
  readonly server: LoadServerReport;
  readonly load: LoadReply;
}

/** The load's bounds and shape, without the port (each way gets a server of its own). */
export type LoadShape = Omit<LoadPlan, 'port'>;

/**
 * Starts a server for `way`, puts `shape` on it from the load process, and stops it. The server's
 * own deadline is the load's bound plus a grace period, so that it stops even if the client never answers.
 */
export async function serveUnderLoad(way: ExpensiveWayName, work: WorkSettings, pool: PlainPool | undefined, client: LoadClient, shape: LoadShape): Promise<WayUnderLoad> {
  const server = await startLoadServer({ way, work, ...(pool !== undefined && { pool }), deadlineMs: shape.maxMs + 10_000 });
  let load: LoadReply;
  try {
    load = await client.run({ ...shape, port: server.port });
  } finally {
    await server.stop().catch(() => undefined);
  }
  return { server: await server.stop(), load };
}
