import { describe, expect, it } from 'vitest';
import { REPLY_UNITS, waitBoundWorkload } from '../src/workload/presets.ts';

const options = { tasks: 3, waitsPerTask: 2, minWaitMs: 5, maxWaitMs: 9, seed: 7 };

describe('wait-bound workload: seeded waits, each followed by a reply', () => {
  it('gives every task its waits within the bounds, each followed by the reply work it was told', () => {
    const workload = waitBoundWorkload({ ...options, unitsPerReply: 3 });
    expect(workload.description).toBe('3 tasks x 2 waits of 5-9 ms (seed 7)');
    expect(workload.tasks.map((t) => [t.name, t.parts.map((p) => p.kind)])).toEqual(
      ['io1', 'io2', 'io3'].map((name) => [name, ['wait', 'cpu', 'wait', 'cpu']]),
    );
    const parts = workload.tasks.flatMap((t) => t.parts);
    expect(parts.every((p) => (p.kind === 'wait' ? p.ms >= 5 && p.ms <= 9 && Number.isInteger(p.ms) : p.kind === 'cpu' && p.units === 3))).toBe(true);
  });

  it('draws the same waits from the same seed and others from another', () => {
    const waits = (seed: number): number[] => waitBoundWorkload({ ...options, seed }).tasks.flatMap((t) => t.parts.flatMap((p) => (p.kind === 'wait' ? [p.ms] : [])));
    expect(waits(7)).toEqual(waits(7));
    expect(waits(8)).not.toEqual(waits(7));
  });

  it('replies with REPLY_UNITS of work where the options do not say', () => {
    expect(REPLY_UNITS).toBe(10);
    const replies = waitBoundWorkload(options).tasks.flatMap((t) => t.parts.flatMap((p) => (p.kind === 'cpu' ? [p.units] : [])));
    expect(replies).toEqual(Array(6).fill(10));
  });
});
