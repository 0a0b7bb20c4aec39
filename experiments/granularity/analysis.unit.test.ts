import { describe, expect, it } from 'vitest';
import { analyseGranularity, granularity, interpretGranularity, type SizeFigures } from './index.ts';
import { expectNotesToSay } from '../../test/helpers/notes.ts';
import { planOf, size, sweep, twoCores, verdicts } from '../../test/helpers/granularity-figures.ts';

const { faster, slower, same } = verdicts;
/** Figures without rounds, as older tests built them: no test can be run on them, no interval found. */
const bare = (figures: readonly SizeFigures[]): SizeFigures[] =>
  figures.map((f) => ({ ...f, rows: f.rows.map(({ samples: _, ...r }) => ({ ...r, ...(r.mode !== 'sequential' && { verdict: r.speedup > 1 ? faster() : slower() }) })) }));

describe('granularity analysis', () => {
  it('derives overhead per task and the crossover from the numbers, by hand', () => {
    const a = analyseGranularity(sweep, 2, 2);
    // Ideal parallel = 100 / 2 = 50 ms at every size (task counts are even).
    expect(a.sizes.map((s) => s.idealParallelMs)).toEqual([50, 50, 50, 50]);
    expect(a.sizes[0]!.overheadUs.parallel).toBeCloseTo(100, 9);
    expect(a.sizes[0]!.overheadUs.piscina).toBeCloseTo(20, 9);
    expect(a.fittedOverheadUs.parallel).toBeCloseTo(100, 9);
    expect(a.fittedOverheadUs.hybrid).toBeCloseTo(10, 9);
    expect(a.fittedOverheadUs.piscina).toBeCloseTo(20, 9);
    expect(a.fittedSizes).toEqual([4, 16, 64, 256]);
    // At 16 tasks: piscina 50.32 ms, parallel 51.6 ms.
    expect(a.parallelSpeedupVsPiscina).toBeCloseTo(50.32 / 51.6, 9);
    // Every round slowed both alike: every per-round ratio is the same.
    expect(a.parallelVsPiscina!.interval.low).toBeCloseTo(50.32 / 51.6, 9);
    expect(a.parallelVsPiscina!.verdict).toMatchObject({ state: 'slower' });
    // Each size's verdict against sequential comes from its rounds (nine rounds all one way: p = 2/512).
    expect(a.piscinaCrossover).toEqual({ state: 'always-faster', smallest: 4, smallestVerdict: { state: 'faster', n: 9, p: expect.closeTo(2 / 512, 9) as number } });
    // Parallel: slower at 4 units (150 ms), measurably faster from 16 (75 ms) on.
    expect(a.crossover).toMatchObject({ state: 'crossed', size: 16, below: 4, above: 16, belowVerdict: { state: 'slower' }, earlierWins: [] });
    expect(a.usPerUnit).toBeCloseTo(100_000 / 16 / 256, 9);
  });

  it('places the crossover by each size\'s verdict, not by point speedups', () => {
    // 16 units: 1.03x faster by the point, but the saved test found no measurable difference (p = 0.31); 64 units: measurably faster.
    const figures = [size(4, 1000), size(16, 250, { parallel: 97 }, { parallel: { verdict: same() } }), size(64, 64), size(256, 16)];
    const a = analyseGranularity(figures, 2, 2);
    expect(a.crossover).toMatchObject({ state: 'crossed', size: 64, below: 16, above: 64, belowVerdict: same() });
    const facts = granularity.analyse({ plan: planOf(figures), figures }, twoCores).facts;
    expect(facts.crossoverUnits).toBe(64);
    expect(facts.crossoverUnitsLow).toBe(16);
    expect(facts.crossoverUnitsHigh).toBe(64);
    expect(facts.crossoverUs).toBeCloseTo(64 * a.usPerUnit, 9);
    expect(facts.crossoverUsLow).toBeCloseTo(16 * a.usPerUnit, 9);
    expect(facts.piscinaCrossoverUnits).toBeNaN();
    const notes = interpretGranularity(a, 2).join('\n');
    expect(notes).toContain(
      'parallel on 2 threads was measurably faster than sequential from 1.56 ms of work per task (64 units, p = 0.004) and at every larger size, but not at 16 units (400 µs): no measurable difference (p = 0.310); the crossover lies between the two',
    );
  });

  it('computes its sentences from the numbers it is given, each comparison with its test', () => {
    const notes = interpretGranularity(analyseGranularity(sweep, 2, 2), 2).join('\n');
    expect(notes).not.toContain('not free');
    expect(notes).not.toContain('already measurably faster');
    expectNotesToSay(notes, [
      'parallel on 2 threads was measurably faster than sequential from 400 µs of work per task (16 units, p = 0.004) and at every larger size, but not at 4 units (100 µs): slower (p = 0.004); the crossover lies between the two',
      'at 6.25 ms per task (ideal 2.00x) it was 1.94x faster (p = 0.004), at 100 µs 1.50x slower (p = 0.004).',
      'How small can a task be: a plain Piscina pool on 2 threads was measurably faster than sequential at every size, even 100 µs of work per task (p = 0.004): the crossover is below the smallest size; it cost 20.0 µs of wall time per task (fitted over all sizes; 95% interval ',
      'Each task handed to a worker by the lab\'s parallel mode cost about 100 µs of wall time (fitted over all sizes; 95% interval ',
      '; 100 µs at the smallest)',
      'which predicts a break-even at 40.0 µs (95% interval ',
      'With 2 threads able to run at once that predicts a break-even at 200 µs (95% interval ',
      'of work per task: below it, handing out work costs more than sharing it saves, which is why one thread beat the pool on small tasks (measurably: 1.50x slower (p = 0.004) at 100 µs).',
      'The cost of the lab\'s instrumentation: 80.0 µs (95% interval ',
      'per task beyond the plain pool\'s 20.0 µs (parallel/piscina fitted overhead 5.00x (95% interval 5.00x at both ends, as rounded)); at the largest size parallel reached 98% of the plain pool\'s speedup (per round: 95% interval 98% at both ends, as rounded; 1.03x slower than piscina (p = 0.004)).',
      'Batching removed most of that cost: hybrid sends each worker one message with its whole share, and paid about 10.0 µs per task (fitted; 95% interval ',
      ', 0.10x (95% interval 0.10x at both ends, as rounded) parallel\'s cost; at the smallest size it was 2.50x faster than parallel (p = 0.004) and 1.67x faster than sequential (p = 0.004).',
    ]);
  });

  it('without rounds, states the figures with the saved verdicts and no interval', () => {
    const notes = interpretGranularity(analyseGranularity(bare(sweep), 2, 2), 2).join('\n');
    expectNotesToSay(notes, [
      'it cost 20.0 µs of wall time per task (fitted over all sizes), which predicts a break-even at 40.0 µs of work per task.',
      'Each task handed to a worker by the lab\'s parallel mode cost about 100 µs of wall time (fitted over all sizes; 100 µs at the smallest)',
      'The cost of the lab\'s instrumentation: 80.0 µs per task beyond the plain pool\'s 20.0 µs (parallel/piscina fitted overhead 5.00x); at the largest size parallel reached 98% of the plain pool\'s speedup.',
      'Batching removed most of that cost: hybrid sends each worker one message with its whole share, and paid about 10.0 µs per task (fitted), 0.10x parallel\'s cost; at the smallest size it was 2.50x faster than parallel and 1.67x faster than sequential (p = 0.004).',
    ]);
    const a = analyseGranularity(bare(sweep), 2, 2);
    expect(a.estimates.parallel.value).toBeCloseTo(100, 9);
    expect(a.estimates.parallel.low).toBeNaN();
    expect(a.parallelVsPiscina).toBeUndefined();
  });

  it('says when parallel was never or always measurably faster, and puts a checksum mismatch first', () => {
    const never = [size(4, 1000), size(16, 600)];
    const neverNotes = interpretGranularity(analyseGranularity(never, 2, 2), 2).join('\n');
    expect(neverNotes).toContain('parallel on 2 threads was not measurably faster than sequential even at the largest size, 167 µs of work per task: slower (p = 0.004); no crossover within the sizes measured');
    expect(neverNotes).toContain('Even the largest tasks reached only 45% of the ideal: the cores were probably not free');
    const dip = [size(4, 1000), size(16, 250), size(64, 64, { parallel: 105, hybrid: 60, piscina: 52 }), size(256, 16)];
    const dipped = analyseGranularity(dip, 2, 2);
    expect(dipped.crossover).toMatchObject({ state: 'crossed', size: 256, below: 64, earlierWins: [16] });
    expect(interpretGranularity(dipped, 2).join('\n')).toContain('(at 16 units it was already measurably faster, but not at every size above: noise from a busy machine, or tasks too few to share evenly)');
    const always = [size(64, 64), size(256, 16)];
    expect(interpretGranularity(analyseGranularity(always, 2, 2), 2).join('\n')).toContain(
      'parallel on 2 threads was measurably faster than sequential at every size, even 1.56 ms of work per task (p = 0.004): the crossover is below the smallest size',
    );
    const bad = [{ ...size(4, 1000), rows: size(4, 1000).rows.map((r) => (r.mode === 'parallel' ? { ...r, checksumOk: false } : r)) }];
    expect(interpretGranularity(analyseGranularity(bad, 2, 2), 2)[0]).toMatch(/^CHECKSUMS DIFFER in split\/parallel/);
  });

  it('does not say one thread beat the pool on small tasks unless the test found parallel slower there', () => {
    const close = [size(4, 1000, { parallel: 101 }, { parallel: { verdict: same(0.4) } }), size(16, 250), size(64, 64), size(256, 16)];
    const notes = interpretGranularity(analyseGranularity(close, 2, 2), 2).join('\n');
    expect(notes).toContain('at 100 µs as fast: no measurable difference (0.99x, p = 0.400).');
    expect(notes).not.toContain('which is why one thread beat the pool');
  });

  it('says so when the fitted cost of parallel is not measurably above zero', () => {
    const free = [size(4, 1000, { parallel: 50, hybrid: 50, piscina: 50 }), size(16, 250, { parallel: 50, hybrid: 50, piscina: 50 })];
    const notes = interpretGranularity(analyseGranularity(free, 2, 2), 2).join('\n');
    expect(notes).toContain('The fit found no cost measurably above zero (its interval reaches zero), so this run cannot place a break-even.');
    expect(notes).toContain('Batching did not measurably lower that cost here');
    expect(notes).toContain("(parallel/piscina fitted overhead none: the plain pool's fit is not above zero)");
  });
});
