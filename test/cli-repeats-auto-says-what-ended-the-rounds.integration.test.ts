import { describe, expect, it } from 'vitest';
import { autoRepeatsLine } from '../src/report/interval-text.ts';
import { lab } from './helpers/lab-in-process.ts';

describe('--repeats auto on the command line', () => {
  it('runs at least 6 paired rounds and says what ended them', async () => {
    // No warm-up round: warm-ups are run and thrown away before the rounds counted here, so they change nothing asserted below.
    const { code, stdout, stderr } = await lab('cpu-bound', '--quick', '--repeats', 'auto', '--budget', '1', '--warmups', '0', '--no-save', '--json');
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
