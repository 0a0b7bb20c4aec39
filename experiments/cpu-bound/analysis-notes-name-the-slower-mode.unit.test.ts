import { describe, expect, it } from 'vitest';
import { interpretCpuBound, type CpuBoundFigures } from './analysis.ts';
import type { ModeFigures } from '../../src/experiment/mode-rows.ts';
import type { ModeName } from '../../src/modes/index.ts';

/** A row without rounds: the notes fall back on the medians alone. */
function row(mode: ModeName, threads: number, medianMs: number, speedup: number, extra: Partial<ModeFigures> = {}): ModeFigures {
  return { workload: 'cpu', mode, threads, medianMs, minMs: medianMs, maxMs: medianMs, speedup, checksumOk: true, ...extra };
}

const figures = (rows: ModeFigures[], switches = { sequential: 7, interleaved: 107 }, cores = 2): CpuBoundFigures => ({ rows, cores, tasks: 8, switches });

describe('cpu-bound notes say which mode was slower, by how much, and against what ideal', () => {
  it('a slower interleaved run costs its extra time spread over its extra switches; parallel close to ideal says so', () => {
    const notes = interpretCpuBound(figures([row('sequential', 1, 800, 1), row('interleaved', 1, 850, 800 / 850), row('parallel', 2, 421, 1.9)]));
    expect(notes).toEqual([
      'interleaved against sequential: 1.06x slower; +50.0 ms (+6.3%) by the medians, at most 500.00 µs for each of its 100 extra task switches. Taking turns on one thread overlaps no CPU work, so interleaving can gain nothing.',
      'parallel on 2 worker threads was 1.90x faster than sequential, 95% of the ideal 2.00x for 8 equal tasks on min(2 threads, 2 cores) = 2: close to ideal.',
    ]);
  });

  it('agrees "core" and "thread" with their counts: one core, and one thread beyond it', () => {
    const notes = interpretCpuBound(figures([row('sequential', 1, 800, 1), row('interleaved', 1, 800, 1), row('parallel', 2, 800, 1)], undefined, 1));
    expect(notes[1]).toMatch(/for 8 equal tasks on min\(2 threads, 1 core\) = 1.*\. The thread beyond the 1 core adds no speed, only turns on the same cores\.$/);
    const three = interpretCpuBound(figures([row('sequential', 1, 800, 1), row('interleaved', 1, 800, 1), row('parallel', 3, 800, 1)], undefined, 1));
    expect(three[1]).toMatch(/ The 2 threads beyond the 1 core add no speed, only turns on the same cores\.$/);
  });

  it('equal medians still count as a cost of zero, spread over at least one switch', () => {
    const [interleaved] = interpretCpuBound(figures([row('sequential', 1, 800, 1), row('interleaved', 1, 800, 1), row('parallel', 2, 500, 1.6)], { sequential: 7, interleaved: 7 }));
    expect(interleaved).toBe(
      'interleaved against sequential: as fast; +0.00 ms (+0.0%) by the medians, at most 0.00 µs for each of its 0 extra task switches. Taking turns on one thread overlaps no CPU work, so interleaving can gain nothing.',
    );
  });

  it('with no extra switches the whole extra time is put on one switch, not divided by zero', () => {
    const [interleaved] = interpretCpuBound(figures([row('sequential', 1, 800, 1), row('interleaved', 1, 810, 800 / 810), row('parallel', 2, 500, 1.6)], { sequential: 7, interleaved: 7 }));
    expect(interleaved).toContain('+10.0 ms (+1.3%) by the medians, at most 10000.00 µs for each of its 0 extra task switches.');
  });

  it('a faster interleaved run is said as a negative difference, and flagged when the row is impossible', () => {
    const faster = interpretCpuBound(figures([row('sequential', 1, 800, 1), row('interleaved', 1, 780, 800 / 780), row('parallel', 2, 500, 1.6)]));
    expect(faster[0]).toBe(
      'interleaved against sequential: 1.03x faster; -20.0 ms (-2.5%) by the medians, with 100 extra task switches. Taking turns on one thread overlaps no CPU work, so interleaving can gain nothing.',
    );
    const impossible = interpretCpuBound(figures([row('sequential', 1, 800, 1), row('interleaved', 1, 700, 800 / 700, { impossible: 'faster than one thread allows' }), row('parallel', 2, 500, 1.6)]));
    expect(impossible).toHaveLength(3);
    expect(impossible[0]).toMatch(/^IMPOSSIBLE \(✗\): cpu interleaved: faster than one thread allows\. This is not a finding: /);
    expect(impossible[1]).toBe(
      'interleaved against sequential: 1.14x faster; -100 ms (-13%) by the medians, with 100 extra task switches. Interleaved came out faster beyond its interval, which one thread cannot do on pure CPU work: the row is flagged as impossible.',
    );
  });

  it('a share just under 95% of the ideal names what is missing; threads beyond the cores are counted', () => {
    const [, short] = interpretCpuBound(figures([row('sequential', 1, 800, 1), row('interleaved', 1, 800, 1), row('parallel', 2, 421, 1.89)]));
    expect(short).toBe(
      'parallel on 2 worker threads was 1.90x faster than sequential, 95% of the ideal 2.00x for 8 equal tasks on min(2 threads, 2 cores) = 2; ' +
        'the missing 5.5% is time the threads spent on something other than task work (messages, task start-up, other processes on the machine).',
    );
    const [, over] = interpretCpuBound(figures([row('sequential', 1, 800, 1), row('interleaved', 1, 800, 1), row('parallel', 5, 1000, 0.8)]));
    expect(over).toBe(
      'parallel on 5 worker threads was 1.25x slower than sequential, 40% of the ideal 2.00x for 8 equal tasks on min(5 threads, 2 cores) = 2; ' +
        'the missing 60% is time the threads spent on something other than task work (messages, task start-up, other processes on the machine). The 3 threads beyond the 2 cores add no speed, only turns on the same cores.',
    );
  });

  it('puts the checksum warning first', () => {
    const notes = interpretCpuBound(figures([row('sequential', 1, 800, 1), row('interleaved', 1, 800, 1, { checksumOk: false }), row('parallel', 2, 421, 1.9)]));
    expect(notes[0]).toBe('CHECKSUMS DIFFER in cpu/interleaved: these rows did different work, and their times mean nothing.');
    expect(notes).toHaveLength(3);
  });
});
