import { describe, expect, it } from 'vitest';
import { COSTS, handMadeFigures, handOffContext } from '../../test/helpers/hand-off-figures.ts';
import { analyseHandOff } from './analysis.ts';
import { handOff } from './index.ts';

// Hand-made figures (test/helpers/hand-off-figures.ts): every way's wall time is the ideal split of
// the one-thread loop over its usable threads plus 1000 tasks × its cost, 9 rounds that move every
// way alike; spin 1 µs, wake 8, postMessage 30 one in flight and 10 many, tinypool 15, piscina 20,
// poolifier 25, workerpool 40, the lab's parallel 60 traced and 35 untraced, hybrid 5.

const notesOf = (figures: ReturnType<typeof handMadeFigures>): readonly string[] => handOff.analyse(figures, handOffContext).notes;
/** The default figures' analysis, made once: it is pure, and most tests here read it (each analysis bootstraps 2,000 resamples). */
let defaultAnalysis: ReturnType<typeof handOff.analyse> | undefined;
const analysedDefault = (): ReturnType<typeof handOff.analyse> => (defaultAnalysis ??= handOff.analyse(handMadeFigures(), handOffContext));
const noteWith = (notes: readonly string[], start: string): string => notes.find((n) => n.startsWith(start)) ?? `(no note starting "${start}")`;

describe('the fits', () => {
  it('find each way\'s cost, held to its own usable threads (one for the spinning ring on 2 cores and for one task in flight)', () => {
    const a = analyseHandOff(handMadeFigures());
    for (const w of a.ways) expect(w.cost.value, w.name).toBeCloseTo(COSTS[w.name], 6);
    expect(a.ways.find((w) => w.name === 'ring-spin')!.usable).toBe(1);
    expect(a.ways.find((w) => w.name === 'post-message-one')!.usable).toBe(1);
    expect(a.fittedOn).toEqual([0, 1, 4]);
  });

  it('keep a difference in kernel speed between threads out of the costs: fitted over the small sizes only', () => {
    // Workers 4% slower per unit: at 256 units (1.28 ms a task) that alone would be 51 µs a task on one worker.
    const a = analyseHandOff(handMadeFigures({ workerSlowdown: 0.04 }));
    const spin = a.ways.find((w) => w.name === 'ring-spin')!;
    expect(spin.cost.value).toBeCloseTo(1 + (0.04 * 5 * (0 + 1 + 4)) / 3, 2);
    expect(spin.fit.overheadUs.at(-1)).toBeCloseTo(1 + 0.04 * 5 * 256, 1);
  });
});

describe('where the time of a hand-off goes', () => {
  it('names each rung as a difference of fitted costs, with its interval', () => {
    const note = noteWith(analysedDefault().notes, 'Where the time of a hand-off goes');
    expect(note).toContain('both spin cost 1.0 µs (95% interval');
    expect(note).toContain('woken by the OS added 7.0 µs (95% interval');
    expect(note).toContain('many in flight, added 2.0 µs (95% interval');
    expect(note).toContain("Piscina's own bookkeeping added 10.0 µs (95% interval");
    expect(note).toContain('added 15.0 µs (95% interval 14.9 µs to 15.1 µs) for its scheduler');
    expect(note).toMatch(/and 25\.0 µs \(95% interval [\d.]+ µs to [\d.]+ µs\) for recording every step\.$/);
  });

  it('says whether the expected order held, and names the step that broke it', () => {
    expect(analysedDefault().notes).toContain(
      "The expected order held, like against like by the fitted costs' intervals (below, or overlapping where equal is allowed): spin < wake <= postMessage one at a time (one task in flight per worker: a wake-up per task), and postMessage many in flight <= the cheapest pool (queues kept full).",
    );
    const notes = notesOf(handMadeFigures({ costs: { 'ring-spin': 12 } }));
    expect(noteWith(notes, 'The expected order')).toContain('did not hold here, like against like: spinning was not measurably cheaper than sleeping (a spinning thread that the OS deschedules');
    // A sleeping ring dearer than postMessage one at a time breaks the order; dearer than many in flight only, it does not, and says why.
    const wakeAboveOne = noteWith(notesOf(handMadeFigures({ costs: { 'ring-wake': 40 } })), 'The expected order');
    expect(wakeAboveOne).toContain('the sleeping ring cost measurably more than postMessage one task at a time, though both wait for a wake-up per task');
    expect(wakeAboveOne).toMatch(/With many in flight, postMessage \(10\.0 µs \(95% interval [^)]+\)\) undercuts even the sleeping ring/);
    const wakeAboveMany = noteWith(notesOf(handMadeFigures({ costs: { 'ring-wake': 12 } })), 'The expected order');
    expect(wakeAboveMany).toMatch(/^The expected order held, like against like/);
    expect(wakeAboveMany).toContain('undercuts even the sleeping ring: its workers find the next task waiting and never sleep');
    expect(noteWith(notesOf(handMadeFigures({ costs: { 'post-message-many': 40 } })), 'The expected order')).toContain("postMessage with many in flight cost measurably more than tinypool, though both keep their workers' queues full");
    expect(noteWith(notes, 'Spinning removed')).toMatch(/^Spinning removed none of the sleeping ring's cost here \(spin 12\.0 µs \(95% interval [^)]+\), sleep 8\.0 µs/);
  });

  it('prices spinning in cores burnt while idle, and says what it removed', () => {
    const note = noteWith(analysedDefault().notes, 'Spinning removed');
    expect(note).toContain('Spinning removed 88% (95% interval 87% to 88%)');
    expect(note).toContain('1 spinning worker (cores - 1 of 2, so that the main thread keeps a core) burnt 0.99 cores');
    expect(note).toContain('against at most 0.01 cores for the ways whose threads sleep');
  });

  it('compares one task in flight against many', () => {
    expect(noteWith(analysedDefault().notes, 'One task in flight')).toContain('67% (95% interval 67% at both ends, as rounded) of a lone round trip is waiting');
  });
});

