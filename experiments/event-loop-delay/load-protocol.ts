/** One bounded load on both routes at once, as the load process runs it. */
export interface LoadPlan {
  readonly port: number;
  /** The expensive route gets exactly this many requests (unless `maxMs` ends the load first)... */
  readonly expensiveRequests: number;
  /** ...over this many connections, each waiting for its answer before the next request. */
  readonly expensiveConnections: number;
  /** The body every expensive answer must carry: the kernel's checksum. */
  readonly expectedChecksum: string;
  /** The cheap route is paced at this many requests a second in all, until the expensive load ends... */
  readonly cheapRate: number;
  readonly cheapConnections: number;
  /** ...and never more than this many requests. */
  readonly cheapMax: number;
  /** Both loads stop after this long, whatever they have done. */
  readonly maxMs: number;
}

/** What one route's load saw. */
export interface RouteResult {
  readonly completed: number;
  readonly errors: number;
  readonly timeouts: number;
  /** Answers whose body was not the expected one. */
  readonly mismatches: number;
  readonly non2xx: number;
  /** From the load's start to its end, ms. */
  readonly durationMs: number;
}

export interface LoadReply {
  readonly kind: 'loaded';
  /** Latency of every answered cheap request, ms, in the order they were answered. */
  readonly cheapLatencyMs: readonly number[];
  readonly cheap: RouteResult;
  readonly expensive: RouteResult;
  /** CPU time the load process used (user + system), ms, and the wall time it took. */
  readonly clientCpuMs: number;
  readonly wallMs: number;
  /** True when `maxMs` ended the load before the expensive requests were all answered. */
  readonly cutShort: boolean;
}

export interface LoadFailed {
  readonly kind: 'failed';
  readonly message: string;
}

/** The paths the server answers and the load asks for. */
export const routes = { cheap: '/ping', expensive: '/work' } as const;
export const CHEAP_BODY = 'pong';
