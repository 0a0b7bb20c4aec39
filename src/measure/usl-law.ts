/**
 * Gunther's Universal Scalability Law, as relative capacity (speedup over one thread):
 * S(N) = N / (1 + σ(N−1) + κN(N−1)). σ is contention (the share that queues for something
 * shared, Amdahl's serial fraction), κ coherency (the cost of keeping N workers in step, which
 * grows with every pair of them and makes the curve fall past its peak).
 */
export function uslSpeedup(sigma: number, kappa: number, threads: number): number {
  return threads / (1 + sigma * (threads - 1) + kappa * threads * (threads - 1));
}

/**
 * The law as throughput, X(N) = λN / (1 + σ(N−1) + κN(N−1)) = λ·S(N): λ is the throughput of one
 * thread, in whatever unit the throughputs are given (runs per second, requests per second).
 */
export function uslThroughput(lambda: number, sigma: number, kappa: number, threads: number): number {
  return lambda * uslSpeedup(sigma, kappa, threads);
}

/** Where the law peaks, N* = √((1−σ)/κ); without coherency cost (κ = 0) it never peaks: Infinity. */
export function uslPeakN(sigma: number, kappa: number): number {
  if (!(kappa > 0)) return Number.POSITIVE_INFINITY;
  return Math.sqrt(Math.max(0, 1 - sigma) / kappa);
}
