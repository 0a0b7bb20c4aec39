import { describe, expect, it } from 'vitest';
import { binomialCdf } from '../src/measure/binomial-cdf.ts';
import { normalCdf, normalQuantile, normalUpperTail } from '../src/measure/normal-distribution.ts';
import { tQuantile } from '../src/measure/student-t.ts';

// Reference values to 17 significant digits, computed at 40 digits (mpmath: ncdf, erfinv, the
// regularised incomplete beta, exact binomial sums); R's pnorm, qnorm, qt and pbinom print the same
// digits. Each figure is held to a relative error, so a tail value is checked as strictly as a central one.
const expectRelative = (actual: number, expected: number, tolerance: number): void => {
  expect(Math.abs(actual / expected - 1), `${actual} against ${expected}`).toBeLessThan(tolerance);
};

describe('the standard normal distribution function (Cody, as R pnorm)', () => {
  it('matches reference values across its three ranges and deep into the lower tail', () => {
    const table: [number, number][] = [
      [0.5, 0.6914624612740131], [0.6744, 0.74997147862705939], [1, 0.84134474606854295], [2.5, 0.99379033467422386],
      [-3, 0.0013498980316300945], [-6, 9.8658764503769814e-10], [-10, 7.6198530241605261e-24], [-20, 2.7536241186062337e-89],
    ];
    for (const [x, p] of table) expectRelative(normalCdf(x), p, 1e-14);
    expect(normalCdf(0)).toBe(0.5);
    expect(normalCdf(-40)).toBe(0);
    expect(normalCdf(40)).toBe(1);
    expect(normalCdf(Number.NaN)).toBeNaN();
  });

  it('gives the upper tail without cancellation, so a small two-sided p keeps its digits', () => {
    expectRelative(normalUpperTail(6), 9.8658764503769814e-10, 1e-14);
    expectRelative(normalUpperTail(-1), 0.84134474606854295, 1e-15);
    for (const x of [-2, -0.3, 0.2, 0.9, 3]) expect(normalCdf(x) + normalUpperTail(x)).toBeCloseTo(1, 15);
  });
});

describe('the standard normal quantile (Wichura AS 241, as R qnorm)', () => {
  it('matches reference values in the central, intermediate and far ranges', () => {
    const table: [number, number][] = [
      [0.975, 1.9599639845400542], [0.95, 1.6448536269514727], [0.995, 2.5758293035489008], [0.3, -0.52440051270804078],
      [0.925, 1.4395314709384559], [0.001, -3.0902323061678135], [0.0001, -3.7190164854556806], [1e-10, -6.3613409024040562],
      [1e-100, -21.273453560965324], [1e-300, -37.047096299361199],
    ];
    for (const [p, z] of table) expectRelative(normalQuantile(p), z, 1e-15);
    expect(normalQuantile(0.5)).toBe(0);
    expect(normalQuantile(0)).toBe(-Infinity);
    expect(normalQuantile(1)).toBe(Infinity);
    for (const p of [-0.1, 1.1, Number.NaN]) expect(normalQuantile(p)).toBeNaN();
  });

  it('inverts the distribution function', () => {
    for (const p of [1e-12, 0.01, 0.2, 0.5, 0.7, 0.99]) expectRelative(normalCdf(normalQuantile(p)), p, 1e-13);
  });
});

