import { beforeAll, describe, expect, it } from 'vitest';
import { granularity, granularityPlan } from './index.ts';
import { tinyContext } from '../../test/helpers/context.ts';

// The analysis, fed figures by hand, is tested in experiment-granularity-*.unit.test.ts.
// One real run serves every test here: a granularity run is the slowest thing an integration test does.
let result: Awaited<ReturnType<typeof granularity.run>>;
beforeAll(async () => {
  result = await granularity.run(tinyContext({ aa: true }));
});

describe('granularity experiment', () => {
  it('runs every size in every mode on the same total work, with identical checksums, and under --aa piscina\'s A/A twin as a subject of its own', () => {
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

  it('lets granularity say what recording steps costs per task', () => {
    expect(Number.isFinite(result.facts.stepRecordingUsPerTask)).toBe(true);
    // Each figure with its 95% bootstrap interval when the rounds give one; the step cost also says when it is not measurably different from zero.
    const cost = String.raw`-?[\d.]+ (?:µs|ms)`;
    const withInterval = String.raw`${cost}(?: \(95% interval ${cost} to ${cost}\))?`;
    expect(result.notes.join('\n')).toMatch(
      new RegExp(String.raw`Recording every step cost ${withInterval} per task(?:, no cost measurably different from zero)?: parallel paid ${withInterval} per task with --no-steps \(fitted alike\)\.`),
    );
    expect(result.rows.filter((r) => r.mode === 'parallel').every((r) => (r.untracedMedianMs ?? 0) > 0)).toBe(true);
  });
});
