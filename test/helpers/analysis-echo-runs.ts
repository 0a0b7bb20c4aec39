import type { EchoLoadSize, EchoRun, EchoServerKind } from '../../experiments/echo-server/echo.ts';
import type { ServerReport } from '../../experiments/echo-server/server-report.ts';

/** Two clients, 100 messages each of 64 bytes: 200 messages, 12,800 bytes each way. */
export const twoClients: EchoLoadSize = { clients: 2, messages: 100, messageBytes: 64, timeoutMs: 5000 };

/** What one run of one server may differ in from a clean run; everything else is a clean run of `twoClients`. */
export interface EchoRunShape {
  readonly messagesPerSecond: number;
  readonly latency?: { readonly p50: number; readonly p99: number; readonly max: number };
  /** Each server's event-loop busy time and CPU time, ms; one entry per server thread. */
  readonly servers?: readonly Partial<ServerReport>[];
  readonly load?: Partial<EchoRun['load']>;
}

/** One timed run of one echo server, made by hand. */
export function echoRun(kind: EchoServerKind, shape: EchoRunShape): EchoRun {
  const servers = shape.servers ?? [{}];
  const bytes = 12_800;
  return {
    kind,
    serverThreads: servers.length,
    load: { messages: 200, bytesSent: bytes, bytesEchoed: bytes, wallMs: (1000 * 200) / shape.messagesPerSecond, socketsClosed: 2, ...shape.load },
    messagesPerSecond: shape.messagesPerSecond,
    latency: shape.latency ?? { p50: 0.2, p99: 0.8, max: 2 },
    servers: servers.map((s) => ({ kind, connections: 2, bytesEchoed: bytes / servers.length, openSockets: 0, listening: false, busyMs: 2, cpuMs: 1.6, ...s })),
  };
}
