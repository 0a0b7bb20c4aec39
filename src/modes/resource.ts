import type { RedisTarget } from '../runtime/queue/redis-target.ts';

/**
 * Something long-lived that the runs of some modes share, opened once for many runs and closed at
 * the end: a warm thread pool, forked processes, a queue session. A new kind is one object
 * implementing `ResourceKind`; no union, option or runner changes with it.
 */
export interface Resource {
  close(): Promise<void>;
  /** An untimed touch before each timed run, so that no run meets workers left cold by whatever ran before it. */
  wake?(): Promise<unknown>;
}

/** The counts and places a resource is opened with, resolved once from the command line (see completeContext). */
export interface ResourceSettings {
  readonly threads: number;
  readonly processes: number;
  readonly workers: number;
  readonly redis?: RedisTarget;
  /** `--redis-timeout`, ms: how long the queue waits for its Redis to answer (default: the queue's own bounds). */
  readonly redisTimeoutMs?: number;
}

/** A kind of resource that a mode may need, and how to open one. */
export interface ResourceKind<R extends Resource = Resource> {
  /** For messages: "thread pool", "process pool", ... */
  readonly name: string;
  open(settings: ResourceSettings): Promise<R>;
}

/** Resources opened for many runs, by kind. */
export type Resources = ReadonlyMap<ResourceKind, Resource>;

/** The resource of `kind` among `resources`, typed as the kind says, or undefined when none was opened. */
export function resourceOf<R extends Resource>(resources: Resources | undefined, kind: ResourceKind<R>): R | undefined {
  return resources?.get(kind) as R | undefined;
}

/** Resources from pairs of a kind and an opened resource of that kind. */
export function resourcesOf<R extends Resource>(...pairs: (readonly [ResourceKind<R>, R])[]): Resources {
  return new Map<ResourceKind, Resource>(pairs);
}
