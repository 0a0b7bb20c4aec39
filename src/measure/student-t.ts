import { normalQuantile } from './normal-distribution.ts';

/**
 * Above this many degrees of freedom the Cornish-Fisher expansion is exact to double precision
 * (held to reference values at 10,001 out to p = 1 - 2^-50, where its last term still counts).
 */
const SERIES_MAX_DF = 10_000;

/**
 * P(|T| <= t) for Student's t with `df` (whole, 2 or more) degrees of freedom, t >= 0: the finite
 * series of Abramowitz & Stegun 26.7.3 (odd df) and 26.7.4 (even df) in theta = atan(t / sqrt(df)).
 * One degree of freedom, the Cauchy distribution, has its quantile in closed form and never comes here.
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
  let term = Math.cos(theta);
  let sum = term;
  for (let j = 3; j <= df - 2; j += 2) {
    term *= ((j - 1) / j) * cosSquare;
    sum += term;
  }
  return (2 / Math.PI) * (theta + Math.sin(theta) * sum);
}

// Stryker disable all: equivalent; the density only sizes Newton's step, and a step that leaves the
// bracket is replaced by bisection, which converges to the same quantile (more slowly).
/** The density of Student's t at t, for whole df: Gamma((df+1)/2) / Gamma(df/2) built by its recurrence. */
function density(t: number, df: number): number {
  let gammaRatio = df % 2 === 0 ? Math.sqrt(Math.PI) / 2 : 1 / Math.sqrt(Math.PI);
  for (let nu = df % 2 === 0 ? 2 : 1; nu < df; nu += 2) gammaRatio *= (nu + 1) / nu;
  return (gammaRatio / Math.sqrt(df * Math.PI)) * (1 + (t * t) / df) ** (-(df + 1) / 2);
}
// Stryker restore all

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
 * The upper quantile of the Cauchy distribution (one degree of freedom), p >= 0.5, as
 * 1 / tan(pi (1 - p)): 1 - p is exact there, so the far tail keeps its digits, where
 * tan(pi (p - 1/2)) would lose them next to its pole.
 */
function cauchyQuantile(p: number): number {
  return 1 / Math.tan(Math.PI * (1 - p));
}

/**
 * The t with P(T <= t) = p for Student's t with `df` whole degrees of freedom, 0 < p < 1. One and
 * two degrees of freedom in closed form; above that, Newton's method on the exact series, kept
 * inside [normal quantile, Cauchy quantile], which holds every t quantile above the median; below
 * it by symmetry.
 *
 * Held to 1e-12 relative (test/stats-distributions-match-reference-values.unit.test.ts) for every df
 * up to p = 0.999, and into the far tail for 1, 2 and over 10,000 degrees of freedom. The lab asks
 * for 0.975. From 3 to 10,000 the series sums P(|T| <= t), whose rounding swamps a tail of 1 - p
 * below about 1e-6: against 50-digit references at 10,000 degrees of freedom, 2e-10 relative at
 * 1 - p = 1e-6 and 3e-6 at 1e-12.
 */
export function tQuantile(p: number, df: number): number {
  if (!Number.isInteger(df) || df < 1) throw new RangeError(`degrees of freedom must be a positive integer, got ${df}`);
  if (!(p > 0 && p < 1)) throw new RangeError(`a probability strictly between 0 and 1 is needed, got ${p}`);
  if (p < 0.5) return -tQuantile(1 - p, df);
  // The median exactly: there the bracket's ends, 0 and 1 / tan(pi / 2), are not both 0 in floating
  // point, and the search would end on a t of 1e-47, not on 0.
  if (p === 0.5) return 0;
  if (df === 1) return cauchyQuantile(p);
  if (df === 2) return (2 * p - 1) / Math.sqrt(2 * p * (1 - p));
  const z = normalQuantile(p);
  // Stryker disable next-line EqualityOperator: equivalent; at 10,000 degrees of freedom both ways give the same quantile to double precision.
  if (df > SERIES_MAX_DF) return cornishFisher(z, df);
  const target = 2 * p - 1;
  let low = z;
  let high = cauchyQuantile(p);
  // Where Newton starts, and whether a step is Newton's or a halving, decide how soon the bracket
  // closes on the quantile, not where. For df 3 to 10,000, halvings alone end within 1.5e-12 of this
  // code's t (p up to 0.999), and Newton with no guard within 6e-12 (p up to 0.9995): the series' own
  // rounding at 10,000 degrees. So mutants that only change the path are marked equivalent, line by line.
  // Stryker disable next-line MethodExpression: equivalent; the start is moved to a bracket end.
  let t = Math.min(high, Math.max(low, cornishFisher(z, df)));
  // Stryker disable next-line EqualityOperator,UpdateOperator: equivalent; the loop returns on convergence, long before the cap.
  for (let step = 0; step < 100; step++) {
    const excess = centralProbability(t, df) - target;
    // Stryker disable next-line EqualityOperator: equivalent; at an excess of exactly 0 either end may move to t.
    if (excess > 0) high = t;
    else low = t;
    // Stryker disable next-line ArithmeticOperator: equivalent; a step the wrong way leaves the bracket and is replaced by bisection.
    const newton = t - excess / (2 * density(t, df));
    // Stryker disable next-line ConditionalExpression,LogicalOperator,EqualityOperator: equivalent; with the guard changed, the steps are all Newton's or all halvings, and end on the same t (above).
    const next = newton > low && newton < high ? newton : (low + high) / 2;
    // Stryker disable next-line ConditionalExpression,LogicalOperator,EqualityOperator,ArithmeticOperator: equivalent; a stricter test of convergence only takes the steps until next === t (those that return early fail the reference values; Stryker marks by operator, not by replacement).
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
