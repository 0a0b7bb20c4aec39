import type { ModeComparison } from '../measure/compare-modes.ts';
import { NOISE_THRESHOLD } from '../measure/stats.ts';
import type { ResultTable } from './experiment-result.ts';
import { formatChecksum, formatMs, formatPercent, formatRatio } from './format.ts';
import { IMPOSSIBLE_MARK } from './impossible-notes.ts';

/** The lab's main table: one row per mode, timed and compared with the baseline. */
export function modeTable(title: string, rows: readonly ModeComparison[]): ResultTable {
  const baseline = rows[0]?.baseline ?? 'sequential';
  return {
    title,
    head: ['mode', 'threads', 'median ms', '95% CI ms', 'min-max ms', `speedup vs ${baseline}`, 'efficiency', 'checksums'],
    rows: rows.map((r) => [
      `${r.mode}${r.noisy ? ' !' : ''}${r.impossible !== undefined ? ` ${IMPOSSIBLE_MARK}` : ''}`,
      r.warm === undefined ? String(r.threads) : `${r.threads}${r.warm ? ' (warm)' : ' (COLD)'}`,
      formatMs(r.medianMs),
      r.repeats > 1 ? `±${formatMs(r.ci95Ms)}` : 'n/a',
      `${formatMs(r.minMs)}-${formatMs(r.maxMs)}`,
      r.repeats > 1 ? `${formatRatio(r.speedup)} ±${r.speedupCi95.toFixed(2)}` : formatRatio(r.speedup),
      formatPercent(r.efficiency),
      `${r.checksumOk ? 'identical' : 'DIFFERENT'} ${formatChecksum(r.checksum)}`,
    ]),
    warnings: [
      ...rows
        .filter((r) => r.noisy)
        .map(
          (r) =>
            `noisy: ${r.workload} ${r.mode} varied by ${formatPercent(r.rsd)} (sd/mean) over ${r.repeats} repeats, ` +
            `more than ${formatPercent(NOISE_THRESHOLD)}: other programs may be competing for the CPU; close them or raise --repeats.`,
        ),
      ...rows.filter((r) => r.impossible !== undefined).map((r) => `impossible ${IMPOSSIBLE_MARK}: ${r.workload} ${r.mode}: ${r.impossible}; see the notes.`),
    ],
  };
}
