import { describe, expect, it } from 'vitest';
import { analyseDataTransfer } from './analysis.ts';
import type { ExperimentContext } from '../../src/experiment/context.ts';
import { dataTransferMeasured, sizeMeasured } from '../../test/helpers/analysis-data-transfer-figures.ts';
import { resultTable } from '../../test/helpers/result-table.ts';

const context = {} as ExperimentContext;

describe('data-transfer: rows, tables, facts and the chart from the medians', () => {
  // Analysed inside each test, not once for the describe block: code run while tests are collected is
  // covered by no test, so Stryker would run none of these against a mutant of it.
  const analysed = (): ReturnType<typeof analyseDataTransfer> => analyseDataTransfer(dataTransferMeasured(), context);

  it('carries each size as a row, with its serialisation apart', () => {
    expect(analysed().rows[0]).toEqual({
      bytes: 1024, objectBytes: 2048, records: 32, objectUs: 50, cloneUs: 20, transferUs: 30, sharedUs: 20, objectSerialiseUs: 50 / 3, objectDeserialiseUs: 50 / 6, cloneSerialiseUs: 2, cloneDeserialiseUs: 1, acksOk: true,
    });
    expect(analysed().rows.map((r) => [r.bytes, r.objectUs, r.cloneUs, r.transferUs, r.sharedUs])).toEqual([
      [1024, 50, 20, 30, 20],
      [16384, 400, 25, 24, 20],
      [262144, 4000, 200, 30, 21],
      [4194304, 80000, 2500, 40, 22],
    ]);
    expect(analysed().settings).toEqual({ sizes: '1 KB, 16 KB, 256 KB, 4 MB', roundTrips: 'median of 4-41 round trips per size and way, after one untimed; --repeats does not apply' });
  });

  it('tabulates round trips with µs to one decimal below 100, and what a cloned view carried', () => {
    expect(analysed().tables).toEqual([
      resultTable('data-transfer: round trip to a warm worker and back (a small acknowledgement), median µs', `
        size | object | typed array cloned | ArrayBuffer transferred | SharedArrayBuffer notified | v8.serialize object | v8.deserialize object | acks
        1 KB | 50.0 | 20.0 | 30.0 | 20.0 | 16.7 | 8.3 | ok
        16 KB | 400 | 25.0 | 24.0 | 20.0 | 133 | 66.7 | ok
        256 KB | 4000 | 200 | 30.0 | 21.0 | 1333 | 667 | ok
        4 MB | 80000 | 2500 | 40.0 | 22.0 | 26667 | 13333 | ok
      `),
      resultTable('a 1 KB typed-array view on a 1 MB buffer, cloned', `
        what | bytes | round trip µs
        the view, cloned by postMessage | 1 MB arrived behind it | 400
        a standalone copy of the view | 1 KB | 20.0
        v8.serialize(view), for comparison | 1.01 KB written | -
      `),
    ]);
  });

  it('states where each ratio crosses, how each way grew, and the view against a copy', () => {
    expect(analysed().facts).toEqual({
      // Clone over transfer is 0.67 at 1 KB and 1.04 at 16 KB: interpolated in log-log between them.
      transferBeatsCloneFromBytes: 12713.899641049575,
      // The object's round trip passes 1000 µs between 16 KB (400) and 256 KB (4000), the clone's between 256 KB (200) and 4 MB (2500).
      sendEqualsOneMsWorkBytes: 49384.13550680007,
      cloneEqualsOneMsWorkBytes: 1534002.1577686658,
      kernelUsPerUnit: 5,
      kernelUnitsPerMs: 200,
      objectGrowth: 1600,
      cloneGrowth: 125,
      transferGrowth: 40 / 30,
      sharedGrowth: 1.1,
      transferFlatWhileCloneGrows: 1,
      viewBytes: 1024,
      viewReceivedBufferBytes: 1 << 20,
      viewOverStandalone: 20,
    });
  });

  it('draws every way and the serialisation against size, with 1 ms of work as a reference', () => {
    const [chart] = analysed().lineCharts!;
    expect(chart!.title).toBe('data-transfer: round trip to a worker by payload size');
    expect([chart!.xLabel, chart!.yLabel]).toEqual(['payload size (bytes, decimal ticks)', 'round trip (µs)']);
    expect(chart!.series.map((s) => [s.label, s.points.map((p) => p.y)])).toEqual([
      ['plain object', [50, 400, 4000, 80000]],
      ['typed array, cloned', [20, 25, 200, 2500]],
      ['ArrayBuffer, transferred', [30, 24, 30, 40]],
      ['SharedArrayBuffer, notified', [20, 20, 21, 22]],
      ['v8.serialize + deserialize of the object', [25, 200, 2000, 40000]],
    ]);
    expect(chart!.series.every((s) => s.points.map((p) => p.x).join() === '1024,16384,262144,4194304')).toBe(true);
    expect(chart!.references).toEqual([{ label: '1 ms of kernel work (200 units)', y: 1000 }]);
    expect([999, 1000, 999_999, 1e6, 2.5e6].map((x) => chart!.formatX!(x))).toEqual(['999 B', '1 kB', '999.999 kB', '1 MB', '2.5 MB']);
  });

  it('calls transfer flat only when it grew at most a tenth as much as clone', () => {
    const grown = (transferAtTop: number) => analyseDataTransfer({ ...dataTransferMeasured(), sizes: [sizeMeasured(1024, { object: 50, clone: 20, transfer: 30, shared: 20 }), sizeMeasured(4096, { object: 60, clone: 200, transfer: transferAtTop, shared: 20 })] }, context).facts;
    // Clone grew 10x: transfer may grow 1x (30 to 30) and still be flat, not 1.1x.
    expect(grown(30).transferFlatWhileCloneGrows).toBe(1);
    expect(grown(33).transferFlatWhileCloneGrows).toBe(0);
  });

  it('places where transfer always wins past the last size it lost at, not at an early win that noise made', () => {
    // Transfer wins at 1 KB, loses at 4 KB, then wins from 16 KB on: it always wins from between 4 and 16 KB.
    const noisy = analyseDataTransfer({ ...dataTransferMeasured(), sizes: [sizeMeasured(1024, { object: 50, clone: 36, transfer: 30, shared: 20 }), sizeMeasured(4096, { object: 60, clone: 27, transfer: 30, shared: 20 }), sizeMeasured(16384, { object: 70, clone: 60, transfer: 30, shared: 20 })] }, context);
    expect(noisy.facts.transferBeatsCloneFromBytes).toBeCloseTo(4096 * 4 ** (Math.log(30 / 27) / Math.log(60 / 27)), 6);
    const always = analyseDataTransfer({ ...dataTransferMeasured(), sizes: [sizeMeasured(1024, { object: 50, clone: 30, transfer: 30, shared: 20 }), sizeMeasured(4096, { object: 60, clone: 40, transfer: 30, shared: 20 })] }, context);
    expect(always.facts.transferBeatsCloneFromBytes).toBe(1024);
    const lostLast = analyseDataTransfer({ ...dataTransferMeasured(), sizes: [sizeMeasured(1024, { object: 50, clone: 40, transfer: 30, shared: 20 }), sizeMeasured(4096, { object: 60, clone: 29, transfer: 30, shared: 20 })] }, context);
    expect(lostLast.facts.transferBeatsCloneFromBytes).toBeNaN();
  });

  it('with round trips kept, places it by each size\'s verdict: where it became faster, from the smallest, or nowhere', () => {
    expect(analyseDataTransfer(dataTransferMeasured(true), context).facts.transferBeatsCloneFromBytes).toBe(262144);
    const measuredAt = (sizes: [number, number][]) =>
      analyseDataTransfer({ ...dataTransferMeasured(true), sizes: sizes.map(([clone, transfer], i) => sizeMeasured(1024 * 4 ** i, { object: 50, clone, transfer, shared: 20 }, true)) }, context).facts.transferBeatsCloneFromBytes;
    expect(measuredAt([[40, 20], [50, 20]])).toBe(1024);
    expect(measuredAt([[20, 40], [20, 20]])).toBeNaN();
    // Without the round trips of every size, by the medians.
    const mixed = { ...dataTransferMeasured(true), sizes: [sizeMeasured(1024, { object: 50, clone: 40, transfer: 20, shared: 20 }, true), sizeMeasured(4096, { object: 50, clone: 50, transfer: 20, shared: 20 })] };
    expect(analyseDataTransfer(mixed, context).facts.transferBeatsCloneFromBytes).toBe(1024);
  });

  it('leaves a crossing out that the sizes never reached', () => {
    const small = analyseDataTransfer({ ...dataTransferMeasured(), sizes: [sizeMeasured(1024, { object: 50, clone: 20, transfer: 30, shared: 20 }), sizeMeasured(4096, { object: 999, clone: 21, transfer: 31, shared: 20 })] }, context).facts;
    expect([small.sendEqualsOneMsWorkBytes, small.cloneEqualsOneMsWorkBytes]).toEqual([Number.NaN, Number.NaN]);
    const big = analyseDataTransfer({ ...dataTransferMeasured(), sizes: [sizeMeasured(1024, { object: 1000, clone: 1500, transfer: 30, shared: 20 }), sizeMeasured(4096, { object: 2000, clone: 2100, transfer: 31, shared: 20 })] }, context).facts;
    expect([big.sendEqualsOneMsWorkBytes, big.cloneEqualsOneMsWorkBytes]).toEqual([1024, 1024]);
  });

  it('marks wrong acknowledgements in the table, and writes a round trip of 100 µs without a decimal', () => {
    const wrong = analyseDataTransfer({ ...dataTransferMeasured(), sizes: [sizeMeasured(1024, { object: 100, clone: 20, transfer: 30, shared: 20 }, false, false), sizeMeasured(4096, { object: 99.96, clone: 21, transfer: 31, shared: 20 }, false, false)] }, context);
    expect(wrong.tables[0]!.rows).toEqual([
      ['1 KB', '100', '20.0', '30.0', '20.0', '33.3', '16.7', 'WRONG'],
      ['4 KB', '100.0', '21.0', '31.0', '20.0', '33.3', '16.7', 'WRONG'],
    ]);
  });
});
