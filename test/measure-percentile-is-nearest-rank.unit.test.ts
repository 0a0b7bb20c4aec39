import { describe, expect, it } from 'vitest';
import { latency, percentile } from '../src/measure/percentile.ts';

// The echo server's and the event-loop watch's latencies: nearest-rank percentiles, so every figure
// reported is a sample that was measured, never a value between two.
describe('percentile: nearest rank', () => {
  const hundred = Array.from({ length: 100 }, (_, i) => i + 1);

  it('is the sample at rank ceil(p / 100 * n), within 1..n', () => {
    expect(percentile(hundred, 50)).toBe(50);
    expect(percentile(hundred, 99)).toBe(99);
    expect(percentile(hundred, 99.5)).toBe(100);
    expect(percentile(hundred, 100)).toBe(100);
    expect(percentile(hundred, 0)).toBe(1);
    expect(percentile(hundred, 150)).toBe(100);
    expect(percentile([10, 20, 30], 33)).toBe(10);
    expect(percentile([10, 20, 30], 34)).toBe(20);
    expect(percentile([10, 20, 30], 67)).toBe(30);
    expect(percentile(Float64Array.of(7), 1)).toBe(7);
  });

  it('refuses no samples', () => {
    expect(() => percentile([], 50)).toThrow(new RangeError('percentile of no samples'));
  });

  it('latency sorts a copy by value, not as text, and reads p50, p99 and the largest', () => {
    const rtt = Float64Array.of(3, 1, 2, 10, 9);
    expect(latency(rtt)).toEqual({ p50: 3, p99: 10, max: 10 });
    expect([...rtt]).toEqual([3, 1, 2, 10, 9]);
    const many = Float64Array.from({ length: 200 }, (_, i) => 200 - i);
    expect(latency(many)).toEqual({ p50: 100, p99: 198, max: 200 });
  });
});
