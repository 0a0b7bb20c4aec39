import { describe, expect, it, vi } from 'vitest';
import { foreignCpuPerRun, FOREIGN_CPU_MIN_ROUND_MS } from '../src/measure/foreign-cpu.ts';
import { steadyCpu } from './helpers/cpu-readings.ts';

describe('foreignCpuPerRun: other programs\' CPU around each run of a subject', () => {
  it('keeps a figure only for runs long enough to tell, and stops reading for a subject whose last run was too short', async () => {
    const read = vi.fn(steadyCpu({ foreignCores: 0.5 }));
    const perRun = foreignCpuPerRun<string, { wallMs: number }>(read);
    const long = await perRun('a', async () => ({ wallMs: FOREIGN_CPU_MIN_ROUND_MS }));
    expect(long.foreignCpuCores).not.toBeNull();
    const short = await perRun('b', async () => ({ wallMs: FOREIGN_CPU_MIN_ROUND_MS / 2 - 1 }));
    expect(short.foreignCpuCores).toBeNull();
    const readsSoFar = read.mock.calls.length;
    // 'b' was under half the minimum: its next run is not read at all; 'a' still is.
    expect((await perRun('b', async () => ({ wallMs: FOREIGN_CPU_MIN_ROUND_MS }))).foreignCpuCores).toBeNull();
    expect(read.mock.calls.length).toBe(readsSoFar);
    expect((await perRun('a', async () => ({ wallMs: FOREIGN_CPU_MIN_ROUND_MS }))).foreignCpuCores).not.toBeNull();
    expect(read.mock.calls.length).toBeGreaterThan(readsSoFar);
  });

  it('reads nothing and gives null without a reader', async () => {
    expect((await foreignCpuPerRun<string, { wallMs: number }>(undefined)('a', async () => ({ wallMs: 10_000 }))).foreignCpuCores).toBeNull();
  });
});
