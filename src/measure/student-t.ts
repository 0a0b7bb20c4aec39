import { normalQuantile } from './normal-distribution.ts';

/** Above this many degrees of freedom the Cornish-Fisher expansion is exact to double precision. */
const SERIES_MAX_DF = 10_000;

/**
 * P(|T| <= t) for Student's t with `df` (whole) degrees of freedom, t >= 0: the finite series of
 * Abramowitz & Stegun 26.7.3 (odd df) and 26.7.4 (even df) in theta = atan(t / sqrt(df)).
 */
function centralProbability(t: number, df: number): number {
  const theta = Math.atan(t / Math.sqrt(df));
  const cosSquare = Math.cos(theta) ** 2;
  if (df % 2 === 0) {
    let term = 1;
    let sum = 1;
    for (let j = 2; j <= df - 2; j += 2) {
      term *= ((j - 1) / j) * cosSquare;
      sum += term;
    }
    return Math.sin(theta) * sum;
  }
  if (df === 1) return (2 / Math.PI) * theta;
  let term = Math.cos(theta);
  let sum = term;
  for (let j = 3; j <= df - 2; j += 2) {
    term *= ((j - 1) / j) * cosSquare;
    sum += term;
  }
  return (2 / Math.PI) * (theta + Math.sin(theta) * sum);
}

/** The density of Student's t at t, for whole df: Gamma((df+1)/2) / Gamma(df/2) built by its recurrence. */
function density(t: number, df: number): number {
  let gammaRatio = df % 2 === 0 ? Math.sqrt(Math.PI) / 2 : 1 / Math.sqrt(Math.PI);
  for (let nu = df % 2 === 0 ? 2 : 1; nu < df; nu += 2) gammaRatio *= (nu + 1) / nu;
  return (gammaRatio / Math.sqrt(df * Math.PI)) * (1 + (t * t) / df) ** (-(df + 1) / 2);
}

/** Cornish-Fisher expansion of the t quantile around the normal one (Abramowitz & Stegun 26.7.5). */
function cornishFisher(z: number, df: number): number {
  const z2 = z * z;
  const g1 = (z * (z2 + 1)) / 4;
  const g2 = (z * ((5 * z2 + 16) * z2 + 3)) / 96;
  const g3 = (z * (((3 * z2 + 19) * z2 + 17) * z2 - 15)) / 384;
  const g4 = (z * ((((79 * z2 + 776) * z2 + 1482) * z2 - 1920) * z2 - 945)) / 92160;
  return z + (g1 + (g2 + (g3 + g4 / df) / df) / df) / df;
}

/**
 * The t with P(T <= t) = p for Student's t with `df` whole degrees of freedom, 0 < p < 1. Newton's
 * method on the exact series, kept inside [normal quantile, Cauchy quantile], which holds every t
 * quantile above the median; below it by symmetry.
 */
export function tQuantile(p: number, df: number): number {
  if (!Number.isInteger(df) || df < 1) throw new RangeError(`degrees of freedom must be a positive integer, got ${df}`);
  if (!(p > 0 && p < 1)) throw new RangeError(`a probability strictly between 0 and 1 is needed, got ${p}`);
  if (p < 0.5) return -tQuantile(1 - p, df);
  if (p === 0.5) return 0;
  if (df === 1) return Math.tan(Math.PI * (p - 0.5));
  if (df === 2) return (2 * p - 1) / Math.sqrt(2 * p * (1 - p));
  const z = normalQuantile(p);
  if (df > SERIES_MAX_DF) return cornishFisher(z, df);
  const target = 2 * p - 1;
  let low = z;
  let high = Math.tan(Math.PI * (p - 0.5));
  let t = Math.min(high, Math.max(low, cornishFisher(z, df)));
  for (let step = 0; step < 100; step++) {
    const excess = centralProbability(t, df) - target;
    if (excess > 0) high = t;
    else low = t;
    const newton = t - excess / (2 * density(t, df));
    const next = newton > low && newton < high ? newton : (low + high) / 2;
    if (Math.abs(next - t) <= 1e-15 * t || next === t) return next;
    t = next;
  }
  return t;
}

/** The critical value t such that 95% of a t distribution with `df` degrees of freedom lies within +-t. */
export function tCritical95(df: number): number {
  return tQuantile(0.975, df);
}

/** The z such that a standard normal variable stays below it with probability `p` (0 < p < 1). */
export function zQuantile(p: number): number {
  if (!(p > 0 && p < 1)) throw new RangeError(`a probability strictly between 0 and 1 is needed, got ${p}`);
  return normalQuantile(p);
}
