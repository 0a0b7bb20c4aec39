import type { PostMessageFloor } from '../measure/post-message-floor.ts';
import { formatRatio } from './format.ts';
import type { TryFloorFacts } from './try-figures.ts';
import type { TryRow } from './try-rows.ts';
import { us } from './try-tables.ts';

/** The fastest pool setting whose results matched (not the A/A twin), whether or not it beat the loop. */
export function bestPoolRow(rows: readonly TryRow[]): TryRow | undefined {
  return rows.filter((r) => r.mode === 'pool' && r.dedicated !== true && r.checksumOk).sort((a, b) => a.medianMs - b.medianMs)[0];
}

/** The floor's facts: what the fastest pool setting costs a task over the loop, against a bare round trip. */
export function tryFloorFacts(floor: PostMessageFloor | undefined, rows: readonly TryRow[], inputs: number): TryFloorFacts {
  const pool = bestPoolRow(rows);
  const loop = rows[0]!;
  const tasks = pool === undefined ? 0 : Math.ceil(inputs / pool.batch);
  const overhead = pool === undefined || tasks === 0 ? null : ((pool.medianMs * pool.threadsUsed - loop.medianMs) * 1000) / tasks;
  return {
    postMessageFloorUs: floor?.value ?? null,
    postMessageFloorLowUs: floor?.low ?? null,
    postMessageFloorHighUs: floor?.high ?? null,
    bestPoolOverheadUs: overhead,
    bestPoolOverFloor: overhead === null || floor === undefined || !(floor.value > 0) ? null : overhead / floor.value,
  };
}

/** The note: how far the best pool setting is from the floor, pointing to hand-off for where the rest goes; says why when it is missing. */
export function tryFloorNote(facts: TryFloorFacts, skipped: string | undefined): string[] {
  if (facts.postMessageFloorUs === null) return skipped === undefined ? [] : [skipped];
  const floor = `a bare postMessage round trip costs ${us(facts.postMessageFloorUs)} µs here [${us(facts.postMessageFloorLowUs!)}-${us(facts.postMessageFloorHighUs!)}]`;
  if (facts.bestPoolOverheadUs === null) return [`The postMessage floor: ${floor}; no pool setting was measured beside it.`];
  const words =
    facts.bestPoolOverheadUs <= 0
      ? 'nothing over the loop a task (its threads more than made up for it)'
      : `${us(facts.bestPoolOverheadUs)} µs a task over the loop (its threads' time less the loop's, per task: slower calls in the workers included)`;
  const ratio = facts.bestPoolOverFloor !== null && facts.bestPoolOverFloor > 0 ? `: ${formatRatio(facts.bestPoolOverFloor)} the floor` : '';
  return [`The best pool setting costs ${words}; ${floor}${ratio}. See \`npm run exp:hand-off\` for where the rest goes.`];
}
