import { NEAR_BREAK_EVEN } from '../measure/break-even.ts';
import { formatRatio } from './format.ts';
import type { TryFacts, TryFigures } from './try-figures.ts';
import { fasterThanBaseline, type TryRow } from './try-rows.ts';
import { us } from './try-tables.ts';

const near = `within ±${NEAR_BREAK_EVEN * 100}%, inclusive`;

/**
 * Where the call sits against the break-even, worded by margin, not by side: "well below", "well
 * above", or "near (within ±25%, inclusive): measure, don't assume". Where the run's own rows say
 * otherwise (one call a task on the usable threads), the note says so: the rows decide.
 */
export function breakEvenNote(f: TryFigures, rows: readonly TryRow[], facts: TryFacts): string[] {
  const usable = Math.min(f.maxThreads, f.cores);
  const threads = `${usable} usable thread${usable === 1 ? '' : 's'}`;
  if (facts.noBreakEven === 'one-thread') {
    return [`Only one thread is usable (${f.maxThreads} thread${f.maxThreads === 1 ? '' : 's'} on ${f.cores} core${f.cores === 1 ? '' : 's'}): a pool can add no parallelism here, only its ${us(facts.emptyCallUs)} µs round trip per task.`];
  }
  const handOff = `an empty call on the pool costs ${us(facts.emptyCallUs)} µs round trip, moving an input and its result ${us(facts.transferUs)} µs more, and in the workers of the pool the function takes ${formatRatio(facts.workerSlowdown)} its time in the loop`;
  const single = rows.find((r) => r.mode === 'pool' && r.dedicated !== true && r.batch === 1 && r.threads === usable);
  /** The sentence that defers to the rows when they measured the other side than the one named. */
  const yet = (claimsItPays: boolean): string => {
    if (single === undefined || fasterThanBaseline(single) === claimsItPays) return '';
    return ` Yet here one call a task on ${threads} was ${claimsItPays ? 'not ' : ''}measurably faster than the loop: the rows decide.`;
  };
  if (facts.breakEvenUs === null || facts.breakEvenMargin === null) {
    return [`There is no break-even: ${handOff}, no less than the ${threads}, so one call a task cannot catch up with the plain loop however long the call.${yet(false)}`];
  }
  const ratio = `${formatRatio(facts.callUs / facts.breakEvenUs)} the break-even`;
  const where =
    facts.breakEvenMargin === 'well below'
      ? `well below it (${ratio}): one call a task cannot pay; batching spreads the hand-off over more work.${yet(false)}`
      : facts.breakEvenMargin === 'well above'
        ? `well above it (${ratio}).${yet(true)}`
        : `near the break-even (${near}; ${ratio}): measure, don't assume; the rows decide.`;
  return [
    `One call takes ${us(facts.callUs)} µs (median over the inputs); ${handOff}: one call a task breaks even at ${us(facts.breakEvenUs)} µs of work ` +
      `((empty call + transfer) × ${usable} / (${usable} − ${facts.workerSlowdown.toFixed(2)}), for ${threads}). This function is ${where}`,
  ];
}
