import type { PolicyName, StepEndName } from '../scheduler/index.ts';
import type { GcMark } from './gc-marks.ts';

/** One executed step on the shared clock, in ms from the start of the run. */
export interface StepEvent {
  readonly task: string;
  readonly part: string;
  /** Index into `RunResult.lanes`: 0 is the main thread, or worker lanes in order of first use. */
  readonly lane: number;
  readonly start: number;
  readonly end: number;
  /** What the task did at the end of this step (yield, sleep, wait, join, done, ...). */
  readonly endedBy: StepEndName;
}

/** One task of a run: its checksum, and when it first and last ran (ms from the start of the run). */
export interface TaskRun {
  readonly name: string;
  readonly checksum: number;
  readonly startMs: number;
  readonly endMs: number;
  /** Where it ran, when that is another process or machine (distributed: "host pid N"). */
  readonly ranOn?: string;
  /** How many times a worker started it (distributed: 2 after a worker died holding it); counted once all the same. */
  readonly attempts?: number;
}

/** The worker pool a parallel or hybrid run used. */
export interface PoolInfo {
  readonly threads: number;
  /** True when every thread had started and run the kernel before the timed run. */
  readonly warm: boolean;
  readonly warmUpMs: number;
}

/** One workload executed once in one mode (`M`: the mode's name). */
export interface RunResult<M extends string = string> {
  readonly mode: M;
  readonly workload: string;
  /** Threads that ran tasks: 1 for the one-thread modes, the pool size for parallel and hybrid. */
  readonly threads: number;
  readonly wallMs: number;
  /**
   * CPU time the process used during the timed run, ms: `process.cpuUsage()` deltas around it,
   * which cover every thread (the lab's own, the workers', the runtime's).
   */
  readonly cpuMs?: number;
  readonly tasks: readonly TaskRun[];
  readonly trace: readonly StepEvent[];
  /**
   * The kernel's cost per unit, µs, timed in place right after the run on the threads it used
   * (the lab's own for the one-thread modes, each worker for the pools; their median).
   */
  readonly kernelUsPerUnit?: number;
  /** One-thread runs given a pool: the same block timed on a lone worker (a one-thread pool) right after, µs per unit. */
  readonly loneWorkerUsPerUnit?: number;
  /** Garbage-collection pauses during the run, on its lanes (the main thread's and the workers'). */
  readonly gc?: readonly GcMark[];
  /** GC time over wall time, summed over the run's threads. */
  readonly gcShare?: number;
  readonly lanes: readonly string[];
  /** The scheduler policy that ordered the tasks on each thread (hybrid: inside each worker). */
  readonly policy?: PolicyName;
  readonly pool?: PoolInfo;
}
