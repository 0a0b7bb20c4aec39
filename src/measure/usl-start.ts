import { uslSpeedup } from './usl-law.ts';

/** One measured point of a throughput curve: runs (or requests) per unit of time with `threads` threads. */
export interface ThroughputPoint {
  readonly threads: number;
  readonly throughput: number;
}

/** σ, κ and λ, in that order: the parameter vector the fit moves. */
export type UslParameters = readonly [sigma: number, kappa: number, lambda: number];

/**
 * The λ that fits best for a given σ and κ: the law is linear in λ, so least squares gives it in
 * closed form, Σ X·S / Σ S² with S = S(N; σ, κ). Zero when no point has a positive speedup.
 */
export function profiledLambda(points: readonly ThroughputPoint[], sigma: number, kappa: number): number {
  let xs = 0;
  let ss = 0;
  for (const { threads, throughput } of points) {
    const s = uslSpeedup(sigma, kappa, threads);
    xs += throughput * s;
    ss += s * s;
  }
  return ss > 0 ? Math.max(0, xs / ss) : 0;
}

/**
 * Gunther's linearisation with λ free: N/X(N) = ((1−σ) + (σ−κ)N + κN²) / λ is a quadratic in N,
 * a + bN + cN², so linear least squares gives a, b and c, and from them λ = 1/(a+b+c),
 * κ = cλ and σ = (b+c)λ. Solved by modified Gram-Schmidt (QR) on N scaled to [0, 1], not by the
 * normal equations, so a noise-free curve comes back to machine precision. σ and κ are clamped to
 * [0, 1] and λ refitted for them; undefined when the quadratic is degenerate or gives no positive λ.
 */
export function linearisedStart(points: readonly ThroughputPoint[]): UslParameters | undefined {
  const top = Math.max(...points.map((p) => p.threads));
  const columns = [points.map(() => 1), points.map((p) => p.threads / top), points.map((p) => (p.threads / top) ** 2)];
  const target = points.map((p) => p.threads / p.throughput);
  const r = [[0, 0, 0], [0, 0, 0], [0, 0, 0]];
  const qb = [0, 0, 0];
  for (let j = 0; j < 3; j++) {
    const q = columns[j]!;
    const norm = Math.hypot(...q);
    if (!(norm > 0) || !Number.isFinite(norm)) return undefined;
    r[j]![j] = norm;
    for (let i = 0; i < q.length; i++) q[i]! /= norm;
    for (let k = j + 1; k < 3; k++) {
      const dot = q.reduce((sum, v, i) => sum + v * columns[k]![i]!, 0);
      r[j]![k] = dot;
      columns[k] = columns[k]!.map((v, i) => v - dot * q[i]!);
    }
    const dot = q.reduce((sum, v, i) => sum + v * target[i]!, 0);
    qb[j] = dot;
    for (let i = 0; i < target.length; i++) target[i]! -= dot * q[i]!;
  }
  // A column that Gram-Schmidt reduced to rounding noise means the thread counts cannot tell the terms apart.
  if (!(r[2]![2]! > 1e-9 * r[0]![0]! && r[1]![1]! > 1e-9 * r[0]![0]!)) return undefined;
  const c = qb[2]! / r[2]![2]!;
  const b = (qb[1]! - r[1]![2]! * c) / r[1]![1]!;
  const a = (qb[0]! - r[0]![1]! * b - r[0]![2]! * c) / r[0]![0]!;
  // Back from N/top to N: b/top, c/top².
  const [bN, cN] = [b / top, c / (top * top)];
  const lambda = 1 / (a + bN + cN);
  if (!(lambda > 0) || !Number.isFinite(lambda)) return undefined;
  const sigma = Math.min(1, Math.max(0, (bN + cN) * lambda));
  const kappa = Math.min(1, Math.max(0, cN * lambda));
  return [sigma, kappa, sigma === (bN + cN) * lambda && kappa === cN * lambda ? lambda : profiledLambda(points, sigma, kappa)];
}
