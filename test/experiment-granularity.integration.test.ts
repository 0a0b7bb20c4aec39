import { describe, expect, it } from 'vitest';
import { analyseGranularity, granularity, granularityPlan, interpretGranularity, type SizeFigures } from '../experiments/granularity.ts';
import type { ModeFigures } from '../src/experiment/mode-rows.ts';
import type { ModeName } from '../src/modes/index.ts';
import { tinyContext } from './helpers/context.ts';
import { expectNotesToSay } from './helpers/notes.ts';

function row(mode: ModeName, threads: number, medianMs: number, baselineMs: number): ModeFigures {
  return { workload: 'split', mode, threads, medianMs, minMs: medianMs, maxMs: medianMs, speedup: baselineMs / medianMs, checksumOk: true };
}

/** Sequential always 100 ms; parallel = 50 ms ideal + 0.1 ms per task; hybrid = 50 ms + 0.01 ms per task; the plain pool 50 ms + 0.02 ms per task. */
function size(unitsPerTask: number, tasks: number, piscinaPerTaskMs = 0.02): SizeFigures {
  return {
    unitsPerTask,
    tasks,
    rows: [row('sequential', 1, 100, 100), row('parallel', 2, 50 + 0.1 * tasks, 100), row('hybrid', 2, 50 + 0.01 * tasks, 100), row('piscina', 2, 50 + piscinaPerTaskMs * tasks, 100)],
  };
}

const sweep = [size(4, 1000), size(16, 250), size(64, 64), size(256, 16)];

describe('granularity experiment', () => {
  it('runs every size in every mode on the same total work, with identical checksums', async () => {
    const result = await granularity.run(tinyContext());
    const rows = result.rows;
    const { sizes, totalUnits } = granularityPlan(true);
    expect(rows).toHaveLength(sizes.length * 4);
    for (const r of rows) {
      expect(r.checksumOk).toBe(true);
      expect(r.tasks).toBe(Math.ceil(totalUnits / r.unitsPerTask));
    }
    // Which mode is faster at which size is a measurement, not a property of the code: it lives in the
    // facts and notes (checked by hand-fed figures below), not in an assertion that a loaded machine can break.
    for (const r of rows.filter((row) => row.mode !== 'sequential')) expect(r.threads).toBe(2);
    expect(Number.isFinite(result.facts.parallelOverheadUsPerTask)).toBe(true);
    expect(Number.isFinite(result.facts.piscinaOverheadUsPerTask)).toBe(true);
    expect(result.notes.join('\n')).not.toContain('CHECKSUMS DIFFER');
  });

  it('derives overhead per task and the crossover from the numbers, by hand', () => {
    const a = analyseGranularity(sweep, 2, 2);
    // Ideal parallel = 100 / 2 = 50 ms at every size (task counts are even).
    expect(a.sizes.map((s) => s.idealParallelMs)).toEqual([50, 50, 50, 50]);
    expect(a.sizes[0]!.overheadUs.parallel).toBeCloseTo(100, 9);
    expect(a.sizes[0]!.overheadUs.piscina).toBeCloseTo(20, 9);
    expect(a.fittedOverheadUs.parallel).toBeCloseTo(100, 9);
    expect(a.fittedOverheadUs.hybrid).toBeCloseTo(10, 9);
    expect(a.fittedOverheadUs.piscina).toBeCloseTo(20, 9);
    // At 16 tasks: piscina 50.32 ms, parallel 51.6 ms.
    expect(a.parallelSpeedupVsPiscina).toBeCloseTo(50.32 / 51.6, 9);
    expect(a.piscinaCrossover).toEqual({ state: 'always-faster', smallest: 4 });
    // Speedups 100/150, 100/75, ...: slower at 4 units, faster at 16; ln(1.5) / (ln(1.5) + ln(4/3)) of the way from 4 to 16.
    const t = Math.log(1.5) / (Math.log(1.5) + Math.log(4 / 3));
    expect(a.crossover).toEqual({ state: 'crossed', size: expect.closeTo(4 * 4 ** t, 9) as number, below: 4, above: 16, laterDips: [] });
    expect(a.usPerUnit).toBeCloseTo(100_000 / 16 / 256, 9);
  });

  it('computes its sentences from the numbers it is given', () => {
    // Crossover: 4 * 4^0.585 = 9.0 units of 24.4 µs (6.25 ms / 256 units).
    const notes = interpretGranularity(analyseGranularity(sweep, 2, 2), 2).join('\n');
    expect(notes).not.toContain('not free');
    expect(notes).not.toContain('dipped');
    expectNotesToSay(notes, [
      'parallel on 2 threads was slower than sequential below about 220 µs of work per task (9 units, interpolated between 4 and 16) and faster above it',
      'at 6.25 ms per task it was 1.94x faster (ideal 2.00x), at 100 µs 1.50x slower.',
      'Each task handed to a worker by the lab\'s parallel mode cost about 100 µs of wall time (fitted over all sizes; 100 µs at the smallest)',
      'How small can a task be: a plain Piscina pool on 2 threads was faster than sequential at every size, even 100 µs of work per task: the crossover is below the smallest size; it cost 20.0 µs of wall time per task (fitted over all sizes), which predicts a break-even at 40.0 µs of work per task.',
      'The cost of the lab\'s instrumentation: 80.0 µs per task beyond the plain pool\'s 20.0 µs (parallel/piscina fitted overhead 5.00x); at the largest size parallel reached 98% of the plain pool\'s speedup.',
      'predicts a break-even at 200 µs of work per task',
      'Batching removed most of that cost: hybrid sends each worker one message with its whole share, and paid about 10.0 µs per task (fitted); at the smallest size it was 2.50x faster than parallel and 1.67x faster than sequential.',
    ]);
  });

  it('says when parallel never or always won, and puts a checksum mismatch first', () => {
    const never = [size(4, 1000), size(16, 600)];
    const neverNotes = interpretGranularity(analyseGranularity(never, 2, 2), 2).join('\n');
    expect(neverNotes).toContain('slower than sequential at every size, even 167 µs of work per task: the crossover is above the largest size');
    expect(neverNotes).toContain('Even the largest tasks reached only 45% of the ideal: the cores were probably not free');
    const dip = [size(4, 1000), size(16, 250), { ...size(64, 64), rows: [row('sequential', 1, 100, 100), row('parallel', 2, 105, 100), row('hybrid', 2, 60, 100), row('piscina', 2, 52, 100)] }, size(256, 16)];
    expect(interpretGranularity(analyseGranularity(dip, 2, 2), 2).join('\n')).toContain('(except at 64 units, where it dipped below sequential again');
    const always = [size(64, 64), size(256, 16)];
    expect(interpretGranularity(analyseGranularity(always, 2, 2), 2).join('\n')).toContain('faster than sequential at every size, even 1.56 ms of work per task: the crossover is below the smallest size');
    const bad = [{ ...size(4, 1000), rows: [row('sequential', 1, 100, 100), { ...row('parallel', 2, 150, 100), checksumOk: false }, row('hybrid', 2, 60, 100), row('piscina', 2, 70, 100)] }];
    expect(interpretGranularity(analyseGranularity(bad, 2, 2), 2)[0]).toMatch(/^CHECKSUMS DIFFER in split\/parallel/);
  });
});
