import type { Estimate } from './dispatch-intervals.ts';
import { formatIntervalEnds } from '../report/format.ts';

/** Whether both ends of the estimate's interval are known. */
export function intervalKnown(e: Pick<Estimate, 'low' | 'high'>): boolean {
  return Number.isFinite(e.low) && Number.isFinite(e.high);
}

/** "; 95% interval 18.1 µs to 22.3 µs" ("18.1 µs at both ends, as rounded" when they print alike), or nothing when the interval is unknown (figures without rounds). */
export function intervalClause(e: Estimate, format: (value: number) => string): string {
  return intervalKnown(e) ? `; 95% interval ${formatIntervalEnds(e.low, e.high, format)}` : '';
}

/** "20.0 µs (95% interval 18.1 µs to 22.3 µs)", or the value alone when the interval is unknown. */
export function withInterval(e: Estimate, format: (value: number) => string): string {
  return intervalKnown(e) ? `${format(e.value)} (95% interval ${formatIntervalEnds(e.low, e.high, format)})` : format(e.value);
}

/** Whether the estimate is above `level` beyond its interval; without an interval, whether its value is. */
export function clearlyAbove(e: Estimate, level: number): boolean {
  return intervalKnown(e) ? e.low > level : e.value > level;
}

/** Whether the estimate is below `level` beyond its interval; without an interval, whether its value is. */
export function clearlyBelow(e: Estimate, level: number): boolean {
  return intervalKnown(e) ? e.high < level : e.value < level;
}
