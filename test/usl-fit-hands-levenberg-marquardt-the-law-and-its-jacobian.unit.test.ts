import { levenbergMarquardt } from 'ml-levenberg-marquardt';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { bootstrapUsl, fitUsl, profiledLambda, uslResamples, uslSpeedup, uslStarts, uslThroughput, USL_GUESSES, type RepeatedPoint } from '../src/measure/usl.ts';

// The real solver, watched: each call's data, model, Jacobian, starting point, bounds, iteration cap and tolerance.
vi.mock('ml-levenberg-marquardt', async (importOriginal) => {
  const actual = await importOriginal<typeof import('ml-levenberg-marquardt')>();
  return { ...actual, levenbergMarquardt: vi.fn((...args: Parameters<typeof actual.levenbergMarquardt>) => actual.levenbergMarquardt(...args)) };
});
const solver = vi.mocked(levenbergMarquardt);
beforeEach(() => {
  solver.mockClear();
});

const counts = [1, 2, 4, 8, 16, 32];
/** Throughputs on the law with λ = 50 runs per second; the largest per-thread throughput is λ itself, at one thread. */
const curve = (sigma: number, kappa: number) => counts.map((threads) => ({ threads, throughput: uslThroughput(50, sigma, kappa, threads) }));
const optionsOf = () => solver.mock.calls.map(([, , options]) => options);