describe("Student's t quantile (as R qt)", () => {
  it('matches R qt(0.975, df) to 1e-12 relative, from 1 to ten million degrees of freedom', () => {
    const table: [number, number][] = [
      [1, 12.7062047361747046], [2, 4.30265272974946385], [3, 3.18244630528370959], [4, 2.77644510519779436], [5, 2.57058183563631551],
      [10, 2.22813885198627475], [20, 2.08596344726586484], [30, 2.04227245630123831], [31, 2.03951344639640849], [35, 2.03010792825034318],
      [39, 2.02269092003676114], [40, 2.02107539030627342], [60, 2.0002978220142605], [120, 1.97993040508244085], [1000, 1.96233908082640848],
      [12_000, 1.9601616934114098], [10_000_000, 1.9599642217672055],
    ];
    for (const [df, t] of table) expectRelative(tQuantile(0.975, df), t, 1e-12);
  });

  it('matches reference values at other probabilities, and is odd about the median', () => {
    expectRelative(tQuantile(0.9, 3), 1.6377443536962101, 1e-12);
    expectRelative(tQuantile(0.995, 7), 3.4994832973504939, 1e-12);
    expectRelative(tQuantile(0.6, 25), 0.25605968482715148, 1e-12);
    expectRelative(tQuantile(0.999, 100), 3.1737394937387829, 1e-12);
    expect(tQuantile(0.025, 9)).toBe(-tQuantile(0.975, 9));
    expect(tQuantile(0.5, 9)).toBe(0);
  });

  // The far tail, where each way of computing must keep its digits: 1 and 2 degrees of freedom in closed
  // form, over 10,000 by the Cornish-Fisher expansion, whose last term still counts at p = 1 - 2^-50.
  // Each p is a double whose 1 - p is exact; the references are at that double, to 50 digits (mpmath,
  // P(T <= t) = 1 - I_x(df/2, 1/2) / 2 with x = df / (df + t^2), solved for t).
  it('keeps its digits in the far tail for 1, 2 and over 10,000 degrees of freedom', () => {
    const table: [df: number, p: number, t: number][] = [
      [1, 1 - 2 ** -50, 358385071201416.17], [1, 0.975, 12.706204736174693],
      [2, 1 - 2 ** -40, 741455.20018845373], [2, 1 - 2 ** -50, 23726566.406062857],
      [10_001, 1 - 2 ** -50, 7.9688433467013287], [10_001, 1 - 2 ** -40, 7.0566366995094304], [10_001, 0.9, 1.2816362212643348],
    ];
    for (const [df, p, t] of table) expectRelative(tQuantile(p, df), t, 2e-15);
    expect(tQuantile(2 ** -50, 1)).toBe(-tQuantile(1 - 2 ** -50, 1));
  });

  it('refuses a probability outside (0, 1) and degrees of freedom that are not whole and positive', () => {
    for (const p of [0, 1, Number.NaN]) expect(() => tQuantile(p, 5)).toThrow(`a probability strictly between 0 and 1 is needed, got ${p}`);
    for (const df of [0, 2.5, Number.NaN]) expect(() => tQuantile(0.9, df)).toThrow(`degrees of freedom must be a positive integer, got ${df}`);
  });
});

describe('the binomial distribution function (as R pbinom)', () => {
  it('is exact for Binomial(n, 1/2) while every term is a dyadic fraction', () => {
    expect(binomialCdf(5, 20, 0.5)).toBe(0.020694732666015625); // 21700 / 2^20
    expect(binomialCdf(3, 9, 0.5)).toBe(130 / 512);
  });

  it('matches reference values for other p, and for n large enough that (1 - p)^n underflows', () => {
    const table: [number, number, number, number][] = [
      [3, 10, 0.3, 0.6496107184], [80, 300, 0.2, 0.99790352937797099], [1900, 4000, 0.5, 0.00082463318756784989],
      [20, 1100, 0.5, 1.7433098849775327e-289], [530, 1100, 0.5, 0.11981177402115427],
    ];
    for (const [k, n, p, cdf] of table) expectRelative(binomialCdf(k, n, p), cdf, 1e-11);
  });

  it('is 0 below zero successes and 1 from n on, and takes a fractional k as its floor', () => {
    expect(binomialCdf(-1, 10, 0.5)).toBe(0);
    expect(binomialCdf(10, 10, 0.5)).toBe(1);
    expect(binomialCdf(3.7, 9, 0.5)).toBe(130 / 512);
    expect(binomialCdf(0, 10, 0)).toBe(1);
    expect(binomialCdf(9, 10, 1)).toBe(0);
  });

  it('refuses a number of trials that is not whole and a probability outside [0, 1]', () => {
    expect(() => binomialCdf(1, 2.5, 0.5)).toThrow('the number of trials must be a whole number >= 0, got 2.5');
    expect(() => binomialCdf(1, 4, 1.5)).toThrow('a probability between 0 and 1 is needed, got 1.5');
  });
});
