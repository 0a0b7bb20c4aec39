import { describe, expect, it } from 'vitest';
import { analyseScaling, type ScalingPoint } from './analysis.ts';
import { analyseUsl, interpretUsl, predictionRefusal, uslFacts } from './usl.ts';
import { scaling } from './index.ts';
import { UsageError } from '../../src/errors/usage-error.ts';
import { uslSpeedup } from '../../src/measure/usl.ts';
import { formatRatio } from '../../src/report/format.ts';
import { svgSpeedupChart } from '../../src/draw/index.ts';
import { tinyContext } from '../../test/helpers/context.ts';
import { lab } from '../../test/helpers/lab-in-process.ts';
import { elements, parseSvg } from '../../test/helpers/svg.ts';

/** Points that follow a USL curve exactly: one-thread time 1000 ms. */
const onCurve = (sigma: number, kappa: number, counts: readonly number[]): ScalingPoint[] =>
  counts.map((threads) => {
    const ms = 1000 / uslSpeedup(sigma, kappa, threads);
    return { threads, medianMs: ms, minMs: ms, maxMs: ms, checksumOk: true };
  });

describe('scaling fits the Universal Scalability Law', () => {
  it('on a machine with enough cores, fits only the counts up to the cores and predicts, saying it is a model', () => {
    const rows = analyseScaling(onCurve(0.04, 0.002, [1, 2, 3, 4, 5, 6, 7, 8, 12, 16]), 48, 8).rows;
    const usl = analyseUsl(rows, 8, 40);
    expect(usl.fitted).toEqual([1, 2, 3, 4, 5, 6, 7, 8]);
    const facts = uslFacts(usl);
    expect(facts.uslSigma).toBeCloseTo(0.04, 6);
    expect(facts.uslKappa).toBeCloseTo(0.002, 7);
    expect(facts.uslPeakN).toBeCloseTo(Math.sqrt(0.96 / 0.002), 3);
    // 1000 ms on one thread: the fitted one-thread throughput λ is 1 run per second.
    expect(facts.uslLambda).toBeCloseTo(1, 10);
    expect(facts).toMatchObject({ uslFitPoints: 8, uslFitThreadsMax: 8, uslFitWithinCores: 1 });
    expect(usl.prediction!.speedup).toBeCloseTo(uslSpeedup(0.04, 0.002, 40), 6);
    const notes = interpretUsl(usl).join('\n');
    expect(notes).toContain(
      'fitted by nonlinear least squares to the throughput (runs per second) of 8 thread counts (1-8), λ free: one-thread throughput λ = 1.00 runs/s, contention σ = 4.0%, coherency κ = 0.0020, so speedup would peak at N* = 21.9 threads',
    );
    expect(notes).toContain('The measured one-thread throughput, 1.00 runs/s, equals the fitted λ (within 0.05%).');
    // The counts past the cores are measured but not fitted, and the note names them, as the Amdahl note names what it leaves out.
    expect(notes).toContain('The USL fit leaves out 12, 16 threads (past the 8 cores, where threads take turns).');
    expect(notes).toContain(`Model, not a measurement: the USL fitted to 1-8 threads predicts a speedup over λ of ${uslSpeedup(0.04, 0.002, 40).toFixed(2)}x at 40 threads; nothing was run at 40 threads.`);
    expect(notes).not.toContain('oversubscription');
    expect(notes).not.toContain('demonstration');
  });

  it('on 2 cores, fits past the cores, says that describes time-sharing, calls itself a demonstration and refuses to predict', () => {
    const rows = analyseScaling(onCurve(0.1, 0.05, [1, 2, 3, 4]), 24, 2).rows;
    const usl = analyseUsl(rows, 2, 16);
    expect(usl.fitted).toEqual([1, 2, 3, 4]);
    expect(uslFacts(usl).uslFitWithinCores).toBe(0);
    const notes = interpretUsl(usl).join('\n');
    expect(notes).toContain('2 of those thread counts lie past the 2 cores, where they measure oversubscription (threads taking turns on the cores), not contention: this fit describes this machine\'s time-sharing');
    expect(notes).toContain('This machine has 2 cores: a USL fit wants at least 6 thread counts up to the cores, so the fit above is a demonstration; the real one needs a machine with more cores.');
    expect(notes).toContain('No prediction at 16 threads: --predict needs a USL fit on at least 6 thread counts up to the cores; this machine has 2 cores, so the sweep has 2');
    expect(usl.prediction!.speedup).toBeUndefined();
  });

  it('says so when more threads never helped (a busy machine): the fitted peak lies below one thread', () => {
    const point = (threads: number, ms: number): ScalingPoint => ({ threads, medianMs: ms, minMs: ms, maxMs: ms, checksumOk: true });
    const usl = analyseUsl(analyseScaling([point(1, 100), point(2, 120), point(3, 130), point(4, 125)], 24, 2).rows, 2);
    expect(usl.fit!.peakN).toBeLessThan(1);
    // λ is fitted, not pinned to the one-thread point (10 runs per second), and the notes say how far apart they lie.
    expect(usl.fit!.lambda).not.toBe(10);
    const gap = 10 / usl.fit!.lambda - 1;
    expect(interpretUsl(usl)[1]).toBe(
      `The measured one-thread throughput, 10.0 runs/s, is ${(Math.abs(gap) * 100).toFixed(1)}% ${gap < 0 ? 'below' : 'above'} the fitted λ, so the USL column and curve (λ·S(N) over the measured one thread, like the other speedups) start at ${(usl.fit!.lambda / 10).toFixed(2)}x, untested: no repeats were kept to bootstrap.`,
    );
    expect(interpretUsl(usl)[0]).toMatch(/so the fitted curve never rises above one thread: in this run more threads never helped \(N\* = \d\.\d\) \(rms error/);
    // With repeats, the note carries λ's bootstrap interval, and the curve's start that interval over the measured one-thread throughput.
    const spread = (ms: number): ScalingPoint['samples'] => [-3, -2, -1, 0, 1, 2, 3].map((d, i) => ({ round: i + 1, wallMs: ms + d }));
    const repeated = analyseUsl(analyseScaling([point(1, 100), point(2, 120), point(3, 130), point(4, 125)].map((p) => ({ ...p, samples: spread(p.medianMs) })), 24, 2).rows, 2);
    const { uslLambda: lambda, uslLambdaLow: low, uslLambdaHigh: high } = uslFacts(repeated);
    const inside = 10 >= low && 10 <= high ? 'inside' : 'outside';
    expect(interpretUsl(repeated)[1]).toContain(
      `the fitted λ, ${inside} λ's 95% bootstrap interval [${low.toPrecision(3)}-${high.toPrecision(3)}] runs/s, so the USL column and curve (λ·S(N) over the measured one thread, like the other speedups) start at ${formatRatio(lambda / 10)} [${(low / 10).toFixed(2)}-${(high / 10).toFixed(2)}] (λ's interval over the measured throughput).`,
    );
  });

  it('leaves impossible points out of the fit, as Amdahl does', () => {
    const points = onCurve(0.3, 0.02, [1, 2, 3, 4]).map((p) => (p.threads === 2 ? { ...p, samples: [1, 2, 3].map((round) => ({ round, wallMs: 300 })) } : { ...p, samples: [1, 2, 3].map((round) => ({ round, wallMs: p.medianMs })) }));
    const rows = analyseScaling(points.map((p) => (p.threads === 2 ? { ...p, medianMs: 300, minMs: 300, maxMs: 300 } : p)), 24, 2).rows;
    expect(rows[1]!.impossible).toBeDefined();
    const usl = analyseUsl(rows, 2);
    expect(usl.fitted).toEqual([1, 3, 4]);
    expect(usl.leftOut).toEqual([{ threads: 2, why: 'impossible' }]);
    expect(interpretUsl(usl)).toContain('The USL fit leaves out 2 threads (impossible, not clamped).');
    expect(usl.intervals!.resamples).toBe(400);
    expect(uslFacts(usl).uslLambdaLow).toBeLessThanOrEqual(uslFacts(usl).uslLambda);
    expect(uslFacts(usl).uslLambdaHigh).toBeGreaterThanOrEqual(uslFacts(usl).uslLambda);
  });

  it('refuses --predict before measuring anything when the sweep has too few counts up to the cores', async () => {
    expect(predictionRefusal(6, 8)).toBeUndefined();
    expect(predictionRefusal(2, 2)).toMatch(/^--predict needs a USL fit on at least 6 thread counts up to the cores/);
    const cores = tinyContext().machine.availableParallelism;
    if (cores < 6) await expect(scaling.run(tinyContext({ predict: 64 }))).rejects.toBeInstanceOf(UsageError);
  });

  it('measures up to --max-threads and draws the USL curve on the speedup chart', async () => {
    const result = await scaling.run(tinyContext({ threads: 1, maxThreads: 3 }));
    expect(result.rows.map((r) => r.threads)).toEqual([1, 2, 3]);
    expect(result.facts).toMatchObject({ maxThreads: 3, uslFitPoints: 3 });
    for (const fact of ['uslSigma', 'uslKappa', 'uslLambda'] as const) expect(result.facts[fact]).toBeGreaterThanOrEqual(0);
    expect(result.facts.uslLambdaLow).toBeLessThanOrEqual(result.facts.uslLambdaHigh);
    // The chart's curve is λ·S(N) over the measured one thread: λ over 1000 / oneThreadMs runs per second.
    expect(result.speedupCharts![0]!.usl).toEqual({ sigma: result.facts.uslSigma, kappa: result.facts.uslKappa, lambda: result.facts.uslLambda / (1000 / result.facts.oneThreadMs) });
    expect(result.tables[0]!.head).toContain('USL fit');
  });

  it('the chart draws the USL curve through the law, with its σ and κ in the legend', () => {
    const root = parseSvg(svgSpeedupChart({ title: 't', points: [{ threads: 1, speedup: 1 }, { threads: 12, speedup: 1.5 }], cores: 2, usl: { sigma: 0.1, kappa: 0.05 } }));
    const curve = elements(root, 'polyline').find((e) => e.class === 'usl')!;
    expect(curve).toBeDefined();
    const ys = String(curve.points).split(' ').map((p) => Number(p.split(',')[1]));
    // The law rises then falls (peak at √(0.9/0.05) ≈ 4.2): the curve's highest point (smallest y) is inside, not at an end.
    const top = ys.indexOf(Math.min(...ys));
    expect(top).toBeGreaterThan(0);
    expect(top).toBeLessThan(ys.length - 1);
    expect(elements(root, 'text').map((t) => String(typeof t === 'object' ? t['#text'] : t))).toContain('USL, σ = 0.10, κ = 0.050');
    // With λ over the measured one thread, the curve starts at λ (higher on the chart, a smaller y), and the legend says so.
    const scaled = parseSvg(svgSpeedupChart({ title: 't', points: [{ threads: 1, speedup: 1 }, { threads: 12, speedup: 1.5 }], cores: 2, usl: { sigma: 0.1, kappa: 0.05, lambda: 1.2 } }));
    const firstY = (r: typeof root): number => Number(String(elements(r, 'polyline').find((e) => e.class === 'usl')!.points).split(' ')[0]!.split(',')[1]);
    expect(firstY(scaled)).toBeLessThan(firstY(root));
    expect(elements(scaled, 'text').map((t) => String(typeof t === 'object' ? t['#text'] : t))).toContain('USL, σ = 0.10, κ = 0.050, λ = 1.20x the measured one thread');
    expect(() => svgSpeedupChart({ title: 't', points: [], cores: 2, usl: { sigma: 0, kappa: 0, lambda: 0 } })).toThrow('options.usl.lambda must be a finite number > 0; got 0');
    expect(() => svgSpeedupChart({ title: 't', points: [], cores: 2, usl: { sigma: -1, kappa: 0 } })).toThrow('options.usl must have finite sigma and kappa >= 0');
  });

  it('on the command line: --predict on too few cores and --max-threads on another experiment exit 2 with one line', async () => {
    const cores = tinyContext().machine.availableParallelism;
    if (cores < 6) {
      const refused = await lab('scaling', '--predict', '64', '--no-save');
      expect(refused.code).toBe(2);
      expect(refused.stderr).toMatch(/^lab: --predict needs a USL fit on at least 6 thread counts up to the cores; this machine has \d cores?, so the sweep has \d: a fit here is a demonstration, not a model to predict from\n$/);
    }
    const elsewhere = await lab('cpu-bound', '--max-threads', '3');
    expect(elsewhere.code).toBe(2);
    expect(elsewhere.stderr).toMatch(/^lab: --max-threads does not apply to an experiment \(cpu-bound\); it takes --quick, /);
    expect(elsewhere.stderr).not.toContain('--predict');
  });
});
