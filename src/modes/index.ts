import type { WorkloadSpec } from '../workload/spec.ts';
import { runHybrid } from './hybrid.ts';
import { runInterleaved } from './interleaved.ts';
import { runParallel } from './parallel.ts';
import { runPiscina } from './piscina.ts';
import { runProcesses, type ProcessesRunOptions } from './processes.ts';
import type { ModeName, RunResult } from './run-result.ts';
import { runSequential } from './sequential.ts';

export { RunFailedError } from './errors.ts';
export { WorkerLostError } from './worker-lost.ts';
export { dealTasks, runHybrid } from './hybrid.ts';
export { runInterleaved } from './interleaved.ts';
export { runParallel, type ParallelRunOptions } from './parallel.ts';
export { LabPool, onPool, type PoolOptions } from './pool.ts';
export { allModeNames, modeNames, type ModeName, type PoolInfo, type RunResult, type TaskRun, type TraceEvent } from './run-result.ts';
export { runSequential } from './sequential.ts';
export { firstNonCpuPart, kernelTasks, runPiscina } from './piscina.ts';
export { PlainPool } from './plain-pool.ts';
export { ProcessLostError, ProcessPool, type ProcessPoolOptions } from './process-pool.ts';
export { runProcesses, type ProcessesRunOptions } from './processes.ts';

/** Options every mode accepts; the one-thread modes ignore the pool settings. */
export type ModeRunOptions = ProcessesRunOptions;

/** Runs the workload once in the named mode. */
export function runMode(mode: ModeName, workload: WorkloadSpec, options: ModeRunOptions = {}): Promise<RunResult> {
  const { signal, timeoutMs, steps, pool } = options;
  const oneThread = { ...(signal && { signal }), ...(timeoutMs !== undefined && { timeoutMs }), ...(steps !== undefined && { steps }), ...(pool && { pool }) };
  switch (mode) {
    case 'sequential':
      return runSequential(workload, oneThread);
    case 'interleaved':
      return runInterleaved(workload, oneThread);
    case 'parallel':
      return runParallel(workload, options);
    case 'hybrid':
      return runHybrid(workload, options);
    case 'piscina':
      return runPiscina(workload, options);
    case 'processes':
      return runProcesses(workload, options);
  }
}
