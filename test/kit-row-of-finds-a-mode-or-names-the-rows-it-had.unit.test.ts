import { describe, expect, it } from 'vitest';
import { rowOf } from '../src/experiment/mode-rows.ts';

// An experiment measured the modes it reads, so a missing row is a bug: the error names what was there.

describe('rowOf', () => {
  const rows = [
    { mode: 'sequential', medianMs: 100 },
    { mode: 'parallel', medianMs: 55 },
    { mode: 'parallel', medianMs: 60 },
  ];

  it('finds the first row of the mode', () => {
    expect(rowOf(rows, 'parallel')).toBe(rows[1]);
    expect(rowOf(rows, 'sequential')).toBe(rows[0]);
  });

  it('throws, naming the mode and the rows it had, when the mode is missing', () => {
    expect(() => rowOf(rows, 'hybrid')).toThrow(new Error('no hybrid row among sequential, parallel, parallel'));
    expect(() => rowOf([], 'sequential')).toThrow(new Error('no sequential row among '));
  });
});
