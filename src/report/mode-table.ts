import type { ModeComparison } from '../measure/compare-modes.ts';
import type { ResultTable } from './experiment-result.ts';
import { formatChecksum, formatMs, formatPercent, formatRatio } from './format.ts';

/** The lab's main table: one row per mode, timed and compared with the baseline. */
export function modeTable(title: string, rows: readonly ModeComparison[]): ResultTable {
  const baseline = rows[0]?.baseline ?? 'sequential';
  return {
    title,
    head: ['mode', 'threads', 'median ms', 'min-max ms', `speedup vs ${baseline}`, 'efficiency', 'checksums'],
    rows: rows.map((r) => [
      r.mode,
      r.warm === undefined ? String(r.threads) : `${r.threads}${r.warm ? ' (warm)' : ' (COLD)'}`,
      formatMs(r.medianMs),
      `${formatMs(r.minMs)}-${formatMs(r.maxMs)}`,
      formatRatio(r.speedup),
      formatPercent(r.efficiency),
      `${r.checksumOk ? 'identical' : 'DIFFERENT'} ${formatChecksum(r.checksum)}`,
    ]),
  };
}