describe('the USL fit, as handed to Levenberg-Marquardt', () => {
  it('fits the throughputs, divided by their largest per-thread value, against the thread counts with the law λN / (1 + σ(N−1) + κN(N−1))', () => {
    const points = curve(0.05, 0.001);
    fitUsl(points);
    const [data, model] = solver.mock.calls[0]!;
    expect(data.x).toEqual(counts);
    Array.from(data.y).forEach((y, i) => expect(y).toBeCloseTo(points[i]!.throughput / 50, 14));
    for (const n of [1, 3, 40]) expect(model([0.2, 0.003, 1.7])(n)).toBeCloseTo(1.7 * uslSpeedup(0.2, 0.003, n), 14);
  });

  it('gives the exact partial derivatives of the law in σ, κ and λ', () => {
    fitUsl(curve(0.05, 0.001));
    const jacobian = solver.mock.calls[0]![2].jacobianFunction!;
    const h = 1e-7;
    for (const [sigma, kappa, lambda] of [[0.05, 0.001, 1], [0.3, 0.02, 2.5]] as const) {
      for (const n of [2, 5, 24]) {
        const [dSigma, dKappa, dLambda] = jacobian([sigma, kappa, lambda])(n);
        const numericSigma = (uslThroughput(lambda, sigma + h, kappa, n) - uslThroughput(lambda, sigma - h, kappa, n)) / (2 * h);
        const numericKappa = (uslThroughput(lambda, sigma, kappa + h, n) - uslThroughput(lambda, sigma, kappa - h, n)) / (2 * h);
        const numericLambda = (uslThroughput(lambda + h, sigma, kappa, n) - uslThroughput(lambda - h, sigma, kappa, n)) / (2 * h);
        expect(dSigma).toBeCloseTo(numericSigma, 5);
        expect(dKappa).toBeCloseTo(numericKappa, 4);
        expect(dLambda).toBeCloseTo(numericLambda, 6);
        expect(dLambda).toBe(uslSpeedup(sigma, kappa, n));
        expect(dSigma).toBeLessThan(0);
        expect(dKappa).toBeLessThan(dSigma!);
      }
    }
  });

  it('starts from the linearised solution and three spread guesses with their best λ, all three free, 100 iterations each, σ and κ within [0, 1], λ ≥ 0', () => {
    const points = curve(0.05, 0.001);
    fitUsl(points);
    const options = optionsOf();
    const scaled = points.map((p) => ({ threads: p.threads, throughput: p.throughput / 50 }));
    const interior = options.slice(0, 4);
    const [first, ...rest] = interior.map((o) => o.initialValues!);
    expect(first![0]).toBeCloseTo(0.05, 12);
    expect(first![1]).toBeCloseTo(0.001, 12);
    expect(first![2]).toBeCloseTo(1, 12);
    expect(rest).toEqual(USL_GUESSES.map(([s, k]) => [s, k, profiledLambda(scaled, s, k)]));
    expect(USL_GUESSES).toEqual([[0.05, 0.001], [0.3, 0.01], [0.01, 0.1]]);
    expect(interior.map((o) => o.initialValues)).toEqual(uslStarts(scaled));
    for (const o of interior) {
      expect(o.maxIterations).toBe(100);
      expect(o.errorTolerance).toBe(1e-20);
      expect(o.minValues).toEqual([0, 0, 0]);
      expect(o.maxValues).toEqual([1, 1, Number.POSITIVE_INFINITY]);
    }
  });

  it('then refits the best of those on the faces σ = 0 (κ and λ free) and κ = 0 (σ and λ free), λ refitted for each face', () => {
    const points = curve(0.05, 0.001);
    const fit = fitUsl(points)!;
    const scaled = points.map((p) => ({ threads: p.threads, throughput: p.throughput / 50 }));
    expect(solver).toHaveBeenCalledTimes(6);
    const [, sigmaZeroModel, sigmaZero] = solver.mock.calls[4]!;
    const [, kappaZeroModel, kappaZero] = solver.mock.calls[5]!;
    expect(sigmaZero!.initialValues![0]).toBeCloseTo(fit.kappa, 10);
    expect(sigmaZero!.initialValues![1]).toBe(profiledLambda(scaled, 0, sigmaZero!.initialValues![0]!));
    expect(kappaZero!.initialValues![0]).toBeCloseTo(fit.sigma, 10);
    expect(kappaZero!.initialValues![1]).toBe(profiledLambda(scaled, kappaZero!.initialValues![0]!, 0));
    // Each face's model is the law with the fixed parameter at zero, and its Jacobian the two free columns.
    expect(sigmaZeroModel!([0.01, 2])(7)).toBeCloseTo(2 * uslSpeedup(0, 0.01, 7), 14);
    expect(kappaZeroModel!([0.2, 2])(7)).toBeCloseTo(2 * uslSpeedup(0.2, 0, 7), 14);
    expect(sigmaZero!.jacobianFunction!([0.01, 2])(7)).toHaveLength(2);
    expect(sigmaZero!.jacobianFunction!([0.01, 2])(7)[1]).toBe(uslSpeedup(0, 0.01, 7));
    expect(kappaZero!.jacobianFunction!([0.2, 2])(7)[1]).toBe(uslSpeedup(0.2, 0, 7));
    for (const o of [sigmaZero!, kappaZero!]) {
      expect(o.maxIterations).toBe(100);
      expect(o.errorTolerance).toBe(1e-20);
      expect(o.minValues).toEqual([0, 0]);
      expect(o.maxValues).toEqual([1, Number.POSITIVE_INFINITY]);
    }
  });

  it('refits every bootstrap resample exactly as carefully as a full fit of it: the same data, starts, faces, iteration cap and tolerance, nothing carried over from the full fit', () => {
    const spread = [0.9, 1, 1.1];
    const repeated: RepeatedPoint[] = counts.map((threads, i) => ({ threads, wallMs: spread.map((f) => (f + 0.01 * i) * (1000 / uslSpeedup(0.05, 0.001, threads))) }));
    const resamples = [...uslResamples(repeated, 1, 3)];
    const expected = resamples.map((resample) => {
      solver.mockClear();
      fitUsl(resample);
      return solver.mock.calls.map(([data, , o]) => ({ data, initialValues: o.initialValues, maxIterations: o.maxIterations, errorTolerance: o.errorTolerance, minValues: o.minValues, maxValues: o.maxValues }));
    });
    solver.mockClear();
    bootstrapUsl(repeated, { resamples: 3 });
    const calls = solver.mock.calls.map(([data, , o]) => ({ data, initialValues: o.initialValues, maxIterations: o.maxIterations, errorTolerance: o.errorTolerance, minValues: o.minValues, maxValues: o.maxValues }));
    expect(calls).toEqual(expected.flat());
    expect(calls).toHaveLength(18);
    expect(calls.filter((c) => c.maxIterations !== 100)).toEqual([]);
  });
});
