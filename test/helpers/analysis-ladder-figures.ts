import type { LadderSize } from '../../experiments/distributed/analysis.ts';
import type { ModeFigures } from '../../src/experiment/mode-rows.ts';
import { samplesOf } from '../../src/measure/samples.ts';
import type { Verdict } from '../../src/measure/verdict.ts';
import type { ModeName } from '../../src/modes/index.ts';

/** Each mode's offsets over six rounds, so that no two modes move alike from round to round. */
const OFFSETS: Readonly<Record<string, readonly number[]>> = {
  sequential: [-3, 1, -1, 3, 2, -2],
  piscina: [2, -3, 3, -1, 1, -2],
  processes: [-1, 2, -3, 1, 3, -2],
  distributed: [3, -2, 1, -3, -1, 2],
};

/**
 * A rung's row whose paired test against sequential (100 ms) found it faster or slower, as its median says, with six rounds
 * spread by `spread` (a fraction) around that median; `rounds: false` keeps none.
 */
export function ladderRow(mode: ModeName, medianMs: number, spread = 0.003, rounds = true): ModeFigures & { verdict: Verdict } {
  const verdict: Verdict = { state: medianMs < 100 ? 'faster' : 'slower', n: 6, p: 0.031 };
  const samples = samplesOf(OFFSETS[mode]!.map((d) => medianMs * (1 + (spread * d) / 3)));
  return { workload: 'split', mode, threads: mode === 'sequential' ? 1 : 2, medianMs, minMs: medianMs, maxMs: medianMs, speedup: 100 / medianMs, checksumOk: true, verdict, ...(rounds && { samples }) };
}

/** Sequential 100 ms; on 2 workers the ideal is 50 ms, plus `threadMs`, `processMs` and `queueMs` a task (0.02, 0.1 and 0.5 unless given). */
export function ladderSize(unitsPerTask: number, tasks: number, perTaskMs: { thread?: number; process?: number; queue?: number } = {}, spread = 0.003, rounds = true): LadderSize {
  const { thread = 0.02, process = 0.1, queue = 0.5 } = perTaskMs;
  return {
    unitsPerTask,
    tasks,
    rows: [ladderRow('sequential', 100, spread, rounds), ladderRow('piscina', 50 + thread * tasks, spread, rounds), ladderRow('processes', 50 + process * tasks, spread, rounds), ladderRow('distributed', 50 + queue * tasks, spread, rounds)],
  };
}

/** Four sizes of the same 4096 units of work. */
export const ladderSweep = (perTaskMs: { thread?: number; process?: number; queue?: number } = {}, spread = 0.003, rounds = true): LadderSize[] =>
  [[4, 1024], [16, 256], [64, 64], [256, 16]].map(([units, tasks]) => ladderSize(units!, tasks!, perTaskMs, spread, rounds));
