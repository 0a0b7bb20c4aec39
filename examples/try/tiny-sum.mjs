// A tiny function: the sum of a few numbers, well under a microsecond per call.
// Handing it to a worker costs far more than the call itself: a pool cannot pay off.
export default function sum(numbers) {
  let total = 0;
  for (const n of numbers) total += n;
  return total;
}

export function inputs() {
  return Array.from({ length: 512 }, (_, i) => Array.from({ length: 8 }, (_, j) => i * 8 + j));
}
