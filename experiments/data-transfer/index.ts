import { serialize } from 'node:v8';
import type { ExperimentContext } from '../../src/experiment/context.ts';
import { defineExperiment } from '../../src/experiment/define.ts';
import { median } from '../../src/measure/stats.ts';
import { warmKernelUsPerUnit } from '../../src/runtime/kernel-calibration.ts';
import { lastByte, patternBuffer, patternBytes, plainRecords, serialiseCost, TransferWorker, type RoundTrip, type SerialiseCost } from './transfer.ts';
import { analyseDataTransfer, type DataTransferFacts, type DataTransferMeasured, type DataTransferRow, type SizeMeasured, type ViewMeasured, type DataTransferSettings } from './analysis.ts';

const KB = 1024;
const MB = 1024 * KB;

/** Nominal sizes, 1 KB to 64 MB in steps of 4x (quick: 1 KB to 4 MB in steps of 16x). */
export function transferSizes(quick: boolean): number[] {
  return quick ? [KB, 16 * KB, 256 * KB, 4 * MB] : [KB, 4 * KB, 16 * KB, 64 * KB, 256 * KB, MB, 4 * MB, 16 * MB, 64 * MB];
}

/**
 * Round trips timed per size and way: many for small payloads (cheap, noisy), few for large ones (slow, steady),
 * but never under 4: the Mann-Whitney test between two ways needs 4 against 4 to reach p < 0.05 at all.
 */
export function roundTripsAt(bytes: number, quick: boolean): number {
  if (bytes <= 64 * KB) return quick ? 15 : 41;
  if (bytes <= MB) return quick ? 7 : 15;
  return quick || bytes > 16 * MB ? 4 : 5;
}

async function timed(repeats: number, send: () => Promise<RoundTrip>, check: (trip: RoundTrip) => boolean): Promise<{ us: number; ok: boolean; samples: number[] }> {
  let ok = check(await send());
  const samples: number[] = [];
  for (let i = 0; i < repeats; i++) {
    const trip = await send();
    ok &&= check(trip);
    samples.push(trip.us);
  }
  return { us: median(samples), ok, samples };
}

function serialiseRuns(value: unknown, lengthOf: (copy: unknown) => number, length: number, runs: number): SerialiseCost {
  const costs = Array.from({ length: runs }, () => serialiseCost(value, lengthOf, length));
  return { serialiseUs: median(costs.map((r) => r.serialiseUs)), deserialiseUs: median(costs.map((r) => r.deserialiseUs)), bytes: costs[0]!.bytes };
}

type BytesMeasured = Pick<SizeMeasured, 'cloneSerialise' | 'acksOk'> & { readonly clone: number; readonly transfer: number; readonly shared: number; readonly samplesUs: { readonly clone: number[]; readonly transfer: number[]; readonly shared: number[] } };
type ObjectMeasured = Pick<SizeMeasured, 'objectSerialise' | 'objectBytes' | 'records' | 'acksOk'> & { readonly object: number; readonly samplesUs: number[] };

/** The three ways of sending bytes at one size: a clone, a transfer (moved back each time), a shared buffer written in place. */
async function measureBytes(worker: TransferWorker, bytes: number, quick: boolean): Promise<BytesMeasured> {
  const repeats = roundTripsAt(bytes, quick);
  const array = patternBytes(bytes);
  const bytesOk = (trip: RoundTrip): boolean => trip.ack.length === bytes && trip.ack.last === lastByte(bytes);
  const clone = await timed(repeats, () => worker.sendClone(array), bytesOk);
  // The same buffer every round trip: the worker moves it back with its acknowledgement.
  let moving = patternBuffer(bytes);
  const transfer = await timed(repeats, () => worker.sendTransfer(moving), (trip) => {
    if (trip.ack.returned !== undefined) moving = trip.ack.returned;
    return bytesOk(trip) && trip.ack.returned?.byteLength === bytes;
  });
  worker.sharedBytes.set(array);
  const shared = await timed(repeats, () => worker.sendShared(bytes), bytesOk);
  const cloneSerialise = serialiseRuns(array, (c) => (c instanceof Uint8Array ? c.byteLength : -1), bytes, Math.min(repeats, 7));
  return { clone: clone.us, transfer: transfer.us, shared: shared.us, samplesUs: { clone: clone.samples, transfer: transfer.samples, shared: shared.samples }, cloneSerialise, acksOk: clone.ok && transfer.ok && shared.ok };
}

