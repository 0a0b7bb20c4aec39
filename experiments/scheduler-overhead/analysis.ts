import type { Analysis } from '../../src/experiment/define.ts';
import type { ExperimentContext } from '../../src/experiment/context.ts';
import type { IdleCpu } from '../../src/measure/idle-cpu.ts';
import { summarize, type Summary } from '../../src/measure/stats.ts';
import { switchKinds, type SwitchKind } from '../../src/measure/switch-cost.ts';
import { formatPercent, formatRatio } from '../../src/report/format.ts';
import { comparisonBacking, pairedComparison } from '../../src/experiment/ratio-with-verdict.ts';

/** Tasks switching, and how long and how often they all sleep while the idle CPU is read. */
export const TASKS = 10;
export const IDLE_MS = 500;
export const IDLE_RUNS = 3;

/** Targets from the issue that asked for this experiment: a switch vs one `await` hop. */
export const targets = { ratioToAwait: 0.8, ratioToAwaitTraced: 2.0, idleShare: 0.05 } as const;

/** Each kind of switch, in words. */
export const switchNames: Record<SwitchKind, string> = {
  scheduler: 'lab scheduler, tracing off',
  'scheduler-traced': 'lab scheduler, tracing on',
  await: 'await hop (async functions)',
  setImmediate: 'setImmediate hop',
};

export interface OverheadFigures {
  readonly ns: ReadonlyMap<SwitchKind, Summary>;
  /** Every round's ns per switch by kind, the kinds taking turns within each round: what the paired tests read (absent: untested). */
  readonly samples?: ReadonlyMap<SwitchKind, readonly number[]>;
  readonly idle: IdleCpu;
}

export function overheadFacts(figures: OverheadFigures): { readonly ratioToAwait: number; readonly ratioToAwaitTraced: number; readonly ratioToSetImmediate: number; readonly idleCpuShare: number } {
  const median = (kind: SwitchKind): number => figures.ns.get(kind)!.median;
  return {
    ratioToAwait: median('scheduler') / median('await'),
    ratioToAwaitTraced: median('scheduler-traced') / median('await'),
    ratioToSetImmediate: median('setImmediate') / median('await'),
    idleCpuShare: figures.idle.share,
  };
}

/** What backs one kind's ratio to the await hop: its paired interval and test over the rounds, or that no samples were kept. */
function againstAwait(figures: OverheadFigures, kind: SwitchKind): string {
  const kindNs = figures.samples?.get(kind);
  const awaitNs = figures.samples?.get('await');
  if (kindNs === undefined || awaitNs === undefined) return 'untested: no samples were kept';
  return comparisonBacking(pairedComparison(kindNs, awaitNs));
}

/** Sentences from the measured figures, including whether each target was met (by the point estimate; the interval and the test are beside it). */
export function interpretOverhead(figures: OverheadFigures): string[] {
  const facts = overheadFacts(figures);
  const verdict = (value: number, target: number): string => (value <= target ? `target <= ${formatRatio(target)} met` : `MISSED the target of <= ${formatRatio(target)}`);
  return [
    `One switch between generator tasks in the lab's scheduler costs ${formatRatio(facts.ratioToAwait)} an await hop with tracing off ` +
      `(${againstAwait(figures, 'scheduler')}; ${verdict(facts.ratioToAwait, targets.ratioToAwait)}) and ${formatRatio(facts.ratioToAwaitTraced)} with tracing on ` +
      `(${againstAwait(figures, 'scheduler-traced')}; ${verdict(facts.ratioToAwaitTraced, targets.ratioToAwaitTraced)}): tracing adds one clock read and one typed-array row per step.`,
    `A setImmediate hop costs ${formatRatio(facts.ratioToSetImmediate)} an await hop (${againstAwait(figures, 'setImmediate')}), because each one waits for a full turn of Node's event loop; ` +
      `the scheduler hands over between tasks without leaving JavaScript.`,
    `While ${TASKS} tasks all slept for ${IDLE_MS} ms (median of ${IDLE_RUNS} such periods), the process used ${figures.idle.cpuMs.toFixed(1)} ms of CPU in ${figures.idle.wallMs.toFixed(0)} ms ` +
      `(${formatPercent(facts.idleCpuShare)}; ${facts.idleCpuShare < targets.idleShare ? 'under' : 'NOT under'} the 5% target): ` +
      `with nothing ready the scheduler sleeps on Node's event loop until the next timer instead of polling.`,
  ];
}

/** What `measure` hands to `analyse`: every round's ns per switch by kind, and the idle period. */
export interface OverheadMeasured {
  readonly switches: number;
  readonly warmups: number;
  readonly samples: ReadonlyMap<SwitchKind, readonly number[]>;
  readonly idle: IdleCpu;
}

export interface OverheadRow {
  readonly name: string;
  readonly kind: SwitchKind;
  readonly nsPerSwitch: number;
  readonly minNs: number;
  readonly maxNs: number;
  readonly samples: readonly { readonly round: number; readonly nsPerSwitch: number }[];
}

export type OverheadFacts = ReturnType<typeof overheadFacts> & { readonly idleCpuMs: number; readonly idleWallMs: number };

/** The settings its result states beyond the common ones. */
export type SchedulerOverheadSettings = { tasks: number; switches: number; repeats: number; warmups: number };

/** Tables, facts and sentences, from every round's ns per switch and the idle period. */
export function analyseSchedulerOverhead({ switches, warmups, samples, idle }: OverheadMeasured, context: ExperimentContext): Analysis<OverheadRow, OverheadFacts, SchedulerOverheadSettings> {
  const ns = new Map(switchKinds.map((kind) => [kind, summarize(samples.get(kind)!)]));
  const figures: OverheadFigures = { ns, samples, idle };
  const awaitMedian = ns.get('await')!.median;
  return {
    settings: { tasks: TASKS, switches, repeats: context.repeats, warmups },
    tables: [
      {
        title: `cost of one switch between ${TASKS} tasks (median of ${context.repeats} runs)`,
        head: ['switch', 'ns per switch', 'min-max ns', 'vs await hop'],
        rows: switchKinds.map((kind) => {
          const s = ns.get(kind)!;
          return [switchNames[kind], s.median.toFixed(1), `${s.min.toFixed(1)}-${s.max.toFixed(1)}`, formatRatio(s.median / awaitMedian)];
        }),
      },
    ],
    rows: switchKinds.map((kind) => ({
      name: switchNames[kind],
      kind,
      nsPerSwitch: ns.get(kind)!.median,
      minNs: ns.get(kind)!.min,
      maxNs: ns.get(kind)!.max,
      samples: samples.get(kind)!.map((value, i) => ({ round: i + 1, nsPerSwitch: value })),
    })),
    facts: { ...overheadFacts(figures), idleCpuMs: idle.cpuMs, idleWallMs: idle.wallMs },
    notes: interpretOverhead(figures),
  };
}
