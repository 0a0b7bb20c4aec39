// Hand-made figures for the hand-off experiment's pure analysis: every way's wall time built from a
// per-task cost, so that the fits, crossovers and notes can be checked against known answers.
import type { HandOffFigures } from '../../experiments/hand-off/analysis.ts';
import { handOff } from '../../experiments/hand-off/index.ts';
import type { WaySeries } from '../../experiments/hand-off/sweep.ts';
import { WAYS, type HandOffWay, type WayName } from '../../experiments/hand-off/way.ts';
import type { ExperimentContext } from '../../src/experiment/context.ts';
import { idealShare } from '../../src/experiment/dispatch-fit.ts';
import { ROUND_FACTORS } from './granularity-figures.ts';
import type { AnalysedCase } from './saved-reference-figures.ts';

/** Per-task costs, µs, in the order the issue expects them: spin < wake <= postMessage <= pools, the lab's paths dearer. */
export const COSTS: Readonly<Record<HandOffWay, number>> = {
  'ring-spin': 1,
  'ring-wake': 8,
  'post-message-one': 30,
  'post-message-many': 10,
  piscina: 20,
  tinypool: 15,
  workerpool: 40,
  poolifier: 25,
  'lab-parallel': 60,
  'lab-parallel-untraced': 35,
  'lab-hybrid': 5,
};

export interface HandMadeOptions {
  readonly costs?: Partial<Record<HandOffWay, number>>;
  /** Ways left out, as if not installed. */
  readonly missing?: readonly HandOffWay[];
  /** Per-round factors of a way's times (default: every way the same factors, a round moving all alike). */
  readonly factors?: Partial<Record<WayName, readonly number[]>>;
  readonly rounds?: number;
  /** Fewer rounds than a block of the balanced order (as under --quick): some ways followed others more often. */
  readonly unbalanced?: boolean;
  /** How much slower the kernel runs on the ways' threads than on the main thread (0.04: 4% slower). */
  readonly workerSlowdown?: number;
  /** A way whose checksums differed at every size. */
  readonly wrongChecksums?: HandOffWay;
}

const US_PER_UNIT = 5;
const TASKS = 1_000;
const SIZES = [0, 1, 4, 16, 64, 256];
/** The one-thread loop's own cost per task at size 0, µs: the loop and the call. */
const LOOP_US = 0.05;

/** Figures of 2 threads on 2 cores (the spinning ring and one task in flight on 1), 9 rounds, costs as given: wall = ideal split + tasks × cost. */
export function handMadeFigures(options: HandMadeOptions = {}): HandOffFigures & { spinThreads: number; threads: number; rounds: number } {
  const costs = { ...COSTS, ...options.costs };
  const rounds = options.rounds ?? ROUND_FACTORS.length;
  const threadsOf = (way: WayName): number => (way === 'one-thread' || way === 'ring-spin' || way === 'post-message-one' ? 1 : 2);
  const ways = WAYS.filter((w) => !(options.missing ?? []).includes(w as HandOffWay)).map((name) => ({ name, threads: threadsOf(name) }));
  const series = (way: WayName, unitsPerTask: number): WaySeries => {
    const oneThreadMs = (TASKS * (unitsPerTask * US_PER_UNIT + LOOP_US)) / 1000;
    const ms = way === 'one-thread' ? oneThreadMs : oneThreadMs * (1 + (options.workerSlowdown ?? 0)) * idealShare(TASKS, threadsOf(way)) + (TASKS * costs[way]) / 1000;
    const factors = (options.factors?.[way] ?? ROUND_FACTORS).slice(0, rounds);
    const wallMs = factors.map((f) => ms * f);
    return { wallMs, cpuMs: wallMs.map((w) => w * threadsOf(way)), mainCpuMs: wallMs.map((w) => w / 2), checksumOk: way !== options.wrongChecksums };
  };
  const balance = { blockRounds: 11, rounds, predecessorCounts: [], fewest: options.unbalanced === true ? 0 : 1, most: 1 };
  return {
    plan: { tasks: TASKS, sizes: SIZES },
    cores: 2,
    threads: 2,
    spinThreads: 1,
    rounds,
    ways,
    skipped: (options.missing ?? []).map((w) => `${w} is not installed, so its way was skipped: npm install -D ${w}`),
    sizes: SIZES.map((unitsPerTask) => ({ unitsPerTask, tasks: TASKS, balance, ways: Object.fromEntries(ways.map((w) => [w.name, series(w.name, unitsPerTask)])) })),
    idleCores: Object.fromEntries(ways.map((w) => [w.name, w.name === 'ring-spin' ? [0.98, 1.0, 0.99] : [0.01, 0.0, 0.02]])),
  };
}

/** What `handOff.analyse` reads of a context: nothing but what the figures carry. */
export const handOffContext = { threads: 2, machine: { availableParallelism: 2 } } as ExperimentContext;

/** Hand-made cases for the rule that every comparison cites its test: the expected ladder, a tie between pools, a missing pool, too few rounds. */
export function handOffCases(): AnalysedCase[] {
  const piscinaNoise = [1.1, 0.9, 1.05, 0.95, 1, 1.08, 0.92, 1.02, 0.98];
  return [
    { figures: 'hand-made, the expected ladder', analyse: () => handOff.analyse(handMadeFigures(), handOffContext) },
    { figures: 'hand-made, two pools tied', analyse: () => handOff.analyse(handMadeFigures({ costs: { piscina: 15.2 }, factors: { piscina: piscinaNoise } }), handOffContext) },
    { figures: 'hand-made, poolifier missing', analyse: () => handOff.analyse(handMadeFigures({ missing: ['poolifier'] }), handOffContext) },
    { figures: 'hand-made, 3 rounds', analyse: () => handOff.analyse(handMadeFigures({ rounds: 3 }), handOffContext) },
  ];
}
