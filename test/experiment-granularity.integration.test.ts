import { describe, expect, it } from 'vitest';
import { granularity, granularityPlan } from '../experiments/granularity.ts';
import { tinyContext } from './helpers/context.ts';

// The analysis, fed figures by hand, is tested in experiment-granularity-*.unit.test.ts.
describe('granularity experiment', () => {
  it('runs every size in every mode on the same total work, with identical checksums, and under --aa piscina\'s A/A twin as a subject of its own', async () => {
    const result = await granularity.run(tinyContext({ aa: true }));
    const rows = result.rows;
    const { sizes, totalUnits } = granularityPlan(true);
    expect(rows).toHaveLength(sizes.length * 5);
    for (const r of rows) {
      expect(r.checksumOk).toBe(true);
      expect(r.tasks).toBe(Math.ceil(totalUnits / r.unitsPerTask));
    }
    // Which mode is faster at which size is a measurement, not a property of the code: it lives in the
    // facts and notes (checked by hand-fed figures), not in an assertion that a loaded machine can break.
    for (const r of rows.filter((row) => row.mode !== 'sequential')) expect(r.threads).toBe(2);
    const twins = rows.filter((r) => r.mode === 'piscina-aa');
    expect(twins.map((r) => r.unitsPerTask)).toEqual(sizes);
    for (const t of twins) expect(t.aaTwinOf).toBe('piscina');
    // Its own runs: one per round, in the same rounds as the others (the largest size has three times the rounds).
    expect(twins.map((t) => t.samples?.length)).toEqual(rows.filter((r) => r.mode === 'piscina').map((r) => r.samples?.length));
    expect(Number.isFinite(result.facts.parallelOverheadUsPerTask)).toBe(true);
    expect(Number.isFinite(result.facts.piscinaOverheadUsPerTask)).toBe(true);
    expect(Number.isFinite(result.facts.piscinaAaOverheadUsPerTask)).toBe(true);
    expect(result.settings).toMatchObject({ aa: true });
    expect(result.notes.join('\n')).toContain('A/A check: piscina-aa');
    expect(result.notes.join('\n')).not.toContain('CHECKSUMS DIFFER');
  });
});
