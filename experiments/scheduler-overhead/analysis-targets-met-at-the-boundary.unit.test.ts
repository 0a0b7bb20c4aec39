import { describe, expect, it } from 'vitest';
import { analyseSchedulerOverhead, interpretOverhead, overheadFacts, type OverheadFigures } from './analysis.ts';
import type { ExperimentContext } from '../../src/experiment/context.ts';
import { summarize } from '../../src/measure/stats.ts';
import type { SwitchKind } from '../../src/measure/switch-cost.ts';
import { resultTable } from '../../test/helpers/result-table.ts';

/** Seven rounds around `ns`, each kind's rounds moving alike (the kinds took turns within a round). */
const rounds = (ns: number): number[] => [0, 1, -1, 2, -2, 0.5, -0.5].map((d) => ns + (d * ns) / 100);

function samplesOf(ns: Readonly<Record<SwitchKind, number>>): Map<SwitchKind, number[]> {
  return new Map((Object.keys(ns) as SwitchKind[]).map((kind) => [kind, rounds(ns[kind])]));
}

function figuresOf(ns: Readonly<Record<SwitchKind, number>>, share: number, withSamples = true): OverheadFigures {
  const samples = samplesOf(ns);
  return { ns: new Map([...samples].map(([kind, s]) => [kind, summarize(s)])), ...(withSamples && { samples }), idle: { cpuMs: 24.6, wallMs: 500.4, share } };
}

describe('scheduler-overhead: a switch against an await hop, and the CPU of an idle scheduler', () => {
  it('meets a target that the ratio equals, and misses the idle target that the share equals', () => {
    const samples = samplesOf({ scheduler: 40, 'scheduler-traced': 100, await: 50, setImmediate: 400 });
    const analysis = analyseSchedulerOverhead({ switches: 1000, warmups: 1, samples, idle: { cpuMs: 25.02, wallMs: 500.4, share: 0.05 } }, { repeats: 7 } as ExperimentContext);
    expect(analysis.settings).toEqual({ tasks: 10, switches: 1000, repeats: 7, warmups: 1 });
    expect(analysis.tables).toEqual([
      resultTable('cost of one switch between 10 tasks (median of 7 runs)', `
        switch | ns per switch | min-max ns | vs await hop
        lab scheduler, tracing off | 40.0 | 39.2-40.8 | 0.80x
        lab scheduler, tracing on | 100.0 | 98.0-102.0 | 2.00x
        await hop (async functions) | 50.0 | 49.0-51.0 | 1.00x
        setImmediate hop | 400.0 | 392.0-408.0 | 8.00x
      `),
    ]);
    expect(analysis.rows.map(({ samples: _, ...r }) => r)).toEqual([
      { name: 'lab scheduler, tracing off', kind: 'scheduler', nsPerSwitch: 40, minNs: 39.2, maxNs: 40.8 },
      { name: 'lab scheduler, tracing on', kind: 'scheduler-traced', nsPerSwitch: 100, minNs: 98, maxNs: 102 },
      { name: 'await hop (async functions)', kind: 'await', nsPerSwitch: 50, minNs: 49, maxNs: 51 },
      { name: 'setImmediate hop', kind: 'setImmediate', nsPerSwitch: 400, minNs: 392, maxNs: 408 },
    ]);
    expect(analysis.rows[1]!.samples).toEqual(rounds(100).map((nsPerSwitch, i) => ({ round: i + 1, nsPerSwitch })));
    expect(analysis.facts).toEqual({ ratioToAwait: 0.8, ratioToAwaitTraced: 2, ratioToSetImmediate: 8, idleCpuShare: 0.05, idleCpuMs: 25.02, idleWallMs: 500.4 });
    expect(analysis.notes).toEqual([
      "One switch between generator tasks in the lab's scheduler costs 0.80x an await hop with tracing off ([0.80-0.80], p = 0.016, Wilcoxon signed-rank over 7 paired rounds; target <= 0.80x met) " +
        'and 2.00x with tracing on ([2.00-2.00], p = 0.016, Wilcoxon signed-rank over 7 paired rounds; target <= 2.00x met): tracing adds one clock read and one typed-array row per step.',
      "A setImmediate hop costs 8.00x an await hop ([8.00-8.00], p = 0.016, Wilcoxon signed-rank over 7 paired rounds), because each one waits for a full turn of Node's event loop; " +
        'the scheduler hands over between tasks without leaving JavaScript.',
      'While 10 tasks all slept for 500 ms (median of 3 such periods), the process used 25.0 ms of CPU in 500 ms (5.0%; NOT under the 5% target): ' +
        "with nothing ready the scheduler sleeps on Node's event loop until the next timer instead of polling.",
    ]);
  });

  it('says MISSED past a target and under below the idle one', () => {
    const notes = interpretOverhead(figuresOf({ scheduler: 45, 'scheduler-traced': 105, await: 50, setImmediate: 400 }, 0.049));
    expect(notes[0]).toContain('costs 0.90x an await hop with tracing off ([0.90-0.90], p = 0.016, Wilcoxon signed-rank over 7 paired rounds; MISSED the target of <= 0.80x)');
    expect(notes[0]).toContain('and 2.10x with tracing on ([2.10-2.10], p = 0.016, Wilcoxon signed-rank over 7 paired rounds; MISSED the target of <= 2.00x)');
    expect(notes[2]).toBe(
      'While 10 tasks all slept for 500 ms (median of 3 such periods), the process used 24.6 ms of CPU in 500 ms (4.9%; under the 5% target): ' +
        "with nothing ready the scheduler sleeps on Node's event loop until the next timer instead of polling.",
    );
  });

  it('says a ratio is untested when no rounds were kept, or none of the await hop', () => {
    const ns = { scheduler: 40, 'scheduler-traced': 100, await: 50, setImmediate: 400 };
    const none = interpretOverhead(figuresOf(ns, 0.01, false));
    expect(none[0]).toContain('0.80x an await hop with tracing off (untested: no samples were kept; target <= 0.80x met) and 2.00x with tracing on (untested: no samples were kept; target <= 2.00x met)');
    expect(none[1]).toContain('A setImmediate hop costs 8.00x an await hop (untested: no samples were kept), because');
    const noAwait = figuresOf(ns, 0.01);
    const samples = new Map(noAwait.samples);
    samples.delete('await');
    expect(interpretOverhead({ ...noAwait, samples })[1]).toContain('8.00x an await hop (untested: no samples were kept)');
    const noScheduler = new Map(noAwait.samples);
    noScheduler.delete('scheduler');
    expect(interpretOverhead({ ...noAwait, samples: noScheduler })[0]).toContain('with tracing off (untested: no samples were kept; target <= 0.80x met) and 2.00x with tracing on ([2.00-2.00], p = 0.016');
  });

  it('takes every ratio from the medians', () => {
    expect(overheadFacts(figuresOf({ scheduler: 30, 'scheduler-traced': 60, await: 40, setImmediate: 200 }, 0.02))).toEqual({ ratioToAwait: 0.75, ratioToAwaitTraced: 1.5, ratioToSetImmediate: 5, idleCpuShare: 0.02 });
  });
});