describe('the cheapest pool, with its test', () => {
  it('names the cheapest pool, its distance from the sleeping floor, and the next one measurably dearer', () => {
    const note = noteWith(analysedDefault().notes, 'The cheapest pool');
    expect(note).toBe(
      'The cheapest pool here was tinypool, at 15.0 µs (95% interval 14.9 µs to 15.1 µs) a task, 1.88x (95% interval 1.87x to 1.88x) the sleeping floor; ' +
        'the next, piscina, cost 1.33x (95% interval 1.33x at both ends, as rounded) as much: measurably dearer (the interval of the ratio is above 1).',
    );
  });

  it('calls two pools a tie when the interval of their ratio reaches 1', () => {
    const noisy = { piscina: [1.1, 0.9, 1.05, 0.95, 1, 1.08, 0.92, 1.02, 0.98] };
    const note = noteWith(notesOf(handMadeFigures({ costs: { piscina: 15.2 }, factors: noisy })), 'The cheapest pool');
    expect(note).toMatch(/not measurably dearer \(the interval of the ratio reaches 1\): the two are a tie here\.$/);
  });

  it('claims no difference without rounds enough for an interval', () => {
    const note = noteWith(notesOf(handMadeFigures({ rounds: 1 })), 'The cheapest pool');
    expect(note).toContain('too few rounds for an interval, so not a measured difference');
  });

  it('marks the cheapest pool\'s JSON row, and only it', () => {
    const rows = analysedDefault().rows;
    expect(rows.filter((r) => r.cheapest === true).map((r) => r.way)).toEqual(['tinypool']);
  });
});

describe('the smallest task worth sending', () => {
  it('gives each way its crossover by verdicts, and says which ways cannot beat one thread', () => {
    const note = noteWith(analysedDefault().notes, 'The smallest task worth sending');
    expect(note).toContain('ring-spin cannot beat one thread: it hands work to 1 thread at a time');
    expect(note).toContain('post-message-one cannot beat one thread');
    // Piscina at 20 µs a task on 2 threads pays once half a task's work exceeds it: 4 units (20 µs) does not, 16 (80 µs) does.
    expect(note).toContain('piscina from 80.0 µs (16 units)');
    expect(note).toContain('lab-parallel from 320 µs (64 units)');
    expect(note).toContain('lab-hybrid from 20.0 µs (4 units)');
  });
});

describe('the facts, the skipped ways and the design', () => {
  it('names the facts as the issue does, spinCpuCores in cores', () => {
    const { facts } = analysedDefault();
    expect(facts.floorSpinUs).toBeCloseTo(1, 6);
    expect(facts.floorWakeUs).toBeCloseTo(8, 6);
    expect(facts.wakeShare).toBeCloseTo(0.875, 6);
    expect(facts.spinCpuCores).toBe(0.99);
    expect(facts.cheapestPoolOverFloor).toBeCloseTo(15 / 8, 6);
    expect(facts.piscinaCrossoverUnits).toBe(16);
    expect([facts.piscinaCrossoverUnitsLow, facts.piscinaCrossoverUnitsHigh]).toEqual([4, 16]);
    expect(facts.ringSpinCrossoverUnits).toBeNaN();
    for (const name of ['floorSpinUs', 'floorWakeUs', 'postMessageOneUs', 'postMessageManyUs', 'piscinaUs', 'tinypoolUs', 'workerpoolUs', 'poolifierUs', 'labParallelUs', 'labParallelUntracedUs', 'labHybridUs', 'wakeShare', 'cheapestPoolOverFloor'] as const) {
      expect(Object.keys(facts)).toEqual(expect.arrayContaining([name, `${name}Low`, `${name}High`]));
    }
  });

  it('notes a missing pool with its install command, and gives its facts as NaN', () => {
    const { notes, facts } = handOff.analyse(handMadeFigures({ missing: ['poolifier'] }), handOffContext);
    expect(notes).toContain('poolifier is not installed, so its way was skipped: npm install -D poolifier');
    expect(facts.poolifierUs).toBeNaN();
  });

  it('on one core, without the spinning ring, judges the order from the sleeping ring up and says nothing of spinning\'s price', () => {
    const notes = notesOf(handMadeFigures({ missing: ['ring-spin'] }));
    expect(notes.join('\n')).not.toContain('Spinning removed');
    expect(noteWith(notes, 'The expected order')).toMatch(/^The expected order held/);
  });

  it('warns first when a way did different work', () => {
    expect(notesOf(handMadeFigures({ wrongChecksums: 'workerpool' }))[0]).toMatch(/^CHECKSUMS DIFFER in 0 units\/task\/workerpool, /);
  });

  it('closes with the design: ways × sizes × rounds, and whether the order was balanced', () => {
    const design = analysedDefault().notes.at(-1)!;
    expect(design).toMatch(/^Design: 12 ways × 6 sizes \(0, 1, 4, 16, 64, 256 units per task; 0 is the hand-off alone, the floor, which stays out of the crossovers\) × 9 rounds, 1000 tasks at every size;/);
    expect(design).toContain('in a balanced order (each way followed every other equally often)');
    expect(notesOf(handMadeFigures({ unbalanced: true })).at(-1)).toContain('too few for a whole block: some ways followed others more often');
  });
});
