import { describe, expect, it } from 'vitest';
import { alternate } from '../src/measure/alternate.ts';
import { AUTO_MAX_ROUNDS, AUTO_MIN_ROUNDS, AUTO_PRECISION, autoStop, medianPrecision } from '../src/measure/auto-repeats.ts';
import { measureModes } from '../src/measure/measure-modes.ts';
import { cpuBoundWorkload } from '../src/workload/presets.ts';

const steady = [100, 100.5, 99.5, 100.2, 99.8, 100.1, 99.9];
const wobbly = [100, 110, 90, 105, 95, 120, 80];

describe('--repeats auto: when to stop', () => {
  it("measures precision as the wider side of the median's interval, relative to the median", () => {
    expect(medianPrecision(steady)).toBeCloseTo(0.005, 12);
    expect(medianPrecision(wobbly)).toBeCloseTo(0.2, 12);
    expect(medianPrecision([100, 101, 103, 104, 105, 106, 107, 108, 130])).toBeCloseTo(4 / 105, 12); // 2nd to 8th of 9: 101..108 around 105
  });

  it('never stops before 6 rounds; then on precision first, then the budget, then the round limit', () => {
    expect([AUTO_PRECISION, AUTO_MIN_ROUNDS, AUTO_MAX_ROUNDS]).toEqual([0.02, 6, 1000]);
    expect(autoStop([steady.slice(0, 5), steady.slice(0, 5)], 1e9, 0)).toBeUndefined();
    expect(autoStop([steady.slice(0, 6), steady], 0, 1)).toBe('precision');
    expect(autoStop([steady.slice(0, 5), steady], 0, 1)).toBeUndefined();
    expect(autoStop([steady, steady.slice(0, 5)], 0, 1)).toBeUndefined();
    expect(autoStop([steady, wobbly], 0, 1)).toBeUndefined();
    expect(autoStop([steady, wobbly], 1, 1)).toBe('budget');
    expect(autoStop([steady, wobbly], 2, 1)).toBe('budget');
    const many = Array.from({ length: 1000 }, (_, i) => (i % 2 === 0 ? 50 : 150));
    expect(autoStop([many], 0, 1)).toBe('max rounds');
    expect(autoStop([many.slice(0, 999)], 0, 1)).toBeUndefined();
    // Exactly +-2% is precise enough.
    expect(autoStop([[98, 100, 102, 100, 100, 100]], 0, 1)).toBe('precision');
  });
});

describe('alternate: extra rounds keep every subject paired', () => {
  it('runs without a progress callback or more rounds', async () => {
    const kept = await alternate(['a'], async (s) => `${s}!`, { repeats: 2, warmups: 1 });
    expect(kept.get('a')).toEqual(['a!', 'a!']);
  });

  it('asks for more only after the fixed rounds, and runs whole rounds', async () => {
    const order: string[] = [];
    const asked: number[] = [];
    const kept = await alternate(['a', 'b'], async (s) => s, {
      repeats: 2,
      warmups: 1,
      onRound: (s, phase, round, of) => order.push(`${s}:${phase}:${round}/${of}`),
      more: (k) => {
        asked.push(k.get('a')!.length);
        return k.get('a')!.length < 4;
      },
    });
    expect(kept.get('a')).toHaveLength(4);
    expect(kept.get('b')).toHaveLength(4);
    expect(asked).toEqual([2, 3, 4]);
    // Whole rounds in the balanced order: for two subjects a block is one round, a then b, so each follows the other once a round.
    expect(order).toEqual(['a:warm-up:1/1', 'b:warm-up:1/1', 'a:measure:1/2', 'b:measure:1/2', 'a:measure:2/2', 'b:measure:2/2', 'a:measure:3/3', 'b:measure:3/3', 'a:measure:4/4', 'b:measure:4/4']);
  });
});

describe('measureModes under --repeats auto', () => {
  it('adds paired rounds until autoStop says stop, and records what stopped them', async () => {
    const workload = cpuBoundWorkload({ tasks: 2, unitsPerTask: 1 });
    // A deadline already passed: the minimum 6 rounds, then precision or the budget ends them.
    const measured = await measureModes(workload, ['sequential', 'interleaved'], { repeats: 2, warmups: 0, auto: { deadlineMs: -1, now: () => 0 } });
    for (const m of measured) {
      expect(m.wallMs).toHaveLength(6);
      expect(['precision', 'budget']).toContain(m.stoppedBy);
    }
    expect(measured[0]!.stoppedBy).toBe(measured[1]!.stoppedBy);
    const progress: string[] = [];
    const fixed = await measureModes(workload, ['sequential'], { repeats: 2, warmups: 1, onProgress: (p) => progress.push(`${p.label} ${p.phase} ${p.repeat}/${p.of}`) });
    expect(progress).toEqual([`${workload.name} sequential warm-up 1/1`, `${workload.name} sequential measure 1/2`, `${workload.name} sequential measure 2/2`]);
    expect(fixed[0]).toMatchObject({ workload: workload.name, mode: 'sequential', threads: 1 });
    expect(fixed[0]!.checksums).toHaveLength(2);
    expect(fixed[0]!.checksums[0]).toHaveLength(2);
    expect(fixed[0]!.checksums[0]).toEqual(fixed[0]!.lastRun.tasks.map((t) => t.checksum));
    expect(fixed[0]!.summary.n).toBe(2);
    expect(fixed[0]!.wallMs[1]).toBe(fixed[0]!.lastRun.wallMs);
    expect('pool' in fixed[0]!).toBe(false);
    // Without an injected clock the real one is read: a deadline already passed ends the rounds at the minimum of 6 unless precision does first.
    const real = await measureModes(workload, ['sequential'], { repeats: 6, warmups: 0, auto: { deadlineMs: performance.now() - 1 } });
    expect(['precision', 'budget']).toContain(real[0]!.stoppedBy);
    expect(fixed[0]!.wallMs).toHaveLength(2);
    expect(fixed[0]!.stoppedBy).toBeUndefined();
    expect('stoppedBy' in fixed[0]!).toBe(false);
  });
});
