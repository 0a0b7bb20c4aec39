import { formatMs, formatRatio } from './format.ts';
import type { SideCell, SideRow } from './compare-sides.ts';

/** A row label at most `width` characters, cut in the middle where longer (both ends tell rows apart). */
export function fitLabel(label: string, width: number): string {
  if (label.length <= width) return label;
  const head = Math.ceil((width - 3) / 2);
  return `${label.slice(0, head)}...${label.slice(label.length - (width - 3 - head))}`;
}

/** "259 (n=8)", or "-" for a side without the row. */
export function cellText(cell: SideCell | undefined): string {
  if (cell === undefined) return '-';
  return `${formatMs(cell.medianMs)}${cell.samplesMs === undefined ? '' : ` (n=${cell.samplesMs.length})`}`;
}

/** "1.16x [1.10-1.22]" with the bootstrap interval, the bare ratio without samples, "-" without both sides. */
export function ratioText(row: SideRow): string {
  if (row.ratio === undefined) return '-';
  return row.interval === undefined ? formatRatio(row.ratio) : `${formatRatio(row.ratio)} [${row.interval.low.toFixed(2)}-${row.interval.high.toFixed(2)}]`;
}

/** "slower p=0.001", "~ p=0.430", "? too few, n=3", or why the row was not tested ("only in OLD", "no samples"). */
export function testText(row: SideRow): string {
  const v = row.verdict;
  if (v === undefined) return row.state;
  if (v.state === 'too-few') return `? too few, n=${v.n}`;
  const p = v.p < 0.001 ? 'p<0.001' : `p=${v.p.toFixed(3)}`;
  return v.state === 'same' ? `~ ${p}` : `${v.state} ${p}`;
}

/** The legend of the test column. */
export const TEST_LEGEND =
  'NEW/OLD: ratio of medians [seeded 95% bootstrap interval]; test: Mann-Whitney U of NEW against OLD on the samples, Holm-corrected over every row tested; ~ no measurable difference (p >= 0.05).';

/** Why a row could not be judged ("only in OLD: no such row in NEW", "too few samples ..."), or undefined for a tested row. */
export function untestedWhy(row: SideRow): string | undefined {
  if (row.state !== 'compared') return `${row.state}: ${row.why ?? ''}`;
  if (row.verdict?.state === 'too-few') return `too few samples for a test (${row.old?.samplesMs?.length ?? 0} against ${row.new?.samplesMs?.length ?? 0}: Mann-Whitney cannot reach p < 0.05)`;
  return undefined;
}
