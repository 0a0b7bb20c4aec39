import type { Analysis } from '../../src/experiment/define.ts';
import type { ExperimentContext } from '../../src/experiment/context.ts';
import { crossoverByVerdict, crossoverSize, type Crossover, type SizePoint } from '../../src/measure/crossover.ts';
import { unpairedVerdict } from '../../src/measure/verdict.ts';
import { comparisonBacking, unpairedComparison } from '../../src/experiment/ratio-with-verdict.ts';
import { verdictPhrase } from '../../src/report/interval-text.ts';
import { formatBytes, formatRatio } from '../../src/report/format.ts';
import type { PayloadKind } from './transfer.ts';
import type { DataTransferFacts, DataTransferMeasured, DataTransferRow, SizeMeasured } from './figures.ts';

export type { DataTransferFacts, DataTransferMeasured, DataTransferRow, SizeMeasured, ViewMeasured } from './figures.ts';

function us(value: number): string {
  return value >= 100 ? value.toFixed(0) : value.toFixed(1);
}

/** A duration given in µs, in the unit that reads best: µs, ms or s. */
function duration(microseconds: number): string {
  if (microseconds >= 1e6) return `${(microseconds / 1e6).toPrecision(3)} s`;
  if (microseconds >= 1e4) return `${(microseconds / 1e3).toPrecision(3)} ms`;
  return `${us(microseconds)} µs`;
}

/** The first size where the ratio reaches 1, interpolated; the smallest if it starts there; NaN (null in JSON) if it never does. */
function sizeWhere(points: readonly SizePoint[]): number {
  const crossing = crossoverSize(points);
  return crossing.state === 'crossed' ? crossing.size : crossing.state === 'always-faster' ? crossing.smallest : Number.NaN;
}

/** The size from which the ratio stays at 1 or more at every larger size: noise at small sizes must not claim a crossover. */
function sizeFromWhichAlways(points: readonly SizePoint[]): number {
  const sorted = [...points].sort((a, b) => a.size - b.size);
  const lastBelow = sorted.findLastIndex((p) => p.speedup < 1);
  if (lastBelow === sorted.length - 1) return Number.NaN;
  return lastBelow === -1 ? sorted[0]!.size : sizeWhere(sorted.slice(lastBelow));
}

/** Where transfer starts to be measurably faster than clone, by each size's Mann-Whitney verdict; undefined unless every size kept its round trips. */
export function transferCrossover(sizes: readonly SizeMeasured[]): Crossover | undefined {
  if (sizes.length === 0 || !sizes.every((s) => s.samplesUs !== undefined)) return undefined;
  return crossoverByVerdict(sizes.map((s) => ({ size: s.bytes, verdict: unpairedVerdict(s.samplesUs!.transfer, s.samplesUs!.clone) })));
}

function transferFromBytes(sizes: readonly SizeMeasured[]): number | undefined {
  const c = transferCrossover(sizes);
  if (c === undefined) return undefined;
  return c.state === 'crossed' ? c.above : c.state === 'always-faster' ? c.smallest : Number.NaN;
}

/** The settings its result states beyond the common ones. */
export type DataTransferSettings = { sizes: string; roundTrips: string };

