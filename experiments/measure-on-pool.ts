import { runOptionsFor, type ExperimentContext } from '../src/experiment/context.ts';
import type { ModeComparison } from '../src/measure/compare-modes.ts';
import { measureModes, type ModeMeasurement } from '../src/measure/measure-modes.ts';
import { withStartedPool, type LabPool, type ModeName } from '../src/modes/index.ts';
import { pairByRound } from '../src/measure/samples.ts';
import { pairedVerdict, type Verdict } from '../src/measure/verdict.ts';
import { formatRatio } from '../src/report/format.ts';
import { formatP } from '../src/report/interval-text.ts';
import type { WorkloadSpec } from '../src/workload/spec.ts';

/** The figures of a compared mode that interpretations read; tests build these by hand. */
export type ModeFigures = Pick<ModeComparison, 'workload' | 'mode' | 'threads' | 'medianMs' | 'minMs' | 'maxMs' | 'speedup' | 'checksumOk' | 'cpuMs' | 'impossible'> &
  Partial<Pick<ModeComparison, 'samples' | 'speedupLow' | 'kernelUsPerUnit' | 'loneWorkerUsPerUnit'>>;

/** Starts a warm pool of `threads` workers, hands it to `use`, and closes it whatever happens. */
export function withPool<T>(threads: number, use: (pool: LabPool) => Promise<T>): Promise<T> {
  return withStartedPool({ threads }, use);
}

/** Measures the workload in the given modes with the context's repeats and warm-ups, on the pool. */
export function measureOnPool(workload: WorkloadSpec, modes: readonly ModeName[], context: ExperimentContext, pool: LabPool, untraced: readonly ModeName[] = []): Promise<ModeMeasurement[]> {
  return measureModes(workload, modes, {
    repeats: context.repeats,
    warmups: context.warmups,
    runOptions: runOptionsFor(context, pool),
    onProgress: context.onProgress,
    untraced,
    ...(context.auto !== undefined && { auto: context.auto }),
  });
}

/** The row of one mode; the experiment measured it, so its absence is a bug. */
export function rowOf<R extends { readonly mode: ModeName }>(rows: readonly R[], mode: ModeName): R {
  const row = rows.find((r) => r.mode === mode);
  if (row === undefined) throw new Error(`no ${mode} row among ${rows.map((r) => r.mode).join(', ')}`);
  return row;
}

export { checksumWarning } from '../src/report/checksum-warning.ts';

/** Task switches in a trace: consecutive steps on the same lane that belong to different tasks. */
export function taskSwitches(trace: readonly { readonly task: string; readonly lane: number }[]): number {
  const lastTask = new Map<number, string>();
  let switches = 0;
  for (const e of trace) {
    const previous = lastTask.get(e.lane);
    if (previous !== undefined && previous !== e.task) switches++;
    lastTask.set(e.lane, e.task);
  }
  return switches;
}

/** Whether `row` differed from `reference` over the rounds both ran (Wilcoxon); undefined for figures without samples. */
export function verdictBetween(row: ModeFigures, reference: ModeFigures): Verdict | undefined {
  if (row.samples === undefined || reference.samples === undefined) return undefined;
  const paired = pairByRound(row.samples, reference.samples);
  return pairedVerdict(paired.a, paired.b);
}

/**
 * A speedup said the way a reader expects, claiming "faster" or "slower" only when the verdict
 * found the difference significant: "1.89x faster (p = 0.016)", "as fast: no measurable
 * difference (1.02x, p = 0.438)", "1.89x the speed, too few repeats for a verdict (n = 5)".
 * Without a verdict (figures without samples) the ratio alone: "1.89x faster", "1.25x slower" or "as fast".
 */
export function fasterOrSlower(speedup: number, verdict?: Verdict): string {
  if (verdict === undefined) {
    if (formatRatio(speedup) === '1.00x') return 'as fast';
    return speedup > 1 ? `${formatRatio(speedup)} faster` : `${formatRatio(1 / speedup)} slower`;
  }
  if (verdict.state === 'too-few') return `${formatRatio(speedup)} the speed, too few repeats for a verdict (n = ${verdict.n})`;
  if (verdict.state === 'same') return `as fast: no measurable difference (${formatRatio(speedup)}, ${formatP(verdict.p)})`;
  return `${fasterOrSlower(speedup)} (${formatP(verdict.p)})`;
}

/** "1.89x faster than X (p = 0.016)", "no measurable difference from X (1.02x, p = 0.438)", "1.89x the speed of X, too few repeats for a verdict (n = 5)". */
export function comparedWith(speedup: number, other: string, verdict?: Verdict): string {
  if (verdict?.state === 'too-few') return `${formatRatio(speedup)} the speed of ${other}, too few repeats for a verdict (n = ${verdict.n})`;
  if (verdict?.state === 'same') return `no measurable difference from ${other} (${formatRatio(speedup)}, ${formatP(verdict.p)})`;
  const said = fasterOrSlower(speedup);
  const claim = said === 'as fast' ? `about as fast as ${other}` : `${said} than ${other}`;
  return verdict === undefined ? claim : `${claim} (${formatP(verdict.p)})`;
}
