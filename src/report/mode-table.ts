import type { ModeComparison } from '../measure/compare-modes.ts';
import { NOISE_THRESHOLD } from '../measure/stats.ts';
import type { ResultTable } from './experiment-result.ts';
import { formatChecksum, formatMs, formatPercent, formatRatio } from './format.ts';
import { autoRepeatsLine, medianWithInterval, outlierWarning, speedupWithInterval, verdictLegend } from './interval-text.ts';
import { IMPOSSIBLE_MARK } from './impossible-notes.ts';
import { DISTURBED_MARK, disturbedLegend } from './foreign-cpu-notes.ts';

/** The lab's main table: one row per mode, timed and compared with the baseline. */
export function modeTable(title: string, rows: readonly ModeComparison[]): ResultTable {
  const baseline = rows[0]?.baseline ?? 'sequential';
  return {
    title,
    head: ['mode', 'threads', 'median ms [95% CI]', 'min-max ms', `speedup vs ${baseline} [95% CI]`, 'efficiency', 'checksums', 'cpu ms'],
    rows: rows.map((r) => [
      `${r.mode}${r.noisy ? ' !' : ''}${r.disturbed === true ? ` ${DISTURBED_MARK}` : ''}${r.impossible !== undefined ? ` ${IMPOSSIBLE_MARK}` : ''}`,
      r.warm === undefined ? String(r.threads) : `${r.threads}${r.warm ? ' (warm)' : ' (COLD)'}`,
      medianWithInterval(r),
      `${formatMs(r.minMs)}-${formatMs(r.maxMs)}${r.outlierRounds.length > 0 ? `, ${r.outlierRounds.length} outlier${r.outlierRounds.length === 1 ? '' : 's'}` : ''}`,
      r.mode === r.baseline ? formatRatio(r.speedup) : speedupWithInterval(r),
      formatPercent(r.efficiency),
      `${r.checksumOk ? 'identical' : 'DIFFERENT'} ${formatChecksum(r.checksum)}`,
      r.cpuMs === undefined || Number.isNaN(r.cpuMs) ? '-' : formatMs(r.cpuMs),
    ]),
    warnings: [
      ...rows
        .filter((r) => r.noisy)
        .map(
          (r) =>
            `noisy: ${r.workload} ${r.mode} varied by ${formatPercent(r.rsd)} (sd/mean) over ${r.repeats} repeats, ` +
            `more than ${formatPercent(NOISE_THRESHOLD)}: other programs may be competing for the CPU; close them or raise --repeats.`,
        ),
      ...disturbedLegend(rows),
      ...rows.flatMap(outlierWarning),
      ...autoRepeatsLine(rows),
      ...verdictLegend(rows.filter((r) => r.mode !== r.baseline), baseline),
      ...rows.filter((r) => r.impossible !== undefined).map((r) => `impossible ${IMPOSSIBLE_MARK}: ${r.workload} ${r.mode}: ${r.impossible}; see the notes.`),
    ],
  };
}
