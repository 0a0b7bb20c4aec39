/**
 * P(B <= k) for B ~ Binomial(n, p), summed term by term from P(B = 0). While (1 - p)^n does not
 * underflow each term is the previous one times (n - i) / (i + 1) * p / (1 - p), which keeps small
 * cases exact (for p = 1/2 and n up to about 50 every term is a dyadic fraction); past that the
 * terms are summed in logarithms, scaled by the largest.
 */
export function binomialCdf(k: number, n: number, p: number): number {
  if (!Number.isInteger(n) || n < 0) throw new RangeError(`the number of trials must be a whole number >= 0, got ${n}`);
  if (!(p >= 0 && p <= 1)) throw new RangeError(`a probability between 0 and 1 is needed, got ${p}`);
  const last = Math.floor(k);
  if (last < 0) return 0;
  if (last >= n || p === 0) return 1;
  if (p === 1) return 0;
  const logFirst = n * Math.log1p(-p);
  return logFirst > -700 ? directSum(last, n, p) : logarithmicSum(last, n, p, logFirst);
}

function directSum(last: number, n: number, p: number): number {
  const odds = p / (1 - p);
  let term = (1 - p) ** n;
  let sum = term;
  for (let i = 0; i < last; i++) {
    term = (term * (n - i) * odds) / (i + 1);
    sum += term;
  }
  return Math.min(1, sum);
}

function logarithmicSum(last: number, n: number, p: number, logFirst: number): number {
  const logOdds = Math.log(p) - Math.log1p(-p);
  const logTerms = [logFirst];
  for (let i = 0; i < last; i++) logTerms.push(logTerms[i]! + Math.log((n - i) / (i + 1)) + logOdds);
  const largest = Math.max(...logTerms);
  const scaled = logTerms.reduce((sum, logTerm) => sum + Math.exp(logTerm - largest), 0);
  return Math.min(1, Math.exp(largest) * scaled);
}
