import { describe, expect, it } from 'vitest';
import { formatBytes } from '../src/report/format.ts';

describe('formatBytes', () => {
  it('reads memory in powers of 1000, with at most three significant figures', () => {
    expect([512, 3400, 3456, 12_000_000, 1.5e9, 2.5e12].map((bytes) => formatBytes(bytes, 'decimal'))).toEqual(['512 B', '3.4 kB', '3.46 kB', '12 MB', '1.5 GB', '2.5 TB']);
  });

  it('reads payload sizes in powers of 1024', () => {
    expect([1000, 1024, 5632, 64 * 1024 * 1024].map((bytes) => formatBytes(bytes, 'binary'))).toEqual(['1000 B', '1 KB', '5.5 KB', '64 MB']);
  });

  it('keeps the sign of a shrinking heap, and prints a dash for a figure that was not measured', () => {
    expect(formatBytes(-2500, 'decimal')).toBe('-2.5 kB');
    expect(formatBytes(Number.NaN, 'binary')).toBe('-');
  });
});
