import { describe, expect, it } from 'vitest';
import { analyseEventLoopDelay, eventLoopDelayNotes } from './analysis.ts';
import type { ExperimentContext } from '../../src/experiment/context.ts';
import type { ExpensiveWayName, WayUnderLoad } from './http-load.ts';
import { eventLoopDelayMeasured, latencies, wayServed } from '../../test/helpers/analysis-event-loop-delay-figures.ts';

const fourCores = { machine: { availableParallelism: 4 } } as ExperimentContext;
const notesOf = (ways: Partial<Record<ExpensiveWayName, WayUnderLoad>>): readonly string[] => analyseEventLoopDelay(eventLoopDelayMeasured(ways), fourCores).notes;
/** A hundred latencies of 0.1 to 10 ms, in the order given or reversed: the same distribution. */
const spread = (reversed = false): number[] => {
  const values = Array.from({ length: 100 }, (_, i) => (i + 1) / 10);
  return reversed ? values.reverse() : values;
};

describe('event-loop-delay notes: what inline work did to the cheap route, and which way brought it back', () => {
  it('names the lowest p99 of the other ways, the pool against its target, the interleaved bound, the loop and the client', () => {
    expect(notesOf({})).toEqual([
      "Inline, every expensive request held the main thread for 20 ms: the cheap route's p99 was 40.0 ms (p50 40.0 ms), 20.00x the lowest p99 of the other ways " +
        "(the cheap latencies measurably higher inline, p < 0.001, Mann-Whitney U over 100 and 100 cheap requests); that was offloaded's, 2.00 ms.",
      "Offloaded to the pool, the cheap p99 was 5.0% of inline's (expected at most 20%: held).",
      "Interleaved, the scheduler runs parts back to back for its 5 ms time slice (noticing its end at its next clock read, one every 8 parts of 0.12 ms), then lets Node's event loop in: " +
        'the cheap route waits at most 5.96 ms for the main thread; its p99 was 6.00 ms, above that bound (the other processes on the cores add their own waits).',
      'monitorEventLoopDelay samples only when its timer gets a turn: inline it took 20 samples against 1900 offloaded, and its max (41.0 ms) is one sample however long the block; ' +
        'timed directly, the longest gap was 42.0 ms and the loop spent 800 ms in gaps over 10 ms. Event-loop utilisation: inline 97%, offloaded 12%.',
      'Batched sent 20 pool tasks for 40 requests (offloaded: 40); the expensive route answered 50.0/s against 40.0/s offloaded and 20.0/s inline.',
      "The load process used up to 35% of a core; on 4 cores the server, the pool's threads and the client compete, so the latencies include time each waited for a core.",
    ]);
  });

  it('flags wrong answers first, says when inline answered fewer cheap requests, and holds the bound and the target at equality', () => {
    const notes = notesOf({
      inline: wayServed('inline', latencies(60, 40, 45), { cheap: { mismatches: 1 }, cutShort: true }),
      interleaved: wayServed('interleaved', latencies(100, 5 + 8 * 0.12, 6)),
      offloaded: wayServed('offloaded', latencies(100, 9, 9.5)),
      batched: wayServed('batched', latencies(100, 30), { expensive: { errors: 2, non2xx: 1 } }),
    });
    expect(notes.slice(0, 5)).toEqual([
      'ANSWERS WENT WRONG in inline (1 wrong bodies, 0 failed requests, cut short by the time bound), batched (0 wrong bodies, 3 failed requests): those rows are not comparable.',
      "Inline, every expensive request held the main thread for 20 ms: the cheap route's p99 was 45.0 ms (p50 40.0 ms), 7.55x the lowest p99 of the other ways " +
        "(the cheap latencies measurably higher inline, p < 0.001, Mann-Whitney U over 60 and 100 cheap requests); that was interleaved's, 5.96 ms.",
      'The paced client got only 60 cheap requests answered inline against 100 interleaved: each connection waits for its answer, so requests it could not send while the loop was blocked ' +
        "are in no percentile (coordinated omission), and inline's p99 understates what a steady stream of users would have waited.",
      "Offloaded to the pool, the cheap p99 was 20% of inline's (expected at most 20%: held).",
      "Interleaved, the scheduler runs parts back to back for its 5 ms time slice (noticing its end at its next clock read, one every 8 parts of 0.12 ms), then lets Node's event loop in: " +
        'the cheap route waits at most 5.96 ms for the main thread; its p99 was 5.96 ms, within that bound.',
    ]);
    expect(notes).toHaveLength(8);
  });

  it('says the pool missed its target just above it, and that inline may even be lower', () => {
    expect(notesOf({ inline: wayServed('inline', latencies(100, 50)), offloaded: wayServed('offloaded', latencies(100, 10.1)) })[1]).toBe(
      "Offloaded to the pool, the cheap p99 was 20% of inline's (expected at most 20%: NOT held on this run).",
    );
    expect(notesOf({ inline: wayServed('inline', latencies(100, 1)) })[0]).toBe(
      "Inline, every expensive request held the main thread for 20 ms: the cheap route's p99 was 1.00 ms (p50 1.00 ms), 0.50x the lowest p99 of the other ways " +
        "(the cheap latencies measurably lower inline, p < 0.001, Mann-Whitney U over 100 and 100 cheap requests); that was offloaded's, 2.00 ms.",
    );
  });

  it('tests inline against the best other way by every cheap latency: no difference, too few, or none kept', () => {
    const same = notesOf({ inline: wayServed('inline', spread()), offloaded: wayServed('offloaded', spread(true)), interleaved: wayServed('interleaved', latencies(100, 20)), batched: wayServed('batched', latencies(100, 20)) })[0];
    expect(same).toBe(
      "Inline, every expensive request held the main thread for 20 ms: the cheap route's p99 was 9.90 ms (p50 5.00 ms), 1.00x the lowest p99 of the other ways " +
        "(no measurable difference in the cheap latencies, p = 1.000, Mann-Whitney U over 100 and 100 cheap requests); that was offloaded's, 9.90 ms.",
    );
    const few = notesOf({ inline: wayServed('inline', [5, 6]), offloaded: wayServed('offloaded', [5, 6]), interleaved: wayServed('interleaved', [5, 6]), batched: wayServed('batched', [5, 6]) })[0];
    expect(few).toContain("1.00x the lowest p99 of the other ways (too few requests for a verdict (n = 2)); that was interleaved's, 6.00 ms.");
    const analysis = analyseEventLoopDelay(eventLoopDelayMeasured(), fourCores);
    expect(eventLoopDelayNotes(analysis.rows, analysis.facts, fourCores)[0]).toContain("20.00x the lowest p99 of the other ways (untested: no latencies were kept); that was offloaded's, 2.00 ms.");
    const none = { inline: [], interleaved: [1], offloaded: [1], batched: [1] };
    expect(eventLoopDelayNotes(analysis.rows, analysis.facts, fourCores, none)[0]).toContain('(untested: no latencies were kept)');
    expect(eventLoopDelayNotes(analysis.rows, analysis.facts, fourCores, { ...none, inline: [1], offloaded: [] })[0]).toContain('(untested: no latencies were kept)');
  });

  it('counts wrong bodies alone as answers gone wrong', () => {
    expect(notesOf({ batched: wayServed('batched', latencies(100, 3), { cheap: { mismatches: 2 } }) })[0]).toBe('ANSWERS WENT WRONG in batched (2 wrong bodies, 0 failed requests): those rows are not comparable.');
  });
});
