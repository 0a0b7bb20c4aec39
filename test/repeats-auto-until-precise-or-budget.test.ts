import { describe, expect, it } from 'vitest';
import { alternate } from '../src/measure/alternate.ts';
import { AUTO_MAX_ROUNDS, AUTO_MIN_ROUNDS, AUTO_PRECISION, autoStop, medianPrecision } from '../src/measure/auto-repeats.ts';
import { autoRepeatsLine } from '../src/report/interval-text.ts';
import { lab } from './helpers/lab-in-process.ts';

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
    expect(order).toEqual(['a:warm-up:1/1', 'b:warm-up:1/1', 'a:measure:1/2', 'b:measure:1/2', 'a:measure:2/2', 'b:measure:2/2', 'a:measure:3/3', 'b:measure:3/3', 'a:measure:4/4', 'b:measure:4/4']);
  });
});

describe('--repeats auto on the command line', () => {
  it('runs at least 6 paired rounds and says what ended them', async () => {
    const { code, stdout, stderr } = await lab('cpu-bound', '--quick', '--repeats', 'auto', '--budget', '1', '--no-save', '--json');
    expect(stderr).toBe('');
    expect(code).toBe(0);
    const doc = JSON.parse(stdout) as { settings: { repeats: unknown }; rows: { repeats: number; stoppedBy: string; samples: unknown[] }[] };
    expect(doc.settings.repeats).toBe('auto');
    const rounds = doc.rows[0]!.repeats;
    expect(rounds).toBeGreaterThanOrEqual(6);
    for (const row of doc.rows) {
      expect(row.repeats).toBe(rounds);
      expect(row.samples).toHaveLength(rounds);
      expect(['precision', 'budget']).toContain(row.stoppedBy);
    }
  });

  it('refuses --budget without --repeats auto, and a bad budget', async () => {
    expect((await lab('cpu-bound', '--budget', '5')).stderr).toBe('lab: --budget only applies with --repeats auto\n');
    const bad = await lab('cpu-bound', '--repeats', 'auto', '--budget', '0');
    expect(bad.code).toBe(2);
    expect(bad.stderr).toBe('lab: --budget must be an integer from 1 to 86400; got "0"\n');
  });

  it('says in the table what ended the rounds', () => {
    const row = { repeats: 9, medianMs: 100, medianLowMs: 97, medianHighMs: 101 };
    expect(autoRepeatsLine([row])).toEqual([]);
    expect(autoRepeatsLine([{ ...row, stoppedBy: 'precision' }])).toEqual(['--repeats auto: 9 rounds, ended because every median was known within +-2%.']);
    expect(autoRepeatsLine([{ ...row, stoppedBy: 'budget' }, { ...row, medianLowMs: 99 }])).toEqual(['--repeats auto: 9 rounds, ended because the --budget ran out, with medians known within +-3.0%.']);
    expect(autoRepeatsLine([{ ...row, stoppedBy: 'max rounds' }])).toEqual(['--repeats auto: 9 rounds, ended because the round limit was reached, with medians known within +-3.0%.']);
  });
});
