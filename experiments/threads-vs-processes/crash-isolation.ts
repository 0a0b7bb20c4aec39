import { processPoolResource, resourcesOf } from '../../src/modes/index.ts';
import { processExists } from '../../src/runtime/process-exists.ts';
import type { ProcessPool } from '../../src/runtime/process-pool.ts';
import { runMode } from '../../src/modes/registry.ts';
import { sharedNow } from '../../src/scheduler/index.ts';
import type { WorkloadSpec } from '../../src/workload/spec.ts';

/** What one deliberate crash in a process pool did: who died, who lived on, what it took to be whole again. */
export interface CrashFigures {
  /** Processes in the pool when the crash came. */
  readonly processes: number;
  /** Of them, those gone afterwards (the one whose task ran the `exit` fault). */
  readonly ended: number;
  /** Of them, those still alive afterwards (checked by pid). */
  readonly survived: number;
  /** The run's error, as the lab reports it. */
  readonly message: string;
  /** From the failed run's end until the pool was warm again: the replacement's start-up and warm-up, ms. */
  readonly replaceMs: number;
}

/** One task per process; the first ends its process (`exit` fault) after a little work, the others only work. */
function crashWorkload(processes: number): WorkloadSpec {
  const healthy = (i: number): WorkloadSpec['tasks'][number] => ({ name: `ok${i}`, parts: [{ kind: 'cpu', units: 200 }] });
  return {
    name: 'one-crash',
    tasks: [{ name: 'crash', parts: [{ kind: 'cpu', units: 20 }, { kind: 'fault', fault: 'exit' }] }, ...Array.from({ length: processes - 1 }, (_, i) => healthy(i + 1))],
  };
}

/**
 * Runs one task that ends its own process (the `exit` fault) beside healthy ones on the pool,
 * then counts by pid which of the pool's processes are gone and which live on, and times the
 * pool's return to a warm state (the replacement is forked as soon as the crash is seen).
 */
export async function crashOneProcess(pool: ProcessPool): Promise<CrashFigures> {
  const before = pool.pids;
  const failure = await runMode('processes', crashWorkload(before.length), { resources: resourcesOf([processPoolResource, pool]) }).then(
    () => undefined,
    (error: unknown) => error,
  );
  const crashedAt = sharedNow();
  // A process that has exited may take a moment to leave the process table.
  const deadline = crashedAt + 2_000;
  while (before.every(processExists) && sharedNow() < deadline) await new Promise((r) => setTimeout(r, 10));
  const survived = before.filter(processExists).length;
  await pool.ensureWarm();
  return {
    processes: before.length,
    ended: before.length - survived,
    survived,
    message: failure instanceof Error ? failure.message : 'the run did not fail',
    replaceMs: sharedNow() - crashedAt,
  };
}