/** Tables, facts, notes and the chart, from the measured sizes alone. */
export function analyseDataTransfer(measured: DataTransferMeasured, _context: ExperimentContext): Analysis<DataTransferRow, DataTransferFacts, DataTransferSettings> {
  const rows: DataTransferRow[] = measured.sizes.map((s) => ({
    bytes: s.bytes,
    objectBytes: s.objectBytes,
    records: s.records,
    objectUs: s.roundTripUs.object,
    cloneUs: s.roundTripUs.clone,
    transferUs: s.roundTripUs.transfer,
    sharedUs: s.roundTripUs.shared,
    objectSerialiseUs: s.objectSerialise.serialiseUs,
    objectDeserialiseUs: s.objectSerialise.deserialiseUs,
    cloneSerialiseUs: s.cloneSerialise.serialiseUs,
    cloneDeserialiseUs: s.cloneSerialise.deserialiseUs,
    acksOk: s.acksOk,
  }));
  const first = rows[0]!;
  const last = rows[rows.length - 1]!;
  const growth = (pick: (r: DataTransferRow) => number): number => pick(last) / pick(first);
  const unitsPerMs = 1000 / measured.kernelUsPerUnit;
  const { view } = measured;
  const facts: DataTransferFacts = {
    transferBeatsCloneFromBytes: transferFromBytes(measured.sizes) ?? sizeFromWhichAlways(rows.map((r) => ({ size: r.bytes, speedup: r.cloneUs / r.transferUs }))),
    sendEqualsOneMsWorkBytes: sizeWhere(rows.map((r) => ({ size: r.bytes, speedup: r.objectUs / 1000 }))),
    cloneEqualsOneMsWorkBytes: sizeWhere(rows.map((r) => ({ size: r.bytes, speedup: r.cloneUs / 1000 }))),
    kernelUsPerUnit: measured.kernelUsPerUnit,
    kernelUnitsPerMs: unitsPerMs,
    objectGrowth: growth((r) => r.objectUs),
    cloneGrowth: growth((r) => r.cloneUs),
    transferGrowth: growth((r) => r.transferUs),
    sharedGrowth: growth((r) => r.sharedUs),
    transferFlatWhileCloneGrows: growth((r) => r.transferUs) * 10 <= growth((r) => r.cloneUs) ? 1 : 0,
    viewBytes: view.viewBytes,
    viewReceivedBufferBytes: view.receivedBufferBytes,
    viewOverStandalone: view.viewRoundTripUs / view.standaloneRoundTripUs,
  };
  return {
    settings: { sizes: rows.map((r) => formatBytes(r.bytes, 'binary')).join(', '), roundTrips: 'median of 4-41 round trips per size and way, after one untimed; --repeats does not apply' },
    tables: [
      {
        title: 'data-transfer: round trip to a warm worker and back (a small acknowledgement), median µs',
        head: ['size', 'object', 'typed array cloned', 'ArrayBuffer transferred', 'SharedArrayBuffer notified', 'v8.serialize object', 'v8.deserialize object', 'acks'],
        rows: rows.map((r) => [formatBytes(r.bytes, 'binary'), us(r.objectUs), us(r.cloneUs), us(r.transferUs), us(r.sharedUs), us(r.objectSerialiseUs), us(r.objectDeserialiseUs), r.acksOk ? 'ok' : 'WRONG']),
      },
      {
        title: `a ${formatBytes(view.viewBytes, 'binary')} typed-array view on a ${formatBytes(view.bufferBytes, 'binary')} buffer, cloned`,
        head: ['what', 'bytes', 'round trip µs'],
        rows: [
          ['the view, cloned by postMessage', `${formatBytes(view.receivedBufferBytes, 'binary')} arrived behind it`, us(view.viewRoundTripUs)],
          ['a standalone copy of the view', formatBytes(view.viewBytes, 'binary'), us(view.standaloneRoundTripUs)],
          ['v8.serialize(view), for comparison', `${formatBytes(view.viewSerializedBytes, 'binary')} written`, '-'],
        ],
      },
    ],
    rows,
    facts,
    notes: dataTransferNotes(rows, facts, measured),
    lineCharts: [
      {
        title: 'data-transfer: round trip to a worker by payload size',
        xLabel: 'payload size (bytes, decimal ticks)',
        yLabel: 'round trip (µs)',
        formatX: (x) => (x >= 1e6 ? `${x / 1e6} MB` : x >= 1e3 ? `${x / 1e3} kB` : `${x} B`),
        series: [
          { label: 'plain object', points: rows.map((r) => ({ x: r.bytes, y: r.objectUs })) },
          { label: 'typed array, cloned', points: rows.map((r) => ({ x: r.bytes, y: r.cloneUs })) },
          { label: 'ArrayBuffer, transferred', points: rows.map((r) => ({ x: r.bytes, y: r.transferUs })) },
          { label: 'SharedArrayBuffer, notified', points: rows.map((r) => ({ x: r.bytes, y: r.sharedUs })) },
          { label: 'v8.serialize + deserialize of the object', points: rows.map((r) => ({ x: r.bytes, y: r.objectSerialiseUs + r.objectDeserialiseUs })) },
        ],
        references: [{ label: `1 ms of kernel work (${Math.round(unitsPerMs)} units)`, y: 1000 }],
      },
    ],
  };
}

