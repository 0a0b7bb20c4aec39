import { describe, expect, it } from 'vitest';
import { analyseScaling, interpretScaling, type ScalingPoint } from '../experiments/scaling-analysis.ts';
import { scaling, scalingWorkload, threadCounts } from '../experiments/scaling.ts';
import { tinyContext } from './helpers/context.ts';

const point = (threads: number, medianMs: number): ScalingPoint => ({ threads, medianMs, minMs: medianMs, maxMs: medianMs, checksumOk: true });

describe('scaling experiment', () => {
  it('measures every thread count from 1 to twice --threads, with identical checksums and the chart data in rows and facts', async () => {
    const result = await scaling.run(tinyContext({ threads: 2 }));
    const rows = result.rows;
    expect(rows.map((r) => r.threads)).toEqual([1, 2, 3, 4]);
    for (const r of rows) {
      expect(r.checksumOk).toBe(true);
      expect(typeof r.speedup).toBe('number');
    }
    expect(rows[0]!.speedup).toBe(1);
    expect(rows[0]!.karpFlatt).toBeNull();
    expect(rows[1]!.karpFlatt).toEqual(expect.any(Number));
    expect(result.facts).toMatchObject({ cores: expect.any(Number), maxThreads: 4 });
    expect(result.facts.amdahlSerialFraction).toEqual(expect.any(Number));
    // The speedup chart is drawn from the same points and fit.
    expect(result.speedupCharts).toHaveLength(1);
    expect(result.speedupCharts![0]).toMatchObject({ cores: result.facts.cores, serialFraction: result.facts.amdahlSerialFraction });
    expect(result.speedupCharts![0]!.points).toEqual(rows.map((r) => ({ threads: r.threads, speedup: r.speedup })));
    // Speedups are not asserted: on a shared machine they depend on who else is running. The structure is.
    for (const r of rows) expect(r.efficiency).toBeCloseTo(r.speedup / r.threads, 12);
    expect(result.notes.join('\n')).not.toContain('CHECKSUMS DIFFER');
    expect(result.tables[0]!.rows.some((cells) => cells.includes('all busy <- knee'))).toBe(result.facts.cores <= 4);
  });

  it('chooses thread counts that always include the cores and their neighbours', () => {
    expect(threadCounts(4, 2)).toEqual([1, 2, 3, 4]);
    expect(threadCounts(32, 16)).toEqual([1, 2, 3, 4, 6, 8, 12, 15, 16, 17, 24, 32]);
    expect(scalingWorkload(true, 4).tasks).toHaveLength(24);
    expect(scalingWorkload(true, 32).tasks).toHaveLength(192);
  });

  it('computes speedup, the Amdahl fit on counts up to the cores and Karp-Flatt per count, by hand', () => {
    // Speedups 1, 100/55, 100/54, 100/56. e(2) = (0.55 - 0.5)/0.5 = 0.1, the only point inside the cores: s = 0.1.
    const a = analyseScaling([point(1, 100), point(2, 55), point(3, 54), point(4, 56)], 24, 2);
    expect(a.fit!.serialFraction).toBeCloseTo(0.1, 12);
    expect(a.rows[1]!.speedup).toBeCloseTo(100 / 55, 12);
    expect(a.rows[1]!.karpFlatt).toBeCloseTo(0.1, 12);
    expect(a.rows[3]!.karpFlatt).toBeCloseTo((0.56 - 0.25) / 0.75, 12);
    expect(a.rows[3]!.efficiency).toBeCloseTo(100 / 56 / 4, 12);
    // Past the cores the fitted curve stays at its value on the cores: S(2) = 1/(0.1 + 0.45).
    expect(a.rows[3]!.amdahlSpeedup).toBeCloseTo(1 / 0.55, 12);
    expect(a.rows.map((r) => r.beyondCores)).toEqual([false, false, true, true]);
    expect(a.rows.map((r) => r.idealSpeedup)).toEqual([1, 2, 2, 2]);
  });

  it('says where the knee is and what the fit and e(n) read, from the numbers it is given', () => {
    const notes = interpretScaling(analyseScaling([point(1, 100), point(2, 55), point(3, 54), point(4, 56)], 24, 2)).join('\n');
    expect(notes).toContain('speedup rose to 1.82x at 2 threads (91% efficiency, ideal 2.00x), then stayed flat (within ±1.9%) from 3 to 4 threads: the knee is at the 2 cores');
    expect(notes).toContain('The best was 1.85x at 3 threads.');
    expect(notes).toContain("Amdahl's law fitted to 1-2 threads gives a serial fraction s = 10% (a ceiling of 10.00x on any number of cores; one thread count above one to fit");
    expect(notes).toContain('The Karp-Flatt fraction e(n) was 10% up to the cores and 31% to 41% past them: it climbs once threads outnumber cores, the knee in another form');
  });

  it('says when speedup still rose past the cores, and when the knee was not measured', () => {
    const rising = interpretScaling(analyseScaling([point(1, 100), point(2, 70), point(3, 55)], 24, 2)).join('\n');
    expect(rising).toContain('then still rose (up to +27%, so the cores were not all busy at 2 threads) from 3 to 3 threads: no knee at the 2 cores in this run.');
    expect(rising).toContain('Only 71% efficiency on 2 threads: other programs were probably using the cores');
    const falling = interpretScaling(analyseScaling([point(1, 100), point(2, 50), point(3, 70)], 24, 2)).join('\n');
    expect(falling).toContain('then fell (down to -29%) from 3 to 3 threads: the knee is at the 2 cores');
    expect(falling).not.toContain('other programs');
    const short = interpretScaling(analyseScaling([point(1, 100), point(2, 52)], 24, 4)).join('\n');
    expect(short).toContain('no thread count past the 4 cores was measured, so the knee is not in this run');
  });

  it('puts a checksum mismatch first', () => {
    const notes = interpretScaling(analyseScaling([point(1, 100), { ...point(2, 50), checksumOk: false }], 24, 2));
    expect(notes[0]).toBe('CHECKSUMS DIFFER at 2 threads: those runs did different work, and their times mean nothing.');
  });
});

describe('scaling speedup intervals', () => {
  it('come from a seeded bootstrap over the unpaired samples of each block, and say so', () => {
    const withSamples = (threads: number, wallMs: number[]): ScalingPoint => ({ ...point(threads, [...wallMs].sort((a, b) => a - b)[wallMs.length >> 1]!), samples: wallMs.map((ms, i) => ({ round: i + 1, wallMs: ms })) });
    const a = analyseScaling([withSamples(1, [100, 102, 98, 101, 99]), withSamples(2, [50, 52, 49, 51, 48])], 24, 2);
    const two = a.rows[1]!;
    expect(two.speedupMethod).toBe('bootstrap, unpaired');
    expect(two.speedupLow!).toBeLessThanOrEqual(two.speedup);
    expect(two.speedupHigh!).toBeGreaterThanOrEqual(two.speedup);
    expect(analyseScaling([withSamples(1, [100, 102, 98, 101, 99]), withSamples(2, [50, 52, 49, 51, 48])], 24, 2)).toEqual(a);
    expect(analyseScaling([point(1, 100), point(2, 50)], 24, 2).rows[1]!.speedupMethod).toBeUndefined();
  });
});
