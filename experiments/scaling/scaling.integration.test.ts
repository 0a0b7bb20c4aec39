import { describe, expect, it } from 'vitest';
import { analyseScaling, type ScalingPoint } from './analysis.ts';
import { interpretScaling } from './analysis-notes.ts';
import { scaling, scalingWorkload, threadCounts } from './index.ts';
import { samplesOf } from '../../src/measure/samples.ts';
import { median } from '../../src/measure/stats.ts';
import { untestedClaims } from '../../test/helpers/claims.ts';
import { tinyContext } from '../../test/helpers/context.ts';

const point = (threads: number, medianMs: number): ScalingPoint => ({ threads, medianMs, minMs: medianMs, maxMs: medianMs, checksumOk: true });

/** `count` runs spread ±`spread` ms around `ms` (evenly, their median `ms`), each thread count in its own block. */
function runs(threads: number, ms: number, spread = 0.5, count = 6): ScalingPoint {
  const wallMs = Array.from({ length: count }, (_, i) => ms + spread * (2 * i / (count - 1) - 1));
  return { threads, medianMs: median(wallMs), minMs: Math.min(...wallMs), maxMs: Math.max(...wallMs), checksumOk: true, samples: samplesOf(wallMs) };
}

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

  it('says where the knee is and what the fit and e(n) read, each comparison with its test, from the numbers it is given', () => {
    // Six runs a count: 1 thread clearly apart from 2; 2, 3 and 4 threads overlapping, so no step past the cores differs measurably.
    const notes = interpretScaling(analyseScaling([runs(1, 100, 1), runs(2, 55, 2), runs(3, 54, 2), runs(4, 56, 2)], 24, 2)).join('\n');
    expect(notes).toMatch(/^speedup rose to 1\.82x \[\d\.\d\d-\d\.\d\d\] at 2 threads, measurably faster than 1 thread \(p = 0\.002, Mann-Whitney U over 6 and 6 runs; 95% bootstrap interval in brackets\); 91% efficiency, ideal 2\.00x\./);
    expect(notes).toMatch(
      /Past the 2 cores speedup stayed flat \(3 against 2 threads: no measurable difference, 1\.02x, p = 0\.\d{3}; 4 against 3 threads: no measurable difference, 0\.96x, p = 0\.\d{3}; Mann-Whitney U over the runs of each pair of counts, p Holm-adjusted over the 2 steps\): the knee is at the 2 cores/,
    );
    expect(notes).toMatch(/The highest median speedup was 1\.85x \[\d\.\d\d-\d\.\d\d\] at 3 threads; 3 against 2 threads: no measurable difference, 1\.02x, p = 0\.\d{3}, Mann-Whitney U\./);
    expect(notes).toMatch(
      /Amdahl's law fitted to 1-2 threads gives a serial fraction s = 10% \[\d+\.?\d*%-\d+\.?\d*%\] \(the model's ceiling on any number of cores, 1\/s, is 10\.00x \[\d+\.\d\d-\d+\.\d\d\]; 95% intervals from a seeded bootstrap over the repeats, 2000 resamples; one thread count above one to fit/,
    );
    expect(notes).toContain('The Karp-Flatt fraction e(n) was 10% up to the cores and 31% to 41% past them: it climbs once threads outnumber cores, the knee in another form');
    expect(untestedClaims({ notes: notes.split('\n'), tables: [] })).toEqual([]);
  });

  it('says when speedup still rose or fell past the cores, when it cannot tell, and when the knee was not measured', () => {
    const rising = interpretScaling(analyseScaling([runs(1, 100), runs(2, 70), runs(3, 55)], 24, 2)).join('\n');
    expect(rising).toContain(
      'Past the 2 cores speedup still rose (3 against 2 threads: measurably faster, 1.27x, p = 0.002; Mann-Whitney U over the runs of each pair of counts): the cores were not all busy at 2 threads, so no knee at the 2 cores in this run.',
    );
    expect(rising).toContain('Only 71% efficiency on 2 threads: other programs were probably using the cores');
    const falling = interpretScaling(analyseScaling([runs(1, 100), runs(2, 50), runs(3, 70)], 24, 2)).join('\n');
    expect(falling).toContain('Past the 2 cores speedup fell (3 against 2 threads: measurably slower, 0.71x, p = 0.002; Mann-Whitney U over the runs of each pair of counts): the knee is at the 2 cores');
    expect(falling).not.toContain('other programs');
    // Three runs a count: Mann-Whitney U cannot reach p < 0.05 (at best p = 0.1), so nothing is claimed.
    const few = interpretScaling(analyseScaling([runs(1, 100, 0, 3), runs(2, 50, 0, 3), runs(3, 70, 0, 3)], 24, 2)).join('\n');
    expect(few).toMatch(/^speedup was 2\.00x \[\d\.\d\d-\d\.\d\d\] at 2 threads, too few repeats for a verdict against 1 thread \(n = 3\)/);
    expect(few).toContain('Past the 2 cores: 3 against 2 threads: 0.71x, too few repeats for a verdict (n = 3); too few repeats to tell whether speedup still rose, stayed flat or fell, so this run does not place the knee.');
    // Figures without repeats: nothing to test, and it says so.
    const bare = interpretScaling(analyseScaling([point(1, 100), point(2, 55), point(3, 54)], 24, 2)).join('\n');
    expect(bare).toContain('speedup was 1.82x at 2 threads, untested: no repeats were kept; 91% efficiency');
    expect(bare).toContain('Past the 2 cores: 3 against 2 threads 1.02x, untested: no repeats were kept, so this run does not place the knee.');
    expect(bare).toContain("the model's ceiling on any number of cores, 1/s, is 10.00x, untested: no repeats were kept to bootstrap");
    const short = interpretScaling(analyseScaling([runs(1, 100), runs(2, 52)], 24, 4)).join('\n');
    expect(short).toContain('No thread count past the 4 cores was measured, so the knee is not in this run');
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
