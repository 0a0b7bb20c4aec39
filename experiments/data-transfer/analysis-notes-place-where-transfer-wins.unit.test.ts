import { describe, expect, it } from 'vitest';
import { analyseDataTransfer, transferCrossover, type SizeMeasured } from './analysis.ts';
import type { ExperimentContext } from '../../src/experiment/context.ts';
import { dataTransferMeasured, sizeMeasured } from '../../test/helpers/analysis-data-transfer-figures.ts';

const notesOf = (sizes: SizeMeasured[], keptView = true): readonly string[] => analyseDataTransfer({ ...dataTransferMeasured(keptView), sizes }, {} as ExperimentContext).notes;
const mwu = 'Mann-Whitney U over 15 and 15 round trips';
const viewNote = (backing: string): string =>
  "A 1 KB view on a 1 MB buffer arrived with 1 MB behind it: postMessage clones the whole buffer, not the view, and the round trip took 20.00x a standalone 1 KB array's " +
  `(${backing}). Send \`view.slice()\` instead (v8.serialize, Node's own serializer, wrote only 1.01 KB).`;

describe('data-transfer notes: what grew, where transfer wins, and what a round trip costs in work', () => {
  it('by the medians alone, says each comparison is untested', () => {
    expect(analyseDataTransfer(dataTransferMeasured(), {} as ExperimentContext).notes).toEqual([
      "from 1 KB to 4 MB, a cloned typed array's round trip grew 125.00x (untested: no round trips were kept) and a plain object's 1600.00x (untested: no round trips were kept), " +
        "while a transferred ArrayBuffer's grew 1.33x (untested: no round trips were kept) and a SharedArrayBuffer notification's 1.10x (untested: no round trips were kept): transfer stayed flat while clone grew (expected: held).",
      'By the medians (untested: no round trips were kept), transfer was under clone for a typed array from about 12.4 KB up.',
      'Sending a plain object costs as much as 1 ms of kernel work (200 units at 5.00 µs, calibrated in this run) at about 48.2 KB (medians, interpolated); a cloned typed array at about 1.46 MB. ' +
        "A task is worth sending only when its work outlasts its data's round trip.",
      'postMessage hides its serialisation; timed apart, v8.serialize + v8.deserialize of the 8 MB object took 40.0 ms against a round trip of 80.0 ms, 50% of it (timed here, on the thread that also holds the payload).',
      viewNote('untested: no round trips were kept'),
    ]);
  });

  it('with the round trips kept, tests every growth, places the crossover by verdict, and tests the view', () => {
    expect(analyseDataTransfer(dataTransferMeasured(true), {} as ExperimentContext).notes).toEqual([
      `from 1 KB to 4 MB, a cloned typed array's round trip grew 125.00x (p < 0.001, ${mwu}) and a plain object's 1600.00x (p < 0.001, ${mwu}), ` +
        `while a transferred ArrayBuffer's grew 1.33x (p < 0.001, ${mwu}) and a SharedArrayBuffer notification's 1.10x (p = 0.002, ${mwu}): transfer stayed flat while clone grew (expected: held).`,
      'Transfer was measurably faster than clone for a typed array from 256 KB up (Mann-Whitney U over the round trips at each size); at 16 KB, transfer against clone: no measurable difference (p = 0.094).',
      'Sending a plain object costs as much as 1 ms of kernel work (200 units at 5.00 µs, calibrated in this run) at about 48.2 KB (medians, interpolated); a cloned typed array at about 1.46 MB. ' +
        "A task is worth sending only when its work outlasts its data's round trip.",
      'postMessage hides its serialisation; timed apart, v8.serialize + v8.deserialize of the 8 MB object took 40.0 ms against a round trip of 80.0 ms, 50% of it (timed here, on the thread that also holds the payload).',
      viewNote(`p < 0.001, ${mwu}`),
    ]);
  });

  it('says why transfer lost below the crossover when it was measurably slower there', () => {
    const notes = notesOf([sizeMeasured(1024, { object: 50, clone: 20, transfer: 30, shared: 20 }, true), sizeMeasured(16384, { object: 20000, clone: 60, transfer: 30, shared: 20 }, true)]);
    expect(notes[0]).toBe(
      `from 1 KB to 16 KB, a cloned typed array's round trip grew 3.00x (p < 0.001, ${mwu}) and a plain object's 400.00x (p < 0.001, ${mwu}), ` +
        `while a transferred ArrayBuffer's grew 1.00x (no measurable difference, p = 1.000, ${mwu}) and a SharedArrayBuffer notification's 1.00x (no measurable difference, p = 1.000, ${mwu}): ` +
        'transfer did NOT stay flat against clone on this run.',
    );
    expect(notes[1]).toBe(
      'Transfer was measurably faster than clone for a typed array from 16 KB up (Mann-Whitney U over the round trips at each size); at 1 KB, transfer against clone: slower (p < 0.001): ' +
        'copying the bytes cost less than detaching the buffer and attaching it in the worker.',
    );
    // 10,000 µs of (de)serialisation is 10 ms: from there on, ms.
    expect(notes[3]).toBe('postMessage hides its serialisation; timed apart, v8.serialize + v8.deserialize of the 32 KB object took 10.0 ms against a round trip of 20.0 ms, 50% of it (timed here, on the thread that also holds the payload).');
    expect(notes[2]).toBe(
      "Sending a plain object costs as much as 1 ms of kernel work (200 units at 5.00 µs, calibrated in this run) at about 4 KB (medians, interpolated); a cloned typed array did not reach it up to 16 KB. A task is worth sending only when its work outlasts its data's round trip.",
    );
  });

  it('says transfer won from the smallest size, or never measurably, by the verdicts', () => {
    const always = notesOf([sizeMeasured(1024, { object: 50, clone: 40, transfer: 20, shared: 20 }, true), sizeMeasured(16384, { object: 2_000_000, clone: 60, transfer: 30, shared: 20 }, true)]);
    expect(always[1]).toBe('Transfer was measurably faster than clone for a typed array at every size measured, from the smallest (1 KB; Mann-Whitney U over the round trips at each size).');
    expect(always[3]).toMatch(/object took 1\.00 s against a round trip of 2\.00 s, 50% of it/);
    const never = notesOf([sizeMeasured(1024, { object: 50, clone: 20, transfer: 30, shared: 20 }, true), sizeMeasured(16384, { object: 9998, clone: 21, transfer: 22, shared: 20 }, true)]);
    expect(never[1]).toBe(
      'Transfer was not measurably faster than clone at the largest size measured (16 KB; transfer against clone: no measurable difference (p = 0.094); Mann-Whitney U over the round trips at each size).',
    );
    // 9,999 µs stays in µs.
    expect(never[3]).toMatch(/object took 4999 µs against a round trip of 9998 µs, 50% of it/);
  });

  it('by the medians, says transfer was never under clone, and that the object stayed under 1 ms of work', () => {
    const notes = notesOf([sizeMeasured(1024, { object: 50, clone: 20, transfer: 30, shared: 20 }), sizeMeasured(16384, { object: 60, clone: 21, transfer: 31, shared: 20 })], false);
    expect(notes.slice(1, 4)).toEqual([
      'By the medians (untested: no round trips were kept), transfer was never under clone in the sizes measured (up to 16 KB).',
      'Sending a plain object stayed under 1 ms of kernel work (200 units at 5.00 µs, calibrated in this run) up to 16 KB.',
      'postMessage hides its serialisation; timed apart, v8.serialize + v8.deserialize of the 32 KB object took 30.0 µs against a round trip of 60.0 µs, 50% of it (timed here, on the thread that also holds the payload).',
    ]);
  });

  it('says untested when the largest size kept no round trips, and puts wrong acknowledgements first', () => {
    const notes = notesOf([sizeMeasured(1024, { object: 50, clone: 20, transfer: 30, shared: 20 }, true), sizeMeasured(16384, { object: 60, clone: 20, transfer: 31, shared: 20 }, false, false)]);
    expect(notes[0]).toBe('ACKNOWLEDGEMENTS WERE WRONG at 16 KB: the worker did not see what was sent, and those times mean nothing.');
    expect(notes[1]).toContain("a cloned typed array's round trip grew 1.00x (untested: no round trips were kept) and a plain object's 1.20x (untested: no round trips were kept)");
    expect(notes[2]).toBe('By the medians (untested: no round trips were kept), transfer was never under clone in the sizes measured (up to 16 KB).');
    expect(notes).toHaveLength(6);
  });

  it('finds no crossover by verdict without sizes, or without every size\'s round trips', () => {
    expect(transferCrossover([])).toBeUndefined();
    expect(transferCrossover([sizeMeasured(1024, { object: 50, clone: 40, transfer: 20, shared: 20 }, true), sizeMeasured(4096, { object: 50, clone: 40, transfer: 20, shared: 20 })])).toBeUndefined();
    expect(transferCrossover([sizeMeasured(1024, { object: 50, clone: 40, transfer: 20, shared: 20 }, true)])).toMatchObject({ state: 'always-faster', smallest: 1024 });
  });

  it('names every size with wrong acknowledgements, and leaves growth untested when the smallest size kept no round trips', () => {
    const notes = notesOf([sizeMeasured(1024, { object: 100, clone: 20, transfer: 30, shared: 20 }, false, false), sizeMeasured(4096, { object: 99.96, clone: 21, transfer: 31, shared: 20 }, true, false)]);
    expect(notes.slice(0, 2)).toEqual([
      'ACKNOWLEDGEMENTS WERE WRONG at 1 KB, 4 KB: the worker did not see what was sent, and those times mean nothing.',
      "from 1 KB to 4 KB, a cloned typed array's round trip grew 1.05x (untested: no round trips were kept) and a plain object's 1.00x (untested: no round trips were kept), " +
        "while a transferred ArrayBuffer's grew 1.03x (untested: no round trips were kept) and a SharedArrayBuffer notification's 1.00x (untested: no round trips were kept): transfer did NOT stay flat against clone on this run.",
    ]);
  });
});
