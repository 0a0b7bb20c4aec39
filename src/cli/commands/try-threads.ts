import { UsageError } from '../../errors/usage-error.ts';
import type { ProgressStream } from '../../report/progress.ts';

/** Above this many threads per core `try --max-threads` warns: the threads take turns, each costing memory. */
export const WARN_THREADS_PER_CORE = 2;
/** Above this many per core it refuses: a pool that large measures the scheduler, and can exhaust memory (about 30 MB a thread). */
export const MOST_THREADS_PER_CORE = 8;

/**
 * `try`'s top thread count: the cores unless `--max-threads` says otherwise; refused (exit 2) past
 * 8 per core, with a note past 2 per core. One pool of this size serves every swept count.
 */
export function tryMaxThreads(given: number | undefined, cores: number, stderr: ProgressStream): number {
  if (given === undefined) return cores;
  const most = MOST_THREADS_PER_CORE * cores;
  if (given > most) throw new UsageError(`--max-threads ${given}: try accepts 1 to ${most} (${MOST_THREADS_PER_CORE} per core on this machine's ${cores}); the cores, ${cores}, is the default`);
  if (given > WARN_THREADS_PER_CORE * cores) {
    stderr.write(`lab: note: --max-threads ${given} is more than ${WARN_THREADS_PER_CORE} × the ${cores} core${cores === 1 ? '' : 's'}: the threads take turns on them, and each costs start-up time and memory\n`);
  }
  return given;
}
