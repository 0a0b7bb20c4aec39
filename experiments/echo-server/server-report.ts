/** Which server an echo run used. */
export const echoServerKinds = ['sequential', 'interleaved', 'parallel', 'net'] as const;
export type EchoServerKind = (typeof echoServerKinds)[number];

/** What a server says about itself once it has stopped. */
export interface ServerReport {
  readonly kind: EchoServerKind;
  /** Connections it accepted and served. */
  readonly connections: number;
  readonly bytesEchoed: number;
  /** Sockets still open after it stopped: 0, or something leaked. */
  readonly openSockets: number;
  /** Whether the listening socket was still open after it stopped: false, or it did not stop. */
  readonly listening: boolean;
  /** Time its thread's event loop was busy (not waiting for I/O) while it served, ms; includes time the OS ran other threads. */
  readonly busyMs: number;
  /** CPU time its thread used while it served, ms, where the system reports it per thread (Linux). */
  readonly cpuMs: number | undefined;
  /** Scheduler steps, for the servers that run on the lab's scheduler. */
  readonly steps?: number;
}

/** A server that has started: where to connect, and its report once it has stopped by itself. */
export interface RunningServer {
  readonly ports: readonly number[];
  /** Resolves when the server has served its connections and closed everything; rejects (after closing everything) on failure. */
  readonly done: Promise<ServerReport[]>;
  /** Stop now: close every socket and the listener; `done` then rejects with the reason. */
  abort(reason: Error): void;
}

/** How many connections a server serves before it stops, and how long it may take at most. */
export interface ServeOptions {
  readonly connections: number;
  readonly timeoutMs: number;
}