/** Sentences computed from the rows and facts: the crossovers, what grows and what stays flat, the view. */
export function dataTransferNotes(rows: readonly DataTransferRow[], facts: DataTransferFacts, measured: DataTransferMeasured): string[] {
  const first = rows[0]!;
  const last = rows[rows.length - 1]!;
  const span = `from ${formatBytes(first.bytes, 'binary')} to ${formatBytes(last.bytes, 'binary')}`;
  const notes: string[] = [];
  const wrong = rows.filter((r) => !r.acksOk);
  if (wrong.length > 0) notes.push(`ACKNOWLEDGEMENTS WERE WRONG at ${wrong.map((r) => formatBytes(r.bytes, 'binary')).join(', ')}: the worker did not see what was sent, and those times mean nothing.`);
  const growth = (way: PayloadKind, ratio: number): string => {
    const [top, bottom] = [measured.sizes[measured.sizes.length - 1]!.samplesUs?.[way], measured.sizes[0]!.samplesUs?.[way]];
    if (top === undefined || bottom === undefined) return `${formatRatio(ratio)} (untested: no round trips were kept)`;
    return `${formatRatio(ratio)} (${comparisonBacking(unpairedComparison(top, bottom, 'round trips'))})`;
  };
  notes.push(
    `${span}, a cloned typed array's round trip grew ${growth('clone', facts.cloneGrowth)} and a plain object's ${growth('object', facts.objectGrowth)}, while a transferred ArrayBuffer's grew ${growth('transfer', facts.transferGrowth)} ` +
      `and a SharedArrayBuffer notification's ${growth('shared', facts.sharedGrowth)}: transfer ${facts.transferFlatWhileCloneGrows === 1 ? 'stayed flat while clone grew (expected: held)' : 'did NOT stay flat against clone on this run'}.`,
  );
  notes.push(transferAgainstClone(transferCrossover(measured.sizes), facts, first.bytes, last.bytes));
  const oneMs = `1 ms of kernel work (${Math.round(facts.kernelUnitsPerMs)} units at ${facts.kernelUsPerUnit.toFixed(2)} µs, calibrated in this run)`;
  notes.push(
    Number.isNaN(facts.sendEqualsOneMsWorkBytes)
      ? `Sending a plain object stayed under ${oneMs} up to ${formatBytes(last.bytes, 'binary')}.`
      : `Sending a plain object costs as much as ${oneMs} at about ${formatBytes(facts.sendEqualsOneMsWorkBytes, 'binary')} (medians, interpolated); a cloned typed array ${Number.isNaN(facts.cloneEqualsOneMsWorkBytes) ? `did not reach it up to ${formatBytes(last.bytes, 'binary')}` : `at about ${formatBytes(facts.cloneEqualsOneMsWorkBytes, 'binary')}`}. A task is worth sending only when its work outlasts its data's round trip.`,
  );
  notes.push(
    `postMessage hides its serialisation; timed apart, v8.serialize + v8.deserialize of the ${formatBytes(last.objectBytes, 'binary')} object took ${duration(last.objectSerialiseUs + last.objectDeserialiseUs)} against a round trip of ${duration(last.objectUs)}, ` +
      `${Math.round(((last.objectSerialiseUs + last.objectDeserialiseUs) / last.objectUs) * 100)}% of it (timed here, on the thread that also holds the payload).`,
  );
  const { view } = measured;
  const viewBacking = view.samplesUs === undefined ? 'untested: no round trips were kept' : comparisonBacking(unpairedComparison(view.samplesUs.view, view.samplesUs.standalone, 'round trips'));
  notes.push(
    `A ${formatBytes(view.viewBytes, 'binary')} view on a ${formatBytes(view.bufferBytes, 'binary')} buffer arrived with ${formatBytes(view.receivedBufferBytes, 'binary')} behind it: postMessage clones the whole buffer, not the view, ` +
      `and the round trip took ${formatRatio(facts.viewOverStandalone)} a standalone ${formatBytes(view.viewBytes, 'binary')} array's (${viewBacking}). Send \`view.slice()\` instead (v8.serialize, Node's own serializer, wrote only ${formatBytes(view.viewSerializedBytes, 'binary')}).`,
  );
  return notes;
}

/** Where transfer was faster than clone, by each size's Mann-Whitney verdict; by the medians alone (and said so) when no round trips were kept. */
function transferAgainstClone(c: Crossover | undefined, facts: DataTransferFacts, firstBytes: number, lastBytes: number): string {
  const test = 'Mann-Whitney U over the round trips at each size';
  if (c === undefined) {
    return Number.isNaN(facts.transferBeatsCloneFromBytes)
      ? `By the medians (untested: no round trips were kept), transfer was never under clone in the sizes measured (up to ${formatBytes(lastBytes, 'binary')}).`
      : `By the medians (untested: no round trips were kept), transfer was under clone for a typed array from about ${formatBytes(facts.transferBeatsCloneFromBytes, 'binary')} up.`;
  }
  switch (c.state) {
    case 'always-faster':
      return `Transfer was measurably faster than clone for a typed array at every size measured, from the smallest (${formatBytes(firstBytes, 'binary')}; ${test}).`;
    case 'crossed':
      return (
        `Transfer was measurably faster than clone for a typed array from ${formatBytes(c.above, 'binary')} up (${test}); at ${formatBytes(c.below, 'binary')}, transfer against clone: ${verdictPhrase(c.belowVerdict)}` +
        (c.belowVerdict.state === 'slower' ? ': copying the bytes cost less than detaching the buffer and attaching it in the worker.' : '.')
      );
    case 'never-faster':
      return `Transfer was not measurably faster than clone at the largest size measured (${formatBytes(c.largest, 'binary')}; transfer against clone: ${verdictPhrase(c.largestVerdict)}; ${test}).`;
  }
}
