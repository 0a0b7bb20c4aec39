import type { ModeComparison } from '../measure/compare-modes.ts';
import { median } from '../measure/stats.ts';
import type { Verdict } from '../measure/verdict.ts';
import { formatMs, formatRatio } from './format.ts';
import { formatP } from './interval-text.ts';

type CpuFigures = Pick<ModeComparison, 'mode' | 'speedup' | 'cpuMs' | 'threads'> & { readonly verdict?: Verdict };

/** The speedup in words by its verdict against the baseline: "1.98x faster than sequential (p = 0.016)". */
function speedWords(speedup: number, baseline: string, verdict: Verdict | undefined): string {
  const ratio = formatRatio(speedup);
  if (verdict === undefined) return `${ratio} the speed of ${baseline}, untested (no verdict kept)`;
  if (verdict.state === 'too-few') return `${ratio} the speed of ${baseline}, too few repeats for a verdict (n = ${verdict.n})`;
  if (verdict.state === 'same') return `no measurable difference from ${baseline} in speed (${ratio}, ${formatP(verdict.p)})`;
  return `${verdict.state === 'faster' ? `${ratio} faster` : `${formatRatio(1 / speedup)} slower`} than ${baseline} (${formatP(verdict.p)})`;
}

/** CPU per work unit, µs: what a cpu-bound row spent on each unit of kernel work, across all threads. */
export function cpuPerUnitUs(cpuMs: number | undefined, units: number): number {
  return cpuMs === undefined ? Number.NaN : (cpuMs * 1000) / units;
}

/**
 * One sentence on what the fastest multi-thread mode's speedup cost in CPU, against the baseline's: threads
 * that overlap spend their CPU side by side, so a speedup usually costs more CPU in total, not less.
 */
export function cpuCostNote(rows: readonly CpuFigures[]): string[] {
  const baseline = rows.find((r) => r.mode === 'sequential') ?? rows[0];
  const fastest = rows.filter((r) => r.threads > 1).sort((a, b) => b.speedup - a.speedup)[0];
  if (baseline?.cpuMs === undefined || fastest?.cpuMs === undefined || fastest === baseline || !(baseline.cpuMs > 0)) return [];
  const ratio = fastest.cpuMs / baseline.cpuMs;
  // CPU time is kept as a median per row, not per repeat: its ratio is a reading of two medians, and says so.
  return [
    `What the speedup cost in CPU: ${fastest.mode} was ${speedWords(fastest.speedup, baseline.mode, fastest.verdict)} and used ${formatMs(fastest.cpuMs)} ms of CPU ` +
      `against ${formatMs(baseline.cpuMs)} ms (${formatRatio(ratio)}, medians over all threads of the process; untested, as CPU time per repeat is not kept): ` +
      (ratio > 1.02 ? 'more CPU in total by the medians, not less.' : ratio >= 0.98 ? 'about the same CPU in total by the medians.' : 'less CPU in total by the medians.'),
  ];
}

/**
 * The lab's thread against a lone worker, per kernel unit: the median over the sequential rows of
 * their kernel cost divided by the lone worker's, timed after the same runs. Near 1 means the
 * baseline every speedup divides by is honest; NaN when not measured.
 */
export function baselineVsWorker(rows: readonly Pick<ModeComparison, 'mode' | 'kernelUsPerUnit' | 'loneWorkerUsPerUnit'>[]): number {
  const ratios = rows
    .filter((r) => r.mode === 'sequential' && r.kernelUsPerUnit !== undefined && r.loneWorkerUsPerUnit !== undefined)
    .map((r) => r.kernelUsPerUnit! / r.loneWorkerUsPerUnit!)
    .filter((v) => Number.isFinite(v));
  return ratios.length === 0 ? Number.NaN : median(ratios);
}
