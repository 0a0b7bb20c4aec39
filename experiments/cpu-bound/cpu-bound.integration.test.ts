import { beforeAll, describe, expect, it } from 'vitest';
import { cpuBound, idealCpuSpeedup, interpretCpuBound, type CpuBoundFigures } from './index.ts';
import type { ModeFigures } from '../../src/experiment/mode-rows.ts';
import type { ModeName } from '../../src/modes/index.ts';
import { tinyContext } from '../../test/helpers/context.ts';
import { expectNotesToSay } from '../../test/helpers/notes.ts';
import { expectTinyIn } from '../../test/helpers/experiments.ts';

// One real run in the tiny configuration serves every test here that reads a measured result
// (the step counts below, and the CPU columns and note checked under 'cpuMs' at the end).
let measured: Awaited<ReturnType<typeof cpuBound.run>>;
beforeAll(async () => {
  measured = await cpuBound.run(tinyContext());
});

function row(mode: ModeName, threads: number, medianMs: number, baselineMs: number, spreadMs = 4): ModeFigures {
  return { workload: 'cpu-bound', mode, threads, medianMs, minMs: medianMs - spreadMs / 2, maxMs: medianMs + spreadMs / 2, speedup: baselineMs / medianMs, checksumOk: true };
}

const figures = (rows: ModeFigures[]): CpuBoundFigures => ({ rows, cores: 2, tasks: 8, switches: { sequential: 7, interleaved: 1007 } });

describe('cpu-bound experiment', () => {
  it('runs every mode on the same work: identical checksums, interleaving on one lane, parallel on the pool', () => {
    const result = expectTinyIn(measured, ['sequential', 'interleaved', 'parallel', 'piscina']);
    const rows = result.rows;
    expect(result.notes.join('\n')).not.toContain('CHECKSUMS DIFFER');
    const [sequential, interleaved, parallel] = rows;
    // The same steps in a different order: interleaved switches tasks at nearly every step, sequential only between tasks.
    expect(interleaved!.steps).toBe(sequential!.steps);
    expect(sequential!.switches).toBe(result.facts.tasks - 1);
    expect(interleaved!.switches).toBeGreaterThan(sequential!.switches * 5);
    expect(parallel!.lanes).toBe(2);
    expect(result.facts.idealParallelSpeedup).toBe(Math.min(2, result.facts.cores));
    // A flagged impossible figure is what a loaded machine makes of a tiny run (sequential slowed by a burst that
    // interleaved missed): a measurement, not a property of the code, so it is left out of the count.
    const findings = result.notes.filter((note) => !note.startsWith('IMPOSSIBLE'));
    expect(findings).toHaveLength(3);
    expect(findings[2]).toMatch(/^What the speedup cost in CPU: /);
  });

  it('computes its sentences from the numbers it is given', () => {
    const notes = interpretCpuBound(figures([row('sequential', 1, 800, 800), row('interleaved', 1, 810, 800, 20), row('parallel', 2, 421, 800)])).join('\n');
    expectNotesToSay(notes, [
      'interleaved against sequential: 1.01x slower; +10.0 ms (+1.3%) by the medians, at most 10.00 µs for each of its 1000 extra task switches',
      'so interleaving can gain nothing',
      'parallel on 2 worker threads was 1.90x faster than sequential, 95% of the ideal 2.00x for 8 equal tasks on min(2 threads, 2 cores) = 2: close to ideal.',
    ]);
  });

  it('says how far parallel fell short, and when it was slower, and when threads outnumber cores', () => {
    const slow = interpretCpuBound(figures([row('sequential', 1, 800, 800), row('interleaved', 1, 790, 800), row('parallel', 4, 1000, 800)])).join('\n');
    expectNotesToSay(slow, [
      'interleaved against sequential: 1.01x faster; -10.0 ms (-1.3%) by the medians, with 1000 extra task switches',
      'parallel on 4 worker threads was 1.25x slower than sequential, 40% of the ideal 2.00x',
      'the missing 60% is time the threads spent on something other than task work',
      'The 2 threads beyond the 2 cores add no speed',
    ]);
  });

  it('says interleaved against sequential by the paired verdict when the rounds are kept', () => {
    const rounds = (ms: number, wobble: readonly number[]): ModeFigures['samples'] => wobble.map((d, i) => ({ round: i + 1, wallMs: ms + d }));
    const same = [0, 3, -2, 1, -3, 2, -1];
    const rows = [{ ...row('sequential', 1, 800, 800), samples: rounds(800, same) }, { ...row('interleaved', 1, 801, 800), samples: rounds(801, [1, -2, 3, -1, 2, -3, 0]) }, row('parallel', 2, 421, 800)];
    expect(interpretCpuBound(figures(rows)).join('\n')).toMatch(/interleaved against sequential: as fast: no measurable difference \(1\.00x, p = 0\.\d{3}\); \+1\.00 ms/);
  });

  it('says so first when a mode reported different checksums', () => {
    const rows = [row('sequential', 1, 800, 800), { ...row('interleaved', 1, 800, 800), checksumOk: false }, row('parallel', 2, 400, 800)];
    expect(interpretCpuBound(figures(rows))[0]).toMatch(/^CHECKSUMS DIFFER in cpu-bound\/interleaved/);
  });

  it('takes the ideal from whole tasks on min(threads, cores)', () => {
    expect(idealCpuSpeedup(8, 2, 2)).toBe(2);
    expect(idealCpuSpeedup(8, 3, 4)).toBeCloseTo(8 / 3, 12); // 3 rounds on the busiest thread
    expect(idealCpuSpeedup(8, 16, 4)).toBe(4);
  });
});

// Moved from cpu-time-covers-every-thread.integration.test.ts (same describe and title), to read the run above
// instead of making a second identical one there.
describe('cpuMs', () => {
  it('puts cpuMs and cpuPerUnitUs on the cpu-bound rows, and says what the speedup cost in CPU', () => {
    const result = measured;
    for (const row of result.rows) {
      expect(row.cpuMs).toBeGreaterThan(0);
      expect(row.cpuPerUnitUs).toBeGreaterThan(0);
    }
    expect(result.notes.join('\n')).toMatch(/What the speedup cost in CPU: \w+ was .+ and used [\d.]+ ms of CPU against [\d.]+ ms \([\d.]+x, medians over all threads of the process; untested, as CPU time per repeat is not kept\)/);
  });
});
