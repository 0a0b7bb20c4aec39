import { levenbergMarquardt } from 'ml-levenberg-marquardt';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { median } from '../src/measure/stats.ts';
import { bootstrapUsl, fitUsl, uslSpeedup, type RepeatedPoint } from '../src/measure/usl.ts';

// The real solver, watched: each call's data, model, Jacobian, starting point and iteration cap.
vi.mock('ml-levenberg-marquardt', async (importOriginal) => {
  const actual = await importOriginal<typeof import('ml-levenberg-marquardt')>();
  return { ...actual, levenbergMarquardt: vi.fn((...args: Parameters<typeof actual.levenbergMarquardt>) => actual.levenbergMarquardt(...args)) };
});
const solver = vi.mocked(levenbergMarquardt);
beforeEach(() => {
  solver.mockClear();
});

const counts = [1, 2, 4, 8, 16, 32];
const curve = (sigma: number, kappa: number) => counts.map((threads) => ({ threads, speedup: uslSpeedup(sigma, kappa, threads) }));

describe('the USL fit, as handed to Levenberg-Marquardt', () => {
  it('fits the measured speedups against the thread counts with the law itself', () => {
    const points = curve(0.05, 0.001);
    fitUsl(points);
    const [data, model] = solver.mock.calls[0]!;
    expect(data).toEqual({ x: counts, y: points.map((p) => p.speedup) });
    for (const n of [1, 3, 40]) expect(model([0.2, 0.003])(n)).toBe(uslSpeedup(0.2, 0.003, n));
  });

  it('gives the exact partial derivatives of the law in σ and κ', () => {
    fitUsl(curve(0.05, 0.001));
    const jacobian = solver.mock.calls[0]![2].jacobianFunction!;
    const h = 1e-7;
    for (const [sigma, kappa] of [[0.05, 0.001], [0.3, 0.02]] as const) {
      for (const n of [2, 5, 24]) {
        const [dSigma, dKappa] = jacobian([sigma, kappa])(n);
        const numericSigma = (uslSpeedup(sigma + h, kappa, n) - uslSpeedup(sigma - h, kappa, n)) / (2 * h);
        const numericKappa = (uslSpeedup(sigma, kappa + h, n) - uslSpeedup(sigma, kappa - h, n)) / (2 * h);
        expect(dSigma).toBeCloseTo(numericSigma, 5);
        expect(dKappa).toBeCloseTo(numericKappa, 4);
        expect(dSigma).toBeLessThan(0);
        expect(dKappa).toBeLessThan(dSigma!);
      }
    }
  });

  it('starts a full fit from the linearised solution and three spread guesses, 100 iterations each, within [0, 1]', () => {
    fitUsl(curve(0.05, 0.001));
    expect(solver).toHaveBeenCalledTimes(4);
    const [first, ...rest] = solver.mock.calls.map(([, , options]) => options);
    expect(first!.initialValues![0]).toBeCloseTo(0.05, 12);
    expect(first!.initialValues![1]).toBeCloseTo(0.001, 12);
    expect(rest.map((o) => o.initialValues)).toEqual([[0.05, 0.001], [0.3, 0.01], [0.01, 0.1]]);
    for (const options of [first!, ...rest]) {
      expect(options.maxIterations).toBe(100);
      expect(options.minValues).toEqual([0, 0]);
      expect(options.maxValues).toEqual([1, 1]);
    }
  });

  it('starts a refit only from the linearised solution and the given point, 30 iterations each', () => {
    fitUsl(curve(0.05, 0.001), [0.2, 0.004]);
    expect(solver).toHaveBeenCalledTimes(2);
    const options = solver.mock.calls.map(([, , o]) => o);
    expect(options[1]!.initialValues).toEqual([0.2, 0.004]);
    expect(options.map((o) => o.maxIterations)).toEqual([30, 30]);
  });

  it('bootstraps with refits that start near the fit of the medians', () => {
    const spread = [0.9, 1, 1.1];
    const repeated: RepeatedPoint[] = counts.map((threads, i) => ({ threads, wallMs: spread.map((f) => (f + 0.01 * i) * (1000 / uslSpeedup(0.05, 0.001, threads))) }));
    const whole = fitUsl(repeated.map((p) => ({ threads: p.threads, speedup: median(repeated[0]!.wallMs) / median(p.wallMs) })))!;
    solver.mockClear();
    bootstrapUsl(repeated[0]!, repeated, { resamples: 3 });
    const refits = solver.mock.calls.slice(4).map(([, , o]) => o);
    expect(refits).toHaveLength(6);
    for (const [i, options] of refits.entries()) if (i % 2 === 1) expect(options.initialValues).toEqual([whole.sigma, whole.kappa]);
  });
});