/** The plain object at one size: its round trip and its v8 (de)serialisation; built here and dropped after, so the other ways never meet its heap. */
async function measureObject(worker: TransferWorker, bytes: number, quick: boolean): Promise<ObjectMeasured> {
  const repeats = roundTripsAt(bytes, quick);
  const records = plainRecords(bytes);
  const object = await timed(repeats, () => worker.sendObject(records), (t) => t.ack.length === records.length && t.ack.last === records.length - 1);
  const objectSerialise = serialiseRuns(records, (c) => (Array.isArray(c) ? c.length : -1), records.length, Math.min(repeats, 7));
  return { object: object.us, samplesUs: object.samples, objectSerialise, objectBytes: objectSerialise.bytes, records: records.length, acksOk: object.ok };
}

async function measureSizes(worker: TransferWorker, sizes: readonly number[], context: ExperimentContext): Promise<SizeMeasured[]> {
  const step = (i: number, what: string): void => {
    context.signal.throwIfAborted();
    context.onProgress({ label: `data-transfer ${what}`, phase: 'measure', repeat: i + 1, of: 2 * sizes.length });
  };
  // Bytes first, at every size, while the heap is small; then the objects, whose millions of records make the collector busy.
  const byteWays: BytesMeasured[] = [];
  for (const [i, bytes] of sizes.entries()) {
    step(i, `typed arrays, ${bytes} bytes`);
    byteWays.push(await measureBytes(worker, bytes, context.quick));
  }
  const measured: SizeMeasured[] = [];
  for (const [i, bytes] of sizes.entries()) {
    step(sizes.length + i, `plain object, ${bytes} bytes`);
    const b = byteWays[i]!;
    const o = await measureObject(worker, bytes, context.quick);
    measured.push({
      bytes,
      objectBytes: o.objectBytes,
      records: o.records,
      roundTripUs: { object: o.object, clone: b.clone, transfer: b.transfer, shared: b.shared },
      samplesUs: { object: o.samplesUs, ...b.samplesUs },
      objectSerialise: o.objectSerialise,
      cloneSerialise: b.cloneSerialise,
      acksOk: o.acksOk && b.acksOk,
    });
  }
  return measured;
}

async function measureView(worker: TransferWorker, bufferBytes: number, quick: boolean): Promise<ViewMeasured> {
  const viewBytes = KB;
  const view = patternBytes(bufferBytes).subarray(0, viewBytes);
  const standalone = patternBytes(bufferBytes).slice(0, viewBytes);
  const repeats = roundTripsAt(bufferBytes, quick);
  let receivedBufferBytes = 0;
  const viewTrip = await timed(repeats, () => worker.sendClone(view), (t) => {
    receivedBufferBytes = t.ack.bufferBytes;
    return t.ack.length === viewBytes;
  });
  const standaloneTrip = await timed(repeats, () => worker.sendClone(standalone), (t) => t.ack.length === viewBytes);
  return {
    viewBytes,
    bufferBytes,
    receivedBufferBytes,
    viewRoundTripUs: viewTrip.us,
    standaloneRoundTripUs: standaloneTrip.us,
    samplesUs: { view: viewTrip.samples, standalone: standaloneTrip.samples },
    viewSerializedBytes: serialize(view).byteLength,
  };
}

export const dataTransfer = defineExperiment<DataTransferMeasured, DataTransferRow, DataTransferFacts, DataTransferSettings>('data-transfer', {
  comparable: ['quick', 'sizes'],
  question: 'What does sending data to a worker cost, by size: a plain object, a cloned typed array, a transferred ArrayBuffer, a SharedArrayBuffer?',
  about: 'Round trips to a warm worker from 1 KB to 64 MB, with v8.serialize and deserialize timed apart; where transfer beats clone, and what size costs as much as 1 ms of work.',
  defaults: { repeats: 1, quickRepeats: 1 },
  // Its own rounds on one worker of its own: repeats, warm-ups, threads, seed and steps do not apply.
  commonSettings: ['quick'],

  async measure({ context }) {
    const sizes = transferSizes(context.quick);
    const top = sizes[sizes.length - 1]!;
    const usPerUnit = warmKernelUsPerUnit();
    const worker = await TransferWorker.start(top);
    try {
      // Untimed: every way, many times at the smallest size, so that the first size timed meets compiled code.
      for (let i = 0; i < 3; i++) {
        await measureBytes(worker, sizes[0]!, true);
        await measureObject(worker, sizes[0]!, true);
      }
      const measured = await measureSizes(worker, sizes, context);
      return { sizes: measured, view: await measureView(worker, top, context.quick), kernelUsPerUnit: usPerUnit };
    } finally {
      await worker.close();
    }
  },

  analyse: analyseDataTransfer,
});
